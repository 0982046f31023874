/**
 * Drizzle schema: the single definition of every table (this file and the schema-*.ts files it re-exports). Types elsewhere are inferred from it.
 * Timestamps are epoch milliseconds (`*_ms`), hash rate TH/s, power W, temperatures degC.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A physical site: its time zone and currency matter to tariffs and economics. */
export const sites = sqliteTable('sites', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  timeZone: text('time_zone').notNull().default('UTC'),
  currency: text('currency').notNull().default('USD'),
  /** The site's tariff as validated JSON (lib/economics/tariffs); null until one is set. */
  tariffJson: text('tariff_json'),
  /** Facility overhead factor (cooling etc.) applied to rig power. */
  pue: real('pue').notNull().default(1),
  /** Default pool fee for the site's rigs, percent. */
  poolFeePct: real('pool_fee_pct').notNull().default(2),
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
    /** What it hashes: 'sha256' (Bitcoin ASICs) earns the hashprice; a GPU rig's coin algorithm does not. */
    algorithm: text('algorithm').notNull().default('sha256'),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdAtMs: integer('created_at_ms').notNull(),
    /** Where the rig stands, as the operator names it (all optional): building or hall, rack or row, position in the rack. */
    locationBuilding: text('location_building'),
    locationRack: text('location_rack'),
    locationPosition: text('location_position'),
  },
  (t) => [index('rigs_site_idx').on(t.siteId)],
);

/**
 * One successful poll of one rig: the raw tier of the history, narrow (the numbers charts, rules and pool
 * reconciliation read). The slow-changing parts of a reading (boards, fans, pools, firmware) live in
 * rig_status.reading_json and the rig's events, not in every sample. Stored WITHOUT ROWID (migration 0010):
 * the key is the row. `samples_ts_idx` serves the rollup's and retention's time range over all rigs.
 */
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
    tempMaxC: real('temp_max_c'),
    uptimeS: integer('uptime_s'),
    hardwareErrors: integer('hardware_errors'),
  },
  (t) => [primaryKey({ columns: [t.rigId, t.tsMs] }), index('samples_ts_idx').on(t.tsMs)],
);

/**
 * A rig's profit per kWh now after each sweep (stamped at the sweep's start, as its economics are): the raw
 * tier of the history's profit series, narrow, WITHOUT ROWID. The rest of a rig's economics is kept only
 * as its latest row (rig_economics).
 */
export const rigProfit = sqliteTable(
  'rig_profit',
  {
    rigId: integer('rig_id').notNull(),
    tsMs: integer('ts_ms').notNull(),
    profitPerKwh: real('profit_per_kwh'),
  },
  (t) => [primaryKey({ columns: [t.rigId, t.tsMs] }), index('rig_profit_ts_idx').on(t.tsMs)],
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

/** Latest good value of each external source (network, price, pool accounts) and its last attempt. */
export const sourceState = sqliteTable('source_state', {
  /** 'network', 'price', or 'pool:<pool id>'. */
  key: text('key').primaryKey(),
  source: text('source').notNull(),
  payloadJson: text('payload_json'),
  fetchedAtMs: integer('fetched_at_ms'),
  attemptedAtMs: integer('attempted_at_ms'),
  lastError: text('last_error'),
});

/** A pool account the collector reads, and how rigs are matched to it (by stratum URL substring). */
export const pools = sqliteTable('pools', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  /** Adapter: 'braiins', 'ocean', 'viabtc', 'antpool', 'f2pool', 'luxor'. */
  kind: text('kind').notNull(),
  baseUrl: text('base_url').notNull(),
  /** Token, address, user name... as the adapter needs (JSON). */
  credentialsJson: text('credentials_json').notNull().default('{}'),
  feePct: real('fee_pct').notNull().default(2),
  /** Rigs whose active pool URL contains this text count toward this pool. */
  matchUrl: text('match_url').notNull(),
  createdAtMs: integer('created_at_ms').notNull(),
});

/** The figures of one economics row (every scope), shared by the per-sweep and the latest-per-rig tables. */
const economicsFigures = () => ({
  tsMs: integer('ts_ms').notNull(),
  currency: text('currency').notNull(),
  hashrateThs: real('hashrate_ths').notNull(),
  powerW: real('power_w').notNull(),
  kwhPerDay: real('kwh_per_day').notNull(),
  btcPerDay: real('btc_per_day').notNull(),
  revenuePerDay: real('revenue_per_day').notNull(),
  costPerDay: real('cost_per_day').notNull(),
  profitPerDay: real('profit_per_day').notNull(),
  revenuePerKwh: real('revenue_per_kwh'),
  profitPerKwh: real('profit_per_kwh'),
  breakevenPricePerKwh: real('breakeven_price_per_kwh'),
  breakevenBtcPrice: real('breakeven_btc_price'),
  /** Revenue per TH/s per day before the pool fee, in the scope's currency. */
  hashpricePerThDay: real('hashprice_per_th_day').notNull(),
  /** The tariff's price now, per kWh. */
  pricePerKwh: real('price_per_kwh'),
  /** Share of power that is estimated (0..1). */
  powerEstimatedShare: real('power_estimated_share').notNull(),
  /** Why the figures are not current: JSON array such as ["network","price"]; '[]' when fresh. */
  staleJson: text('stale_json').notNull().default('[]'),
});

/**
 * Economics computed after each committed sweep, one row per site and the fleet (per sweep, kept as long as
 * raw samples), so every screen, the API and the alerts read the same figures. A rig's figures are kept
 * only as its latest row (rig_economics). Money in the scope's currency per day or per kWh.
 */
export const economics = sqliteTable(
  'economics',
  {
    sweepId: integer('sweep_id').notNull(),
    /** 'site' or 'fleet' ('rig' rows were moved to rig_economics by migration 0010). */
    scope: text('scope').notNull(),
    /** Site id; 0 for the fleet. */
    scopeId: integer('scope_id').notNull(),
    ...economicsFigures(),
  },
  (t) => [
    primaryKey({ columns: [t.sweepId, t.scope, t.scopeId] }),
    index('economics_scope_ts_idx').on(t.scope, t.scopeId, t.tsMs),
    // Retention's time range over every scope.
    index('economics_ts_idx').on(t.tsMs),
  ],
);

/** Each rig's economics as of the latest sweep that computed them (upserted; a rig left out keeps its last). */
export const rigEconomics = sqliteTable(
  'rig_economics',
  {
    rigId: integer('rig_id').primaryKey(),
    sweepId: integer('sweep_id').notNull(),
    ...economicsFigures(),
  },
  (t) => [index('rig_economics_sweep_idx').on(t.sweepId)],
);

/**
 * Devices that answered a scan or probe but no driver recognised, kept with their raw replies so support
 * for them can be added later (one row per address and port, refreshed on every sighting).
 */
export const unrecognisedDevices = sqliteTable(
  'unrecognised_devices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    address: text('address').notNull(),
    port: integer('port').notNull(),
    /** Protocol(s) that got an answer, e.g. "cgminer" or "http". */
    protocol: text('protocol').notNull(),
    /** JSON array of {label, raw} as received (capped per reply). */
    rawJson: text('raw_json').notNull(),
    firstSeenMs: integer('first_seen_ms').notNull(),
    lastSeenMs: integer('last_seen_ms').notNull(),
  },
  (t) => [uniqueIndex('unrecognised_devices_addr_port_idx').on(t.address, t.port)],
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
    payload: text('payload')
      .notNull()
      .default(sql`'{}'`),
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
export type SourceStateRow = typeof sourceState.$inferSelect;
export type Pool = typeof pools.$inferSelect;
export type EconomicsRow = typeof economics.$inferSelect;
export type RigEconomicsRow = typeof rigEconomics.$inferSelect;
export type UnrecognisedDevice = typeof unrecognisedDevices.$inferSelect;

// The other tables, by concern; everything is importable from here (and drizzle-kit reads this file).
export * from './schema-alerts';
export * from './schema-auth';
export * from './schema-devices';
export * from './schema-history';
export * from './schema-realized';
