/**
 * Records the outcome of fetching an external source. Success replaces the stored value and its fetch
 * time; failure only records the attempt and the error, so the last good value stays in place.
 */
import type { Db } from '../client';
import { changes, sourceState } from '../schema';
import { writeTransaction } from '../transactions';

/** Stores a good value for `key` (e.g. 'network', 'price', 'pool:3') and tells browsers. */
export function recordSourceSuccess(db: Db, key: string, source: string, value: unknown, nowMs: number): void {
  writeTransaction(db, () => {
    const row = { source, payloadJson: JSON.stringify(value), fetchedAtMs: nowMs, attemptedAtMs: nowMs, lastError: null };
    db.orm
      .insert(sourceState)
      .values({ key, ...row })
      .onConflictDoUpdate({ target: sourceState.key, set: row })
      .run();
    db.orm
      .insert(changes)
      .values({ tsMs: nowMs, kind: 'source', payload: JSON.stringify({ key }) })
      .run();
  });
}

/** Records a failed attempt for `key`; the stored value (if any) is kept. */
export function recordSourceFailure(db: Db, key: string, source: string, error: string, nowMs: number): void {
  writeTransaction(db, () => {
    const row = { source, attemptedAtMs: nowMs, lastError: error };
    db.orm
      .insert(sourceState)
      .values({ key, ...row })
      .onConflictDoUpdate({ target: sourceState.key, set: row })
      .run();
    db.orm
      .insert(changes)
      .values({ tsMs: nowMs, kind: 'source', payload: JSON.stringify({ key }) })
      .run();
  });
}
