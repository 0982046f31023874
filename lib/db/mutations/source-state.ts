/**
 * Records the outcome of fetching an external source. Success replaces the stored value and its fetch
 * time; failure only records the attempt and the error, so the last good value stays in place.
 */
import type { Db } from '../client';
import { sourceState } from '../schema';
import { logChange } from './change-log';
import { writeTransaction } from '../transactions';

/** Upserts `key`'s row with `row` and tells browsers it changed, in one transaction. */
function writeSourceRow(db: Db, key: string, row: Omit<typeof sourceState.$inferInsert, 'key'>, nowMs: number): void {
  writeTransaction(db, () => {
    db.orm
      .insert(sourceState)
      .values({ key, ...row })
      .onConflictDoUpdate({ target: sourceState.key, set: row })
      .run();
    logChange(db, { tsMs: nowMs, kind: 'source', payload: { key } });
  });
}

/** Stores a good value for `key` (e.g. 'network', 'price', 'pool:3') and tells browsers. */
export function recordSourceSuccess(db: Db, key: string, source: string, value: unknown, nowMs: number): void {
  writeSourceRow(db, key, { source, payloadJson: JSON.stringify(value), fetchedAtMs: nowMs, attemptedAtMs: nowMs, lastError: null }, nowMs);
}

/** Records a failed attempt for `key`; the stored value (if any) is kept. */
export function recordSourceFailure(db: Db, key: string, source: string, error: string, nowMs: number): void {
  writeSourceRow(db, key, { source, attemptedAtMs: nowMs, lastError: error }, nowMs);
}
