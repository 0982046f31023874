/**
 * The one place the bench knows the storage schema: how each table grows and how long it is kept (to
 * extrapolate a short run to the steady state), and how to seed a rig's 30 days of history directly in
 * SQL. When the schema changes, change this file; a table it does not name is still measured (bytes per
 * rig per day from its growth during the run) and counted at raw retention, flagged `modelled: false`.
 */
import { DEFAULT_RETENTION } from '../collectors/jobs/retention';
import type { Db } from '../lib/db/client';
import { writeTransaction } from '../lib/db/transactions';
import { BYTES_PER_BUCKET } from '../lib/history/storage-estimate';

const DAY_MS = 86_400_000;

/** How one table (or one tier of it) grows and how long its rows are kept. */
export interface TablePart {
  /** A label: the table, or table:tier. */
  part: string;
  /**
   * per-sweep: growth measured over the run's sweeps. buckets: rowsPerRigPerDay rows of the table's mean
   * row size. static: a row per rig or site that is rewritten, not added (its size now, per rig). packed:
   * counted in another table's parts (not again).
   */
  grows: 'per-sweep' | 'buckets' | 'static' | 'packed';
  rowsPerRigPerDay?: number;
  /** A row's bytes measured elsewhere, where a short run cannot show them (packed buckets: bench/rollup-packs.ts). */
  bytesPerRow?: number;
  /** Days its rows are kept; null when nothing prunes them (counted over STEADY_HORIZON_DAYS, flagged unbounded). */
  keptDays: number | null;
}

/** What "steady state" means for a table nothing prunes: two years of it. */
export const STEADY_HORIZON_DAYS = 730;

const retention = DEFAULT_RETENTION;
const days = (ms: number) => ms / DAY_MS;

/** Default retention as the bench reports it (days per tier). */
export const RETENTION_DAYS = {
  raw: days(retention.rawRetentionMs),
  m1: days(retention.m1RetentionMs),
  m5: days(retention.m5RetentionMs),
  h1: days(retention.h1RetentionMs),
  changes: days(retention.changesRetentionMs),
};

/** Table -> its parts. Tables absent here are per-sweep at raw retention (unmodelled). */
export const TABLE_MODEL: Readonly<Record<string, readonly TablePart[]>> = {
  samples: [{ part: 'samples', grows: 'per-sweep', keptDays: RETENTION_DAYS.raw }],
  rig_profit: [{ part: 'rig_profit', grows: 'per-sweep', keptDays: RETENTION_DAYS.raw }],
  economics: [{ part: 'economics', grows: 'per-sweep', keptDays: RETENTION_DAYS.raw }],
  changes: [{ part: 'changes', grows: 'per-sweep', keptDays: RETENTION_DAYS.changes }],
  sweeps: [{ part: 'sweeps', grows: 'per-sweep', keptDays: RETENTION_DAYS.raw }],
  rig_events: [{ part: 'rig_events', grows: 'per-sweep', keptDays: RETENTION_DAYS.h1 }],
  // Buckets are narrow rows only until their period closes, then packed (migration 0011): a run of minutes
  // shows only the rows, so each tier is counted at the packed cost (head rows included) measured by
  // bench/rollup-packs.ts; rollup_packs itself is then not counted again.
  rollups: [
    { part: 'rollups:m1', grows: 'buckets', rowsPerRigPerDay: 1440, bytesPerRow: BYTES_PER_BUCKET, keptDays: RETENTION_DAYS.m1 },
    { part: 'rollups:m5', grows: 'buckets', rowsPerRigPerDay: 288, bytesPerRow: BYTES_PER_BUCKET, keptDays: RETENTION_DAYS.m5 },
    { part: 'rollups:h1', grows: 'buckets', rowsPerRigPerDay: 24, bytesPerRow: BYTES_PER_BUCKET, keptDays: RETENTION_DAYS.h1 },
  ],
  rollup_packs: [{ part: 'rollup_packs', grows: 'packed', keptDays: null }],
  rig_status: [{ part: 'rig_status', grows: 'static', keptDays: null }],
  rig_economics: [{ part: 'rig_economics', grows: 'static', keptDays: null }],
  realized_site_hours: [{ part: 'realized_site_hours', grows: 'static', keptDays: null }],
  realized_site_days: [{ part: 'realized_site_days', grows: 'static', keptDays: null }],
  realized_cursors: [{ part: 'realized_cursors', grows: 'static', keptDays: null }],
  realized_rig_days: [{ part: 'realized_rig_days', grows: 'buckets', rowsPerRigPerDay: 1, keptDays: null }],
};

/** Rows a rig's 30-day history needs, in every tier the history query may read. */
export function seedRigHistory(db: Db, rigIds: readonly number[], untilMs: number): number {
  const insert = db.sqlite.prepare(
    `insert or replace into rollups (rig_id, tier, bucket_start_ms,
       hashrate_ths_min, hashrate_ths_avg, hashrate_ths_max, hashrate_ths_n,
       power_w_min, power_w_avg, power_w_max, power_w_n,
       temp_max_c_min, temp_max_c_avg, temp_max_c_max, temp_max_c_n,
       profit_per_kwh_min, profit_per_kwh_avg, profit_per_kwh_max, profit_per_kwh_n)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let rows = 0;
  const fromMs = untilMs - 30 * DAY_MS;
  writeTransaction(db, () => {
    for (const rigId of rigIds) {
      for (const [tier, stepMs, n] of [
        ['m1', 60_000, 6],
        ['h1', 3_600_000, 360],
      ] as const) {
        for (let t = Math.floor(fromMs / stepMs) * stepMs; t < untilMs - stepMs; t += stepMs) {
          const h = 100 + Math.sin(t / 3.6e6) * 5;
          const p = 3250 + Math.cos(t / 3.6e6) * 40;
          insert.run(rigId, tier, t, h - 2, h, h + 2, n, p - 20, p, p + 20, n, 68, 70, 72, n, 0.01, 0.012, 0.014, n);
          rows++;
        }
      }
    }
  });
  return rows;
}

/** The rig the history figure reads (the first one). */
export function firstRigId(db: Db): number {
  return db.sqlite.prepare('select min(id) from rigs').pluck().get() as number;
}
