/**
 * Adds a sweep's realized pieces to the buckets (per rig and day, per site and hour, per site and day) and
 * moves each rig's cursor, in the caller's transaction: incremental upserts, never a scan.
 */
import type { RealizedPiece } from '../../realized/accumulate';
import { addSums, emptySums, SUM_FIELDS, type RealizedSums } from '../../realized/sums';
import type { Db } from '../client';

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const SUM_COLUMNS = SUM_FIELDS.map(snake);
const ADD = SUM_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ');
const marks = (n: number) => Array(n).fill('?').join(', ');

const RIG_DAY_SQL = `insert into realized_rig_days (rig_id, day, site_id, currency, ${SUM_COLUMNS.join(', ')})
  values (${marks(4 + SUM_COLUMNS.length)}) on conflict (rig_id, day) do update set currency = excluded.currency, ${ADD}`;
const SITE_HOUR_SQL = `insert into realized_site_hours (site_id, hour_start_ms, day, currency, fleet_currency, cost_fleet, revenue_fleet, kwh_unconverted, ${SUM_COLUMNS.join(', ')})
  values (${marks(8 + SUM_COLUMNS.length)}) on conflict (site_id, hour_start_ms) do update set fleet_currency = excluded.fleet_currency,
  cost_fleet = cost_fleet + excluded.cost_fleet, revenue_fleet = revenue_fleet + excluded.revenue_fleet, kwh_unconverted = kwh_unconverted + excluded.kwh_unconverted, ${ADD}`;
const SITE_DAY_SQL = `insert into realized_site_days (site_id, day, currency, ${SUM_COLUMNS.join(', ')})
  values (${marks(3 + SUM_COLUMNS.length)}) on conflict (site_id, day) do update set currency = excluded.currency, ${ADD}`;
const CURSOR_SQL = `insert into realized_cursors (rig_id, last_reading_ms, last_poll_ms) values (?, ?, ?)
  on conflict (rig_id) do update set last_reading_ms = coalesce(excluded.last_reading_ms, last_reading_ms), last_poll_ms = excluded.last_poll_ms`;

const values = (s: RealizedSums) => SUM_FIELDS.map((k) => s[k]);

/** Where a rig's accounting stands after this sweep (readingMs null: the poll failed, keep the last). */
export interface RealizedCursor {
  rigId: number;
  readingMs: number | null;
  pollMs: number;
}

/** Each rig's last counted reading and poll. */
export function readRealizedCursors(db: Db): Map<number, { lastReadingMs: number | null; lastPollMs: number | null }> {
  const rows = db.sqlite
    .prepare('select rig_id as rigId, last_reading_ms as lastReadingMs, last_poll_ms as lastPollMs from realized_cursors')
    .all() as {
    rigId: number;
    lastReadingMs: number | null;
    lastPollMs: number | null;
  }[];
  return new Map(rows.map((r) => [r.rigId, r]));
}

/** Upserts the pieces' sums into the three bucket tables and the cursors; call inside a write transaction. */
export function addRealized(db: Db, pieces: readonly RealizedPiece[], cursors: readonly RealizedCursor[], fleetCurrency: string): void {
  const rigDays = new Map<string, { p: RealizedPiece; sums: RealizedSums }>();
  const siteHours = new Map<
    string,
    { p: RealizedPiece; sums: RealizedSums; costFleet: number; revenueFleet: number; kwhUnconverted: number }
  >();
  const siteDays = new Map<string, { p: RealizedPiece; sums: RealizedSums }>();
  for (const p of pieces) {
    const rd = rigDays.get(`${p.rigId}:${p.day}`) ?? { p, sums: emptySums() };
    rigDays.set(`${p.rigId}:${p.day}`, rd);
    addSums(rd.sums, p.sums);
    const sh = siteHours.get(`${p.siteId}:${p.hourStartMs}`) ?? { p, sums: emptySums(), costFleet: 0, revenueFleet: 0, kwhUnconverted: 0 };
    siteHours.set(`${p.siteId}:${p.hourStartMs}`, sh);
    addSums(sh.sums, p.sums);
    sh.costFleet += p.costFleet;
    sh.revenueFleet += p.revenueFleet;
    sh.kwhUnconverted += p.kwhUnconverted;
    const sd = siteDays.get(`${p.siteId}:${p.day}`) ?? { p, sums: emptySums() };
    siteDays.set(`${p.siteId}:${p.day}`, sd);
    addSums(sd.sums, p.sums);
  }
  const rigDay = db.sqlite.prepare(RIG_DAY_SQL);
  for (const { p, sums } of rigDays.values()) rigDay.run(p.rigId, p.day, p.siteId, p.currency, ...values(sums));
  const siteHour = db.sqlite.prepare(SITE_HOUR_SQL);
  for (const h of siteHours.values())
    siteHour.run(
      h.p.siteId,
      h.p.hourStartMs,
      h.p.day,
      h.p.currency,
      fleetCurrency,
      h.costFleet,
      h.revenueFleet,
      h.kwhUnconverted,
      ...values(h.sums),
    );
  const siteDay = db.sqlite.prepare(SITE_DAY_SQL);
  for (const { p, sums } of siteDays.values()) siteDay.run(p.siteId, p.day, p.currency, ...values(sums));
  const cursor = db.sqlite.prepare(CURSOR_SQL);
  for (const c of cursors) cursor.run(c.rigId, c.readingMs, c.pollMs);
}
