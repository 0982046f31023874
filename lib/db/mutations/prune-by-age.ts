/**
 * Retention for time-series tables, in small batches: each batch is one short statement (its own
 * transaction), so the collector never holds the write lock for long, and every batch finds its rows
 * through the table's time index (tests/integration/db/query-plans.test.ts checks each).
 */
import type { Db } from '../client';

/** How each aged table is found by time and deleted by key (the narrow tables are WITHOUT ROWID). */
const AGED = {
  samples: { time: 'ts_ms', key: '(rig_id, ts_ms)' },
  rig_profit: { time: 'ts_ms', key: '(rig_id, ts_ms)' },
  economics: { time: 'ts_ms', key: 'rowid' },
  rig_events: { time: 'ts_ms', key: 'rowid' },
  sweeps: { time: 'started_at_ms', key: 'rowid' },
  changes: { time: 'ts_ms', key: 'rowid' },
} as const;

/** Tables retention trims by age. */
export type AgedTable = keyof typeof AGED;

/** Rows per delete statement, and statements per call, unless the caller says otherwise. */
export const PRUNE_BATCH_ROWS = 5000;
export const PRUNE_MAX_BATCHES = 200;

/** The batch delete of `table` (exported for the query-plan test). */
export function pruneSql(table: AgedTable): string {
  const { time, key } = AGED[table];
  const select = key === 'rowid' ? 'rowid' : key.slice(1, -1);
  return `delete from ${table} where ${key} in (select ${select} from ${table} where ${time} < ? limit ?)`;
}

/**
 * Deletes rows of `table` stamped before `nowMs - keepMs`, at most `batchRows` per statement, until none are
 * left or `maxBatches` ran; returns how many rows were removed. A backlog (a collector that was down for a
 * day) is worked off over the next runs.
 */
export function pruneByAge(
  db: Db,
  table: AgedTable,
  nowMs: number,
  keepMs: number,
  batchRows = PRUNE_BATCH_ROWS,
  maxBatches = PRUNE_MAX_BATCHES,
): number {
  const stmt = db.sqlite.prepare(pruneSql(table));
  let removed = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = stmt.run(nowMs - keepMs, batchRows).changes;
    removed += n;
    if (n < batchRows) break;
  }
  return removed;
}
