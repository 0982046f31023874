/**
 * What the /reports page and the overview's "so far" tiles show, read at request time for a principal's
 * sites: the fleet report by period, each site's in its own currency and zone, and the sites side by side
 * over the same range in the fleet currency and time zone, so the site rows add up to the fleet row.
 */
import { seesSite, type SiteIds } from '../../auth/site-scope';
import { addDays, localDay, localDayStartMs } from '../../realized/local-time';
import { figuresOf, REPORT_DEFINITIONS, type ReportRow } from '../../realized/report';
import type { ReportPeriod } from '../../realized/periods';
import { addSums, emptySums } from '../../realized/sums';
import type { Db } from '../client';
import { readTransaction } from '../transactions';
import { fleetDays, fleetTimeZone } from './realized';
import { realizedReport, type RealizedReport } from './realized-report';
import { listSites } from './sites';

type Figures = Omit<ReportRow, 'period' | 'start' | 'end'>;

/** The /reports page's data. */
export interface ReportsPageData {
  period: ReportPeriod;
  fleetCurrency: string;
  fleetTimeZone: string;
  fleet: RealizedReport | null;
  /** Each site over the fleet report's range, fleet currency and zone; `total` is their sum. */
  bySite: { id: number; name: string; figures: Figures }[];
  total: Figures | null;
  sites: RealizedReport[];
  definitions: typeof REPORT_DEFINITIONS;
}

/** The page's data for `siteIds` and `period`. */
export function getReportsPageData(db: Db, siteIds: SiteIds, period: ReportPeriod, nowMs: number, fleetCurrency: string): ReportsPageData {
  return readTransaction(db, () => {
    const params = new URLSearchParams({ period });
    const fleetOut = realizedReport(db, siteIds, { kind: 'fleet' }, params, nowMs, fleetCurrency);
    const fleet = fleetOut.ok ? fleetOut.value : null;
    const tz = fleetTimeZone(db);
    const visible = listSites(db).filter((s) => seesSite({ siteIds }, s.id));
    const bySite = fleet
      ? visible.map((s) => {
          const days = fleetDays(db, [s.id], tz, localDayStartMs(fleet.from, tz), localDayStartMs(addDays(fleet.to, 1), tz));
          return { id: s.id, name: s.name, figures: figuresOf(days.reduce((acc, d) => addSums(acc, d.sums), emptySums())) };
        })
      : [];
    const sites = visible.flatMap((s) => {
      const out = realizedReport(db, siteIds, { kind: 'site', raw: String(s.id) }, params, nowMs, fleetCurrency);
      return out.ok ? [out.value] : [];
    });
    return { period, fleetCurrency, fleetTimeZone: tz, fleet, bySite, total: fleet?.total ?? null, sites, definitions: REPORT_DEFINITIONS };
  });
}

/** Realized so far today and this month, over the principal's sites, in the fleet currency and time zone. */
export interface RealizedSoFar {
  currency: string;
  today: Figures | null;
  month: Figures | null;
}

/** Today's and this month's figures so far (null before any realized data). */
export function realizedSoFar(db: Db, siteIds: SiteIds, nowMs: number, fleetCurrency: string): RealizedSoFar {
  return readTransaction(db, () => {
    const tz = fleetTimeZone(db);
    const today = localDay(nowMs, tz);
    const ids = listSites(db)
      .filter((s) => seesSite({ siteIds }, s.id))
      .map((s) => s.id);
    const sum = (fromDay: string) => {
      const days = fleetDays(db, ids, tz, localDayStartMs(fromDay, tz), localDayStartMs(addDays(today, 1), tz));
      return days.length === 0 ? null : figuresOf(days.reduce((acc, d) => addSums(acc, d.sums), emptySums()));
    };
    return { currency: fleetCurrency, today: sum(today), month: sum(`${today.slice(0, 7)}-01`) };
  });
}
