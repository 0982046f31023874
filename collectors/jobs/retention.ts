/** Post-commit housekeeping: keep raw samples, rollup tiers and the changes log to their windows. */
import type { Db } from '../../lib/db/client';
import { pruneChanges } from '../../lib/db/mutations/prune-changes';
import { pruneByAge } from '../../lib/db/mutations/prune-by-age';
import { pruneRollups } from '../../lib/db/mutations/rollups';

export interface RetentionPolicy {
  /** Raw samples and per-sweep economics older than this are deleted (rollups will keep the long history). */
  rawRetentionMs: number;
  /** Changes older than this are deleted: browsers only need them to backfill a reconnect. */
  changesRetentionMs: number;
  /** 1-minute rollups are kept this long (default 30 days), 1-hour rollups and rig events this long (default 2 years). */
  m1RetentionMs: number;
  h1RetentionMs: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  rawRetentionMs: 48 * 3_600_000,
  changesRetentionMs: 15 * 60_000,
  m1RetentionMs: 30 * 86_400_000,
  h1RetentionMs: 730 * 86_400_000,
};

/** Runs every retention rule once; returns what was removed. */
export function runRetention(db: Db, nowMs: number, policy: RetentionPolicy) {
  return {
    samples: pruneByAge(db, 'samples', nowMs, policy.rawRetentionMs),
    economics: pruneByAge(db, 'economics', nowMs, policy.rawRetentionMs),
    changes: pruneChanges(db, nowMs, policy.changesRetentionMs),
    m1: pruneRollups(db, 'm1', nowMs - policy.m1RetentionMs),
    h1: pruneRollups(db, 'h1', nowMs - policy.h1RetentionMs),
    events: pruneByAge(db, 'rig_events', nowMs, policy.h1RetentionMs),
  };
}
