/** Post-commit housekeeping: keep the raw tier and the changes log to their windows. */
import type { Db } from '../../lib/db/client';
import { pruneChanges } from '../../lib/db/mutations/prune-changes';
import { pruneByAge } from '../../lib/db/mutations/prune-by-age';

export interface RetentionPolicy {
  /** Raw samples and per-sweep economics older than this are deleted (rollups will keep the long history). */
  rawRetentionMs: number;
  /** Changes older than this are deleted: browsers only need them to backfill a reconnect. */
  changesRetentionMs: number;
}

/** Runs every retention rule once; returns what was removed. */
export function runRetention(db: Db, nowMs: number, policy: RetentionPolicy): { samples: number; economics: number; changes: number } {
  return {
    samples: pruneByAge(db, 'samples', nowMs, policy.rawRetentionMs),
    economics: pruneByAge(db, 'economics', nowMs, policy.rawRetentionMs),
    changes: pruneChanges(db, nowMs, policy.changesRetentionMs),
  };
}
