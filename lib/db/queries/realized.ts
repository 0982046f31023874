/**
 * Reads of the realized buckets for reports: a site's days, the fleet's days in the fleet time zone (from
 * the sites' hour buckets, money in the fleet currency), a rig's days, how far back data goes, and the
 * fleet time zone setting. Every read is by primary key or index range, never a scan of raw tables.
 */
import { eq } from 'drizzle-orm';
import { localDay } from '../../realized/local-time';
import type { DaySums } from '../../realized/report';
import { emptySums, SUM_FIELDS, addSums, type RealizedSums } from '../../realized/sums';
import type { Db } from '../client';
import { appSettings } from '../schema';
import { listSites } from './sites';

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const SELECT_SUMS = SUM_FIELDS.map((k) => `${snake(k)} as ${k}`).join(', ');

const sumsOf = (row: Record<string, unknown>): RealizedSums => {
  const s = emptySums();
  for (const k of SUM_FIELDS) s[k] = Number(row[k] ?? 0);
  return s;
};

/** app_settings key of the fleet time zone (an IANA name); unset: the first site's. */
export const FLEET_TIME_ZONE_KEY = 'fleet-time-zone';

/** The time zone fleet days follow: the setting, else the first site's, else UTC. */
export function fleetTimeZone(db: Db): string {
  const row = db.orm.select({ valueJson: appSettings.valueJson }).from(appSettings).where(eq(appSettings.key, FLEET_TIME_ZONE_KEY)).get();
  if (row) {
    try {
      const tz = JSON.parse(row.valueJson) as unknown;
      if (typeof tz === 'string' && tz !== '') {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return tz;
      }
    } catch {
      /* a hand-edited or invalid value: fall back to the first site's */
    }
  }
  return listSites(db)[0]?.timeZone ?? 'UTC';
}

/** A site's stored days from `fromDay` to `toDay` (inclusive), in its currency. */
export function siteDays(db: Db, siteId: number, fromDay: string, toDay: string): DaySums[] {
  const rows = db.sqlite
    .prepare(`select day, ${SELECT_SUMS} from realized_site_days where site_id = ? and day >= ? and day <= ? order by day`)
    .all(siteId, fromDay, toDay) as Record<string, unknown>[];
  return rows.map((r) => ({ day: String(r.day), sums: sumsOf(r) }));
}

/** A rig's stored days from `fromDay` to `toDay` (inclusive), in its site's currency. */
export function rigDays(db: Db, rigId: number, fromDay: string, toDay: string): DaySums[] {
  const rows = db.sqlite
    .prepare(`select day, ${SELECT_SUMS} from realized_rig_days where rig_id = ? and day >= ? and day <= ? order by day`)
    .all(rigId, fromDay, toDay) as Record<string, unknown>[];
  return rows.map((r) => ({ day: String(r.day), sums: sumsOf(r) }));
}

/**
 * The hour buckets of `siteIds` starting in [fromMs, toMs), oldest first; with `fleetMoney`, cost and
 * revenue are the fleet-currency ones (converted at each interval's BTC prices).
 */
export function siteHours(
  db: Db,
  siteIds: readonly number[],
  fromMs: number,
  toMs: number,
  fleetMoney: boolean,
): { hourStartMs: number; sums: RealizedSums }[] {
  if (siteIds.length === 0) return [];
  const rows = db.sqlite
    .prepare(
      `select hour_start_ms as hourStartMs, cost_fleet as costFleet, revenue_fleet as revenueFleet, ${SELECT_SUMS}
       from realized_site_hours where hour_start_ms >= ? and hour_start_ms < ? and site_id in (${siteIds.map(() => '?').join(', ')}) order by hour_start_ms`,
    )
    .all(fromMs, toMs, ...siteIds) as Record<string, unknown>[];
  return rows.map((r) => {
    const s = sumsOf(r);
    if (fleetMoney) {
      // Unknown-revenue cost in the fleet currency, at the hour's own conversion.
      const rate = Number(r.cost) > 0 ? Number(r.costFleet) / Number(r.cost) : 1;
      s.cost = Number(r.costFleet);
      s.revenue = Number(r.revenueFleet);
      s.costRevenueUnknown *= rate;
    }
    return { hourStartMs: Number(r.hourStartMs), sums: s };
  });
}

/**
 * The fleet's days of `timeZone` from the hour buckets of `siteIds` starting in [fromMs, toMs), money in
 * the fleet currency; each site by its own local hours.
 */
export function fleetDays(db: Db, siteIds: readonly number[], timeZone: string, fromMs: number, toMs: number): DaySums[] {
  const days = new Map<string, RealizedSums>();
  for (const h of siteHours(db, siteIds, fromMs, toMs, true)) {
    const day = localDay(h.hourStartMs, timeZone);
    days.set(day, addSums(days.get(day) ?? emptySums(), h.sums));
  }
  return [...days.entries()].map(([day, sums]) => ({ day, sums }));
}

/** The first day with realized data for any of `siteIds` (their own local days), or null when none. */
export function realizedSince(db: Db, siteIds: readonly number[]): string | null {
  if (siteIds.length === 0) return null;
  const row = db.sqlite
    .prepare(`select min(day) as day from realized_site_days where site_id in (${siteIds.map(() => '?').join(', ')})`)
    .get(...siteIds) as {
    day: string | null;
  };
  return row.day;
}

/** The first day with realized data for rig `rigId`, or null. */
export function rigRealizedSince(db: Db, rigId: number): string | null {
  return (db.sqlite.prepare('select min(day) as day from realized_rig_days where rig_id = ?').get(rigId) as { day: string | null }).day;
}
