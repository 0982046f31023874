/**
 * Realized history for charts (pure): hour buckets grouped into hours (24 h, 7 d) or local days (30 d,
 * 1 y), each point the bucket's mean hash rate and power (energy over elapsed time, so power includes the
 * PUE) and its profit per kWh against the price paid per kWh.
 */
import { localDay, localDayStartMs, addDays } from './local-time';
import { addSums, emptySums, type RealizedSums } from './sums';

export const REALIZED_RANGES = ['24h', '7d', '30d', '1y'] as const;
export type RealizedRange = (typeof REALIZED_RANGES)[number];
const HOUR = 3_600_000;
const SPAN_MS: Record<RealizedRange, number> = { '24h': 24 * HOUR, '7d': 7 * 24 * HOUR, '30d': 30 * 24 * HOUR, '1y': 365 * 24 * HOUR };

/** How far back a range reaches from `nowMs`, and whether its points are hours or local days. */
export function rangeSpan(range: RealizedRange, nowMs: number): { fromMs: number; bucket: 'hour' | 'day' } {
  return { fromMs: nowMs - SPAN_MS[range], bucket: range === '24h' || range === '7d' ? 'hour' : 'day' };
}

/** One point of a realized history chart. */
export interface RealizedPoint {
  /** Start of the bucket. */
  tsMs: number;
  hashrateThs: number | null;
  /** Mean power at the wall including PUE, kW. */
  powerKw: number | null;
  profitPerKwh: number | null;
  pricePaidPerKwh: number | null;
  /** True when GPU rigs ran: profit counts their cost but not their (unknown) revenue. */
  excludesGpuRevenue: boolean;
}

function point(tsMs: number, s: RealizedSums, elapsedHours: number): RealizedPoint {
  const priced = s.kwh - s.kwhUnpriced;
  return {
    tsMs,
    hashrateThs: elapsedHours > 0 ? s.thsHours / elapsedHours : null,
    powerKw: elapsedHours > 0 ? s.kwh / elapsedHours : null,
    profitPerKwh: s.kwh > 0 ? (s.revenue - s.cost) / s.kwh : null,
    pricePaidPerKwh: priced > 0 ? s.cost / priced : null,
    excludesGpuRevenue: s.kwhRevenueUnknown > 0,
  };
}

/** The points of `hours` (any sites, one currency) for a range ending at `nowMs`, oldest first. */
export function historyPoints(
  hours: readonly { hourStartMs: number; sums: RealizedSums }[],
  bucket: 'hour' | 'day',
  timeZone: string,
  nowMs: number,
): RealizedPoint[] {
  const groups = new Map<number, { endMs: number; sums: RealizedSums }>();
  for (const h of hours) {
    let startMs = h.hourStartMs;
    let endMs = h.hourStartMs + HOUR;
    if (bucket === 'day') {
      const day = localDay(h.hourStartMs, timeZone);
      startMs = localDayStartMs(day, timeZone);
      endMs = localDayStartMs(addDays(day, 1), timeZone);
    }
    const g = groups.get(startMs) ?? { endMs, sums: emptySums() };
    groups.set(startMs, g);
    addSums(g.sums, h.sums);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([startMs, g]) => point(startMs, g.sums, (Math.min(g.endMs, nowMs) - startMs) / HOUR));
}
