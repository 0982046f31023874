/** Retention for raw samples, in small batches so the collector never holds the write lock for long. */
import type { Db } from '../client';

/**
 * Deletes samples older than `keepMs`, at most `batchRows` per transaction, until none are left or
 * `maxBatches` ran; returns how many rows were removed.
 */
export function pruneSamples(db: Db, nowMs: number, keepMs: number, batchRows = 5000, maxBatches = 20): number {
  const stmt = db.sqlite.prepare(
    'delete from samples where rowid in (select rowid from samples where ts_ms < ? limit ?)',
  );
  let removed = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = stmt.run(nowMs - keepMs, batchRows).changes;
    removed += n;
    if (n < batchRows) break;
  }
  return removed;
}
