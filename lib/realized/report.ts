/**
 * Realized reports (pure): day buckets grouped into days, ISO weeks or months of a time zone, with the
 * figures an operator reads derived from the sums (ratios of sums, never means of ratios), and the
 * definitions shown beside them.
 */
import { isoWithOffset, localDayStartMs, addDays } from './local-time';
import { periodOf, type ReportPeriod } from './periods';
import { addSums, emptySums, type RealizedSums } from './sums';

/** A day's sums, as stored or as summed from hours. */
export interface DaySums {
  day: string;
  sums: RealizedSums;
}

/** One row of a report: a day, week or month. */
export interface ReportRow {
  /** "2026-12-07", "2026-W49" or "2026-12". */
  period: string;
  /** When the period starts and ends (exclusive), ISO 8601 local time with offset. */
  start: string;
  end: string;
  kwh: number;
  cost: number;
  btc: number;
  /** Revenue of the rigs whose revenue is known; profit = revenue - all cost. */
  revenue: number;
  profit: number;
  /** Energy (and its cost) of rigs whose revenue is unknown (GPU rigs): profit excludes their revenue. */
  kwhRevenueUnknown: number;
  costRevenueUnknown: number;
  /** Energy with no tariff to price it (cost excludes it). */
  kwhUnpriced: number;
  /** Cost per priced kWh; null without priced energy. */
  avgPricePerKwh: number | null;
  /** Share of observed rig-hours online and hashing, percent; null when nothing was observed. */
  uptimePct: number | null;
  losingRigHours: number;
  /** Share of kWh by power provenance, percent (null without energy). */
  mixPct: { meter: number; firmware: number; override: number; estimate: number } | null;
}

/** What each figure means, shown where the figures are (screens, JSON, CSV notes). */
export const REPORT_DEFINITIONS = {
  kwh: "Energy at the wall times the site PUE, summed over each interval between a rig's readings (an interval counts at most 3 poll intervals, so an outage is not billed as mining).",
  cost: "Each interval's kWh times the price in force then (time-of-use band, real-time price, or flat).",
  revenue:
    "BTC earned after pool fees at each interval's network figures, times the BTC price then. Rigs whose revenue is unknown (GPU rigs) add none.",
  profit: 'Revenue minus all cost; excludes GPU revenue where GPU rigs ran (their energy and cost count).',
  avgPricePerKwh: 'Cost divided by the priced kWh.',
  uptimePct: 'Share of observed rig-hours the rig was online and hashing.',
  losingRigHours: "Rig-hours when the price in force exceeded the rig's breakeven.",
  mixPct: 'Share of kWh by power provenance: meter, firmware, override, estimate.',
  calendar:
    'Days and months are the local calendar of the site (DST days have 23 or 25 hours), weeks are ISO weeks (Monday first); fleet days follow the fleet time zone, each site summed by its own hour buckets.',
} as const;

/** The derived figures of one set of sums. */
export function figuresOf(s: RealizedSums): Omit<ReportRow, 'period' | 'start' | 'end'> {
  const priced = s.kwh - s.kwhUnpriced;
  const pct = (x: number) => (s.kwh > 0 ? (100 * x) / s.kwh : 0);
  return {
    kwh: s.kwh,
    cost: s.cost,
    btc: s.btc,
    revenue: s.revenue,
    profit: s.revenue - s.cost,
    kwhRevenueUnknown: s.kwhRevenueUnknown,
    costRevenueUnknown: s.costRevenueUnknown,
    kwhUnpriced: s.kwhUnpriced,
    avgPricePerKwh: priced > 0 ? s.cost / priced : null,
    uptimePct: s.observedRigHours > 0 ? (100 * s.upRigHours) / s.observedRigHours : null,
    losingRigHours: s.losingRigHours,
    mixPct:
      s.kwh > 0
        ? { meter: pct(s.kwhMeter), firmware: pct(s.kwhFirmware), override: pct(s.kwhOverride), estimate: pct(s.kwhEstimated) }
        : null,
  };
}

/** Groups `days` (any order) into periods of `timeZone`, oldest first; the total over all of them. */
export function buildReport(
  days: readonly DaySums[],
  period: ReportPeriod,
  timeZone: string,
): { rows: ReportRow[]; total: Omit<ReportRow, 'period' | 'start' | 'end'> } {
  const groups = new Map<string, { firstDay: string; lastDay: string; sums: RealizedSums }>();
  const all = emptySums();
  for (const d of days) {
    const p = periodOf(d.day, period);
    const g = groups.get(p.key) ?? { firstDay: p.firstDay, lastDay: p.lastDay, sums: emptySums() };
    groups.set(p.key, g);
    addSums(g.sums, d.sums);
    addSums(all, d.sums);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => ({
      period: key,
      start: isoWithOffset(localDayStartMs(g.firstDay, timeZone), timeZone),
      end: isoWithOffset(localDayStartMs(addDays(g.lastDay, 1), timeZone), timeZone),
      ...figuresOf(g.sums),
    }));
  return { rows, total: figuresOf(all) };
}
