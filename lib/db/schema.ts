/**
 * Drizzle schema: the single definition of every table. Types elsewhere are inferred from it.
 * Timestamps are epoch milliseconds (`*_ms`), hash rate TH/s, power W, temperatures degC.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A physical site: its time zone and currency matter to tariffs and economics. */
export const sites = sqliteTable('sites', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  timeZone: text('time_zone').notNull().default('UTC'),
  currency: text('currency').notNull().default('USD'),
  createdAtMs: integer('created_at_ms').notNull(),
});

/** A device the collector polls. Demo rigs (is_demo = 1) come from the simulator's manifest. */
export const rigs = sqliteTable(
  'rigs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull().unique(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    address: text('address').notNull(),
    port: integer('port').notNull(),
    driver: text('driver').notNull(),
    model: text('model'),
    nameplateHashrateThs: real('nameplate_hashrate_ths'),
    nameplatePowerW: real('nameplate_power_w'),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdAtMs: integer('created_at_ms').notNull(),
  },
  (t) => [index('rigs_site_idx').on(t.siteId)],
);

/** One successful poll of one rig. Raw tier of the history. */
export const samples = sqliteTable(
  'samples',
  {
    rigId: integer('rig_id')
      .notNull()
      .references(() => rigs.id),
    tsMs: integer('ts_ms').notNull(),
    status: text('status').notNull(),
    hashrateThs: real('hashrate_ths').notNull(),
    expectedHashrateThs: real('expected_hashrate_ths'),
    powerW: real('power_w'),
    powerSource: text('power_source'),
    efficiencyJth: real('efficiency_jth'),
    tempMaxC: real('temp_max_c'),
    uptimeS: integer('uptime_s'),
    hardwareErrors: integer('hardware_errors'),
    boardsJson: text('boards_json').notNull(),
    fansJson: text('fans_json').notNull(),
    poolsJson: text('pools_json').notNull(),
  },
  (t) => [primaryKey({ columns: [t.rigId, t.tsMs] })],
);

/** Latest state per rig: connectivity, last reading and last error. */
export const rigStatus = sqliteTable('rig_status', {
  rigId: integer('rig_id')
    .primaryKey()
    .references(() => rigs.id),
  connectivity: text('connectivity').notNull(),
  status: text('status'),
  lastSeenMs: integer('last_seen_ms'),
  lastPollMs: integer('last_poll_ms').notNull(),
  lastError: text('last_error'),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  /** The last successful Reading as JSON (make, model, firmware, boards... in full). */
  readingJson: text('reading_json'),
});

/** Facts about each sweep, stored beside the samples (like Prometheus' `up` and scrape duration). */
export const sweeps = sqliteTable(
  'sweeps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    startedAtMs: integer('started_at_ms').notNull(),
    durationMs: integer('duration_ms').notNull(),
    okCount: integer('ok_count').notNull(),
    failedCount: integer('failed_count').notNull(),
    hashrateThs: real('hashrate_ths').notNull(),
    powerW: real('power_w').notNull(),
    rigsOnline: integer('rigs_online').notNull(),
  },
  (t) => [index('sweeps_started_idx').on(t.startedAtMs)],
);

/**
 * Append-only log of everything a browser must hear about, written in the same transaction as the
 * change itself. Its id is the live cursor.
 */
export const changes = sqliteTable(
  'changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tsMs: integer('ts_ms').notNull(),
    kind: text('kind').notNull(),
    siteId: integer('site_id'),
    rigId: integer('rig_id'),
    payload: text('payload').notNull().default(sql`'{}'`),
  },
  (t) => [index('changes_ts_idx').on(t.tsMs)],
);

export type Site = typeof sites.$inferSelect;
export type Rig = typeof rigs.$inferSelect;
export type NewRig = typeof rigs.$inferInsert;
export type Sample = typeof samples.$inferSelect;
export type RigStatusRow = typeof rigStatus.$inferSelect;
export type Sweep = typeof sweeps.$inferSelect;
export type Change = typeof changes.$inferSelect;
