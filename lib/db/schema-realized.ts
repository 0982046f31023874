/**
 * Realized money (economics.md "Now, per day, and realized"): what each interval between a rig's readings
 * drew and earned, summed into buckets the collector upserts after each sweep (lib/realized). Kept for
 * years: retention never prunes them (a few KB per site per day).
 *
 * Money columns are in the site's currency; revenue counts only intervals whose revenue is known (SHA-256
 * rigs with network figures and a BTC price); the energy and cost of the rest (GPU rigs) is counted in
 * every total and again in kwh_revenue_unknown / cost_revenue_unknown so a screen can say "excluding".
 */
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The sums every bucket keeps; each grows by one interval's share at a time. */
const sums = () => ({
  /** Energy at the wall times the site's PUE, kWh. */
  kwh: real('kwh').notNull().default(0),
  /** Energy priced by no tariff (site without one): its cost is missing from `cost`. */
  kwhUnpriced: real('kwh_unpriced').notNull().default(0),
  cost: real('cost').notNull().default(0),
  /** BTC earned after the pool fee, intervals with known revenue only. */
  btc: real('btc').notNull().default(0),
  revenue: real('revenue').notNull().default(0),
  kwhRevenueUnknown: real('kwh_revenue_unknown').notNull().default(0),
  costRevenueUnknown: real('cost_revenue_unknown').notNull().default(0),
  /** Rig-hours observed (polled, answered or not) and of those online and hashing. */
  observedRigHours: real('observed_rig_hours').notNull().default(0),
  upRigHours: real('up_rig_hours').notNull().default(0),
  /** Rig-hours when the price in force exceeded the rig's breakeven (known revenue only). */
  losingRigHours: real('losing_rig_hours').notNull().default(0),
  /** kWh by power provenance (a reading without a source counts as estimated). */
  kwhMeter: real('kwh_meter').notNull().default(0),
  kwhFirmware: real('kwh_firmware').notNull().default(0),
  kwhOverride: real('kwh_override').notNull().default(0),
  kwhEstimated: real('kwh_estimated').notNull().default(0),
  /** SHA-256 hash rate times hours (TH/s x h): a bucket's mean hash rate is this over its hours. */
  thsHours: real('ths_hours').notNull().default(0),
});

/** One rig's realized figures per local day of its site. */
export const realizedRigDays = sqliteTable(
  'realized_rig_days',
  {
    rigId: integer('rig_id').notNull(),
    /** Local calendar day of the site, YYYY-MM-DD. */
    day: text('day').notNull(),
    siteId: integer('site_id').notNull(),
    currency: text('currency').notNull(),
    ...sums(),
  },
  (t) => [primaryKey({ columns: [t.rigId, t.day] })],
);

/**
 * One site's realized figures per local hour (hour_start_ms: the instant the local hour starts, so the
 * repeated autumn hour is two rows and the skipped spring hour none), with cost and revenue also in the
 * fleet currency at the interval's BTC prices, for fleet totals in the fleet's time zone.
 */
export const realizedSiteHours = sqliteTable(
  'realized_site_hours',
  {
    siteId: integer('site_id').notNull(),
    hourStartMs: integer('hour_start_ms').notNull(),
    day: text('day').notNull(),
    currency: text('currency').notNull(),
    fleetCurrency: text('fleet_currency').notNull(),
    costFleet: real('cost_fleet').notNull().default(0),
    revenueFleet: real('revenue_fleet').notNull().default(0),
    /** Energy whose money could not be converted to the fleet currency (no BTC price in one of them). */
    kwhUnconverted: real('kwh_unconverted').notNull().default(0),
    ...sums(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.hourStartMs] }), index('realized_site_hours_hour_idx').on(t.hourStartMs)],
);

/** One site's realized figures per local day (the sum of its hours, kept for cheap day/week/month reports). */
export const realizedSiteDays = sqliteTable(
  'realized_site_days',
  {
    siteId: integer('site_id').notNull(),
    day: text('day').notNull(),
    currency: text('currency').notNull(),
    ...sums(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.day] })],
);

/**
 * Where each rig's accounting stands: the reading and poll last counted. An interval is counted once: a
 * reading at or before last_reading_ms (a sweep accumulated before a restart) adds nothing.
 */
export const realizedCursors = sqliteTable('realized_cursors', {
  rigId: integer('rig_id').primaryKey(),
  lastReadingMs: integer('last_reading_ms'),
  lastPollMs: integer('last_poll_ms'),
});

export type RealizedRigDayRow = typeof realizedRigDays.$inferSelect;
export type RealizedSiteHourRow = typeof realizedSiteHours.$inferSelect;
export type RealizedSiteDayRow = typeof realizedSiteDays.$inferSelect;
