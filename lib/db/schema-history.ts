/** Rig history tables: rollup tiers and the events timeline. */
import { blob, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Tiered rig history (lib/history): 1-minute buckets rolled up from raw samples and per-sweep economics,
 * 1-hour buckets from those. Each metric as min/avg/max and the count of values behind it (null when the
 * rig reported none in the bucket).
 */
export const rollups = sqliteTable(
  'rollups',
  {
    rigId: integer('rig_id').notNull(),
    /** 'm1', 'm5' or 'h1'. */
    tier: text('tier').notNull(),
    bucketStartMs: integer('bucket_start_ms').notNull(),
    hashrateThsMin: real('hashrate_ths_min'),
    hashrateThsAvg: real('hashrate_ths_avg'),
    hashrateThsMax: real('hashrate_ths_max'),
    hashrateThsN: integer('hashrate_ths_n'),
    powerWMin: real('power_w_min'),
    powerWAvg: real('power_w_avg'),
    powerWMax: real('power_w_max'),
    powerWN: integer('power_w_n'),
    tempMaxCMin: real('temp_max_c_min'),
    tempMaxCAvg: real('temp_max_c_avg'),
    tempMaxCMax: real('temp_max_c_max'),
    tempMaxCN: integer('temp_max_c_n'),
    profitPerKwhMin: real('profit_per_kwh_min'),
    profitPerKwhAvg: real('profit_per_kwh_avg'),
    profitPerKwhMax: real('profit_per_kwh_max'),
    profitPerKwhN: integer('profit_per_kwh_n'),
  },
  (t) => [primaryKey({ columns: [t.rigId, t.tier, t.bucketStartMs] }), index('rollups_tier_bucket_idx').on(t.tier, t.bucketStartMs)],
);

/**
 * Closed periods of the rollup tiers, packed (lib/history/pack): one row per rig, tier and period (an hour of
 * 1-minute buckets, a day of 5-minute ones, a week of 1-hour ones). `rollups` keeps the open periods (the
 * head); the collector's pack job moves each closed period here. WITHOUT ROWID (migration 0011): the key is
 * the row. A rig's range reads the key; the job's and retention's ranges over all rigs read the tier index.
 */
export const rollupPacks = sqliteTable(
  'rollup_packs',
  {
    rigId: integer('rig_id').notNull(),
    tier: text('tier').notNull(),
    packStartMs: integer('pack_start_ms').notNull(),
    buckets: blob('buckets', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.rigId, t.tier, t.packStartMs] }), index('rollup_packs_tier_start_idx').on(t.tier, t.packStartMs)],
);

/** A rig's timeline: connectivity and status changes and restarts (lib/domain/rig-events), written with the sweep. */
export const rigEvents = sqliteTable(
  'rig_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    rigId: integer('rig_id').notNull(),
    tsMs: integer('ts_ms').notNull(),
    /** 'state' or 'restart'. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    detail: text('detail').notNull().default(''),
  },
  (t) => [index('rig_events_rig_ts_idx').on(t.rigId, t.tsMs), index('rig_events_ts_idx').on(t.tsMs)],
);

export type RollupRow = typeof rollups.$inferSelect;
