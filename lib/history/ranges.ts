/** The chart ranges of a rig's history and which tier each is read from. Pure. */
import { TIER_MS, type Tier } from './rollup';

export const HISTORY_RANGES = ['1h', '24h', '7d', '30d', '1y'] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Span of each range, and the finest tier it needs (1-minute buckets up to a day, 1-hour beyond). */
export const RANGE_SPEC: Readonly<Record<HistoryRange, { spanMs: number; tier: Tier }>> = {
  '1h': { spanMs: HOUR_MS, tier: 'm1' },
  '24h': { spanMs: DAY_MS, tier: 'm1' },
  '7d': { spanMs: 7 * DAY_MS, tier: 'h1' },
  '30d': { spanMs: 30 * DAY_MS, tier: 'h1' },
  '1y': { spanMs: 365 * DAY_MS, tier: 'h1' },
};

/** Points a chart gets at most. */
export const MAX_CHART_POINTS = 500;

export function isHistoryRange(value: unknown): value is HistoryRange {
  return typeof value === 'string' && (HISTORY_RANGES as readonly string[]).includes(value);
}

export function baseWidthMs(range: HistoryRange): number {
  return TIER_MS[RANGE_SPEC[range].tier];
}
