/** Retention for time-series tables, in small batches so the collector never holds the write lock for long. */
import type { Db } from '../client';

/** Tables with a `ts_ms` column that retention may trim. */
export type AgedTable = 'samples' | 'economics' | 'rig_events';

/**
 * Deletes rows of `table` older than `keepMs`, at most `batchRows` per statement, until none are left or
 * `maxBatches` ran; returns how many rows were removed.
 */
export function pruneByAge(db: Db, table: AgedTable, nowMs: number, keepMs: number, batchRows = 5000, maxBatches = 20): number {
  const stmt = db.sqlite.prepare(`delete from ${table} where rowid in (select rowid from ${table} where ts_ms < ? limit ?)`);
  let removed = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = stmt.run(nowMs - keepMs, batchRows).changes;
    removed += n;
    if (n < batchRows) break;
  }
  return removed;
}
