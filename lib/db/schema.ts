/**
 * Drizzle schema: the single definition of every table. Types elsewhere are inferred from it.
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

/**
 * Economics computed after each committed sweep, one row per rig, site and the fleet, so every screen,
 * the API and the alerts read the same figures. Money in the scope's currency per day or per kWh.
 */
export const economics = sqliteTable(
  'economics',
  {
    sweepId: integer('sweep_id').notNull(),
    /** 'rig', 'site' or 'fleet'. */
    scope: text('scope').notNull(),
    /** Rig or site id; 0 for the fleet. */
    scopeId: integer('scope_id').notNull(),
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
  },
  (t) => [primaryKey({ columns: [t.sweepId, t.scope, t.scopeId] }), index('economics_scope_ts_idx').on(t.scope, t.scopeId, t.tsMs)],
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
    payload: text('payload').notNull().default(sql`'{}'`),
  },
  (t) => [index('changes_ts_idx').on(t.tsMs)],
);

/** The alert engine's state per (rule, subject) between sweeps, so a restart neither re-fires nor forgets. */
export const alertStates = sqliteTable('alert_states', {
  /** `${rule}:${scope}:${subjectId}`. */
  key: text('key').primaryKey(),
  phase: text('phase').notNull(),
  pendingSinceMs: integer('pending_since_ms'),
  firingSinceMs: integer('firing_since_ms'),
  clearSinceMs: integer('clear_since_ms'),
  alertId: text('alert_id'),
  value: real('value'),
  detail: text('detail').notNull(),
});

/** Every alert that fired: active while resolved_at_ms is null, history after. */
export const alerts = sqliteTable(
  'alerts',
  {
    /** Stable alert id (`${key}:${pendingSinceMs}`), the same in every notification of this alert. */
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    rule: text('rule').notNull(),
    scope: text('scope').notNull(),
    subjectId: integer('subject_id').notNull(),
    /** Rig, site or pool name when it fired (kept if the subject is renamed or removed). */
    subjectName: text('subject_name').notNull(),
    siteId: integer('site_id'),
    siteName: text('site_name'),
    severity: text('severity').notNull(),
    title: text('title').notNull(),
    detail: text('detail').notNull(),
    value: real('value'),
    startedAtMs: integer('started_at_ms').notNull(),
    firingAtMs: integer('firing_at_ms').notNull(),
    resolvedAtMs: integer('resolved_at_ms'),
    resolveReason: text('resolve_reason'),
    ackedAtMs: integer('acked_at_ms'),
    ackedBy: text('acked_by'),
    snoozedUntilMs: integer('snoozed_until_ms'),
    /** When a firing notification of this alert was last queued (re-notify counts from here). */
    notifiedAtMs: integer('notified_at_ms'),
  },
  (t) => [index('alerts_resolved_idx').on(t.resolvedAtMs), index('alerts_firing_idx').on(t.firingAtMs)],
);

/** A configured notification destination (lib/notify), its config as validated JSON. */
export const alertChannels = sqliteTable('alert_channels', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  configJson: text('config_json').notNull(),
  createdAtMs: integer('created_at_ms').notNull(),
  updatedAtMs: integer('updated_at_ms').notNull(),
});

/**
 * The persistent delivery queue: one row per (channel, alert transition). Rows stay 'pending' until the
 * receiver accepts them (retried with backoff), so nothing is lost across restarts; at-least-once.
 */
export const alertDeliveries = sqliteTable(
  'alert_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channelId: integer('channel_id').notNull(),
    alertId: text('alert_id').notNull(),
    /** 'firing' or 'resolved'. */
    state: text('state').notNull(),
    /** 'transition' (fired or resolved) or 'renotify' (still firing, not acknowledged). */
    reason: text('reason').notNull(),
    /** Grouping: deliveries of one group and channel go out in one notification ("site:3", "fleet"). */
    groupKey: text('group_key').notNull(),
    createdAtMs: integer('created_at_ms').notNull(),
    /** 'pending', 'delivered' or 'failed' (the receiver refused it for good). */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptMs: integer('next_attempt_ms').notNull(),
    deliveredAtMs: integer('delivered_at_ms'),
    lastError: text('last_error'),
  },
  (t) => [index('alert_deliveries_due_idx').on(t.status, t.nextAttemptMs), index('alert_deliveries_alert_idx').on(t.alertId)],
);

/** Threshold overrides (lib/alerts thresholds): scope 'global' (id 0), 'site' or 'rig'. */
export const alertOverrides = sqliteTable(
  'alert_overrides',
  {
    scope: text('scope').notNull(),
    scopeId: integer('scope_id').notNull(),
    overrideJson: text('override_json').notNull(),
    updatedAtMs: integer('updated_at_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.scopeId] })],
);

/** Rigs in maintenance: no alerts until it ends (until_ms null: until ended by hand). */
export const rigMaintenance = sqliteTable('rig_maintenance', {
  rigId: integer('rig_id').primaryKey(),
  sinceMs: integer('since_ms').notNull(),
  untilMs: integer('until_ms'),
  note: text('note').notNull().default(''),
});

/** Small settings documents by key (e.g. 'notify-policy'), validated JSON. */
export const appSettings = sqliteTable('app_settings', {
  key: text('key').primaryKey(),
  valueJson: text('value_json').notNull(),
  updatedAtMs: integer('updated_at_ms').notNull(),
});

/**
 * What the web process asks the collector to do (acknowledge, snooze, send a test): only the collector
 * sends and changes alert state. The web app polls the row for the outcome.
 */
export const alertRequests = sqliteTable(
  'alert_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'ack', 'snooze' or 'test'. */
    kind: text('kind').notNull(),
    payloadJson: text('payload_json').notNull(),
    createdAtMs: integer('created_at_ms').notNull(),
    /** 'pending', 'done' or 'failed'. */
    status: text('status').notNull().default('pending'),
    handledAtMs: integer('handled_at_ms'),
    error: text('error'),
  },
  (t) => [index('alert_requests_status_idx').on(t.status)],
);

/**
 * Tiered rig history (lib/history): 1-minute buckets rolled up from raw samples and per-sweep economics,
 * 1-hour buckets from those. Each metric as min/avg/max and the count of values behind it (null when the
 * rig reported none in the bucket).
 */
export const rollups = sqliteTable(
  'rollups',
  {
    rigId: integer('rig_id').notNull(),
    /** 'm1' or 'h1'. */
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
  (t) => [index('rig_events_rig_ts_idx').on(t.rigId, t.tsMs)],
);

/** People who log in (lib/auth): role admin, operator or viewer, optionally limited to some sites. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  role: text('role').notNull(),
  /** scrypt$N$r$p$salt$key (lib/auth/password). */
  passwordHash: text('password_hash').notNull(),
  /** JSON array of site ids the user may see; null: every site. */
  siteIdsJson: text('site_ids_json'),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAtMs: integer('created_at_ms').notNull(),
});

/** Logged-in browser sessions; the cookie holds the token, this table only its SHA-256. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id').notNull(),
    createdAtMs: integer('created_at_ms').notNull(),
    expiresAtMs: integer('expires_at_ms').notNull(),
    lastSeenMs: integer('last_seen_ms').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** API tokens for scripts (Bearer) and kiosk tokens for wall displays; only their SHA-256 is stored. */
export const apiTokens = sqliteTable('api_tokens', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** 'api' or 'kiosk'. */
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  /** admin, operator or viewer for API tokens; kiosk tokens are read-only. */
  role: text('role').notNull(),
  /** A kiosk token's site; null: the whole fleet. */
  siteId: integer('site_id'),
  tokenHash: text('token_hash').notNull().unique(),
  createdAtMs: integer('created_at_ms').notNull(),
  lastUsedMs: integer('last_used_ms'),
  revokedAtMs: integer('revoked_at_ms'),
});

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
export type UnrecognisedDevice = typeof unrecognisedDevices.$inferSelect;
export type AlertStateRow = typeof alertStates.$inferSelect;
export type AlertRow = typeof alerts.$inferSelect;
export type AlertChannelRow = typeof alertChannels.$inferSelect;
export type AlertDeliveryRow = typeof alertDeliveries.$inferSelect;
export type AlertRequestRow = typeof alertRequests.$inferSelect;
export type RollupRow = typeof rollups.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
