/**
 * Realized reports as the API serves them (JSON and CSV): a site's, the fleet's (the caller's sites only)
 * or a rig's, per day, ISO week or month of the right time zone. A site the caller may not see reads as
 * unknown, exactly as one that does not exist; a range before the first kept day says how far back data goes.
 */
import { seesSite, type SiteIds } from '../../auth/site-scope';
import type { CsvCell } from '../../realized/csv';
import { toCsv } from '../../realized/csv';
import { addDays, localDay, localDayStartMs } from '../../realized/local-time';
import { buildReport, REPORT_DEFINITIONS, type ReportRow } from '../../realized/report';
import { parseReportRange, type ReportRange } from '../../realized/report-range';
import { describeValue } from '../../util/describe-value';
import { ok, type Result } from '../../util/result';
import { refuse, type Refusal } from '../../util/refusal';
import type { Db } from '../client';
import { readTransaction } from '../transactions';
import { fleetDays, fleetTimeZone, realizedSince, rigDays, rigRealizedSince, siteDays } from './realized';
import { listSites } from './sites';

/** A report ready to send. */
export interface RealizedReport {
  scope: 'site' | 'fleet' | 'rig';
  /** What it covers: the site, the rig, or the fleet (over `sites`). */
  name: string;
  sites: { id: number; name: string }[];
  period: ReportRange['period'];
  from: string;
  to: string;
  timeZone: string;
  currency: string;
  /** The first day kept (null: no realized data yet), and a note when the range starts before it. */
  dataSince: string | null;
  notice: string | null;
  rows: ReportRow[];
  total: ReturnType<typeof buildReport>['total'];
  definitions: typeof REPORT_DEFINITIONS;
}

/** The outcome: the report, or why not ('invalid': unknown site or bad range; 'not-found': no such rig). */
export type ReportOutcome = Result<RealizedReport, Refusal>;

/** What a report is of: a site id, the fleet, or a rig (already checked visible by the caller). */
export type ReportTarget = { kind: 'site'; raw: string } | { kind: 'fleet' } | { kind: 'rig'; rigId: number };

function rangeOutcome(
  params: URLSearchParams,
  today: string,
  since: string | null,
): Result<{ range: ReportRange; notice: string | null }, Refusal> {
  const parsed = parseReportRange(params, today);
  if (!parsed.ok) return refuse('invalid', parsed.error);
  const range = parsed.value;
  if (since !== null && range.lastDay < since)
    return refuse('invalid', `the range ends before the first day kept: realized data goes back to ${since}`);
  const notice =
    since === null
      ? "no realized data yet: figures start with the collector's next sweeps"
      : range.firstDay < since
        ? `realized data goes back to ${since}`
        : null;
  return ok({ range, notice });
}

/** Builds the report of `target` for a principal of `siteIds` with the query `params`. */
export function realizedReport(
  db: Db,
  siteIds: SiteIds,
  target: ReportTarget,
  params: URLSearchParams,
  nowMs: number,
  fleetCurrency: string,
): ReportOutcome {
  return readTransaction(db, () => {
    const sites = listSites(db).filter((s) => seesSite({ siteIds }, s.id));
    if (target.kind === 'fleet') {
      const timeZone = fleetTimeZone(db);
      const ids = sites.map((s) => s.id);
      const r = rangeOutcome(params, localDay(nowMs, timeZone), realizedSince(db, ids));
      if (!r.ok) return r;
      const days = fleetDays(
        db,
        ids,
        timeZone,
        localDayStartMs(r.value.range.firstDay, timeZone),
        localDayStartMs(addDays(r.value.range.lastDay, 1), timeZone),
      );
      return done(
        'fleet',
        'Fleet',
        sites,
        r.value.range,
        timeZone,
        fleetCurrency,
        realizedSince(db, ids),
        r.value.notice,
        buildReport(days, r.value.range.period, timeZone),
      );
    }
    if (target.kind === 'rig') {
      const row = db.sqlite.prepare('select r.name as name, r.site_id as siteId from rigs r where r.id = ?').get(target.rigId) as
        { name: string; siteId: number } | undefined;
      const site = sites.find((s) => s.id === row?.siteId);
      if (!row || !site) return refuse('not-found', `no rig with id ${target.rigId}`);
      const since = rigRealizedSince(db, target.rigId);
      const r = rangeOutcome(params, localDay(nowMs, site.timeZone), since);
      if (!r.ok) return r;
      const days = rigDays(db, target.rigId, r.value.range.firstDay, r.value.range.lastDay);
      return done(
        'rig',
        row.name,
        [site],
        r.value.range,
        site.timeZone,
        site.currency,
        since,
        r.value.notice,
        buildReport(days, r.value.range.period, site.timeZone),
      );
    }
    const id = /^\d{1,9}$/.test(target.raw) ? Number(target.raw) : NaN;
    const site = sites.find((s) => s.id === id);
    // Another site's id reads as unknown, exactly as one that does not exist.
    if (!site)
      return refuse('invalid', `unknown site ${describeValue(target.raw, 40)}: site must be the id of one of your sites or "fleet"`);
    const since = realizedSince(db, [site.id]);
    const r = rangeOutcome(params, localDay(nowMs, site.timeZone), since);
    if (!r.ok) return r;
    const days = siteDays(db, site.id, r.value.range.firstDay, r.value.range.lastDay);
    return done(
      'site',
      site.name,
      [site],
      r.value.range,
      site.timeZone,
      site.currency,
      since,
      r.value.notice,
      buildReport(days, r.value.range.period, site.timeZone),
    );
  });
}

function done(
  scope: RealizedReport['scope'],
  name: string,
  sites: readonly { id: number; name: string }[],
  range: ReportRange,
  timeZone: string,
  currency: string,
  dataSince: string | null,
  notice: string | null,
  built: ReturnType<typeof buildReport>,
): ReportOutcome {
  return ok({
    scope,
    name,
    sites: sites.map((s) => ({ id: s.id, name: s.name })),
    period: range.period,
    from: range.firstDay,
    to: range.lastDay,
    timeZone,
    currency,
    dataSince,
    notice,
    rows: built.rows,
    total: built.total,
    definitions: REPORT_DEFINITIONS,
  });
}

/** The report as CSV: one row per period, units in the header, the subject named in each row. */
export function reportCsv(report: RealizedReport): string {
  const c = report.currency;
  const header = [
    'subject',
    'period',
    'start',
    'end',
    'energy_kwh',
    `cost_${c}`,
    'btc',
    `revenue_${c}`,
    `profit_${c}`,
    `avg_price_${c}_per_kwh`,
    'uptime_pct',
    'losing_rig_hours',
    'mix_meter_pct',
    'mix_firmware_pct',
    'mix_override_pct',
    'mix_estimate_pct',
    'revenue_unknown_kwh',
    `revenue_unknown_cost_${c}`,
    'unpriced_kwh',
  ];
  const rows: CsvCell[][] = report.rows.map((r) => [
    report.name,
    r.period,
    r.start,
    r.end,
    r.kwh,
    r.cost,
    r.btc,
    r.revenue,
    r.profit,
    r.avgPricePerKwh,
    r.uptimePct,
    r.losingRigHours,
    r.mixPct?.meter ?? null,
    r.mixPct?.firmware ?? null,
    r.mixPct?.override ?? null,
    r.mixPct?.estimate ?? null,
    r.kwhRevenueUnknown,
    r.costRevenueUnknown,
    r.kwhUnpriced,
  ]);
  return toCsv(header, rows);
}
