/** Post-commit housekeeping: keep raw samples, rollup tiers, sweeps, economics and the changes log to their windows. */
import type { Db } from '../../lib/db/client';
import { pruneChanges } from '../../lib/db/mutations/prune-changes';
import { pruneByAge } from '../../lib/db/mutations/prune-by-age';
import { prunePacks } from '../../lib/db/mutations/rollup-packs';
import { pruneRollups } from '../../lib/db/mutations/rollups';

/**
 * How long each kind of history is kept. The defaults meet the floors of the design (24 h raw, 7 days at
 * 1 minute, 90 days at 5 minutes, 2 years at 1 hour) and nothing more: about 5 MB per rig in all (README).
 */
export interface RetentionPolicy {
  /** Raw samples, rigs' profit series, sweeps and site/fleet economics older than this are deleted. */
  rawRetentionMs: number;
  /** Changes older than this are deleted: browsers only need them to backfill a reconnect. */
  changesRetentionMs: number;
  /** 1-minute, 5-minute and 1-hour rollups are kept this long; rig events as long as the 1-hour tier. */
  m1RetentionMs: number;
  m5RetentionMs: number;
  h1RetentionMs: number;
}

const DAY_MS = 86_400_000;

export const DEFAULT_RETENTION: RetentionPolicy = {
  rawRetentionMs: DAY_MS,
  changesRetentionMs: 15 * 60_000,
  m1RetentionMs: 7 * DAY_MS,
  m5RetentionMs: 90 * DAY_MS,
  h1RetentionMs: 730 * DAY_MS,
};

/** Runs every retention rule once, each in short batches; returns what was removed. */
export function runRetention(db: Db, nowMs: number, policy: RetentionPolicy) {
  return {
    samples: pruneByAge(db, 'samples', nowMs, policy.rawRetentionMs),
    profit: pruneByAge(db, 'rig_profit', nowMs, policy.rawRetentionMs),
    economics: pruneByAge(db, 'economics', nowMs, policy.rawRetentionMs),
    sweeps: pruneByAge(db, 'sweeps', nowMs, policy.rawRetentionMs),
    changes: pruneChanges(db, nowMs, policy.changesRetentionMs),
    m1: pruneRollups(db, 'm1', nowMs - policy.m1RetentionMs),
    m5: pruneRollups(db, 'm5', nowMs - policy.m5RetentionMs),
    h1: pruneRollups(db, 'h1', nowMs - policy.h1RetentionMs),
    m1Packs: prunePacks(db, 'm1', nowMs - policy.m1RetentionMs),
    m5Packs: prunePacks(db, 'm5', nowMs - policy.m5RetentionMs),
    h1Packs: prunePacks(db, 'h1', nowMs - policy.h1RetentionMs),
    events: pruneByAge(db, 'rig_events', nowMs, policy.h1RetentionMs),
  };
}
