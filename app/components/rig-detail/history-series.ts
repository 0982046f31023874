/**
 * A rig's history points turned into what a band chart draws: the average as a line and the min and max
 * as the edges of a shaded band. Missing time stays missing: where buckets are absent (the rig was off,
 * the collector stopped) or a metric is unknown, a null point breaks the line and the band instead of
 * drawing a slope to the next value or a drop to zero. Also the one unit each chart's axis is labelled in.
 * Pure.
 */
import type { HistoryPoint, RigHistory } from '../../../lib/db/queries/rig-history';
import type { Metric } from '../../../lib/history/rollup';

/** A rig's history for one range, as the server page and GET /api/rigs/{id}/history give it. */
export type RigHistoryReply = RigHistory;

/** One chart point; y null is a break in the line. */
export interface ChartPoint {
  x: number;
  y: number | null;
}

/** The three series of one metric's chart, index-aligned (same x at the same index). */
export interface BandSeries {
  min: ChartPoint[];
  avg: ChartPoint[];
  max: ChartPoint[];
  /** Dot radius per avg point: a value with no neighbour on either side would be an invisible line. */
  avgRadius: number[];
  /** Points with a value (the breaks not counted). */
  count: number;
  /** The largest max, for choosing the axis unit; null when there is no value. */
  peak: number | null;
}

/** Radius of a lone value's dot, px. */
export const LONE_POINT_RADIUS = 2.5;

/**
 * Two neighbouring points further apart than this have missing time between them. Buckets are `widthMs`
 * apart when the rig reports every bucket; a rig polled less often than that fills only every few
 * buckets, so the expected step is the larger of the two, and half a step more absorbs poll jitter.
 */
export function gapThresholdMs(widthMs: number, pollIntervalMs: number): number {
  return 1.5 * Math.max(widthMs, pollIntervalMs);
}

/** The band series of `metric` from history points (oldest first), with breaks where time is missing. */
export function bandSeries(points: readonly HistoryPoint[], metric: Metric, widthMs: number, pollIntervalMs: number): BandSeries {
  const gapMs = gapThresholdMs(widthMs, pollIntervalMs);
  const min: ChartPoint[] = [];
  const avg: ChartPoint[] = [];
  const max: ChartPoint[] = [];
  let count = 0;
  let peak: number | null = null;
  let prevMs: number | null = null;
  for (const p of points) {
    if (prevMs !== null && p.tsMs - prevMs > gapMs) {
      const x = prevMs + widthMs;
      min.push({ x, y: null });
      avg.push({ x, y: null });
      max.push({ x, y: null });
    }
    prevMs = p.tsMs;
    const stat = p[metric];
    min.push({ x: p.tsMs, y: stat ? stat.min : null });
    avg.push({ x: p.tsMs, y: stat ? stat.avg : null });
    max.push({ x: p.tsMs, y: stat ? stat.max : null });
    if (stat) {
      count += 1;
      peak = peak === null ? stat.max : Math.max(peak, stat.max);
    }
  }
  const avgRadius = avg.map((p, i) =>
    p.y !== null && (avg[i - 1]?.y ?? null) === null && (avg[i + 1]?.y ?? null) === null ? LONE_POINT_RADIUS : 0,
  );
  return { min, avg, max, avgRadius, count, peak };
}

/** The unit an axis is labelled in: values are divided by `divisor` (in the chart's base unit). */
export interface AxisUnit {
  unit: string;
  divisor: number;
}

/** Largest first; a rig's history is in TH/s whatever it hashes, so a GPU rig reads in MH/s. */
const HASHRATE_UNITS: readonly AxisUnit[] = [
  { unit: 'PH/s', divisor: 1e3 },
  { unit: 'TH/s', divisor: 1 },
  { unit: 'GH/s', divisor: 1e-3 },
  { unit: 'MH/s', divisor: 1e-6 },
  { unit: 'kH/s', divisor: 1e-9 },
  { unit: 'H/s', divisor: 1e-12 },
];

const POWER_UNITS: readonly AxisUnit[] = [
  { unit: 'MW', divisor: 1e6 },
  { unit: 'kW', divisor: 1e3 },
  { unit: 'W', divisor: 1 },
];

/** The largest unit the peak is at least 1 of (the last one below that); `fallback` without a peak. */
function pickUnit(units: readonly AxisUnit[], peak: number | null, fallback: AxisUnit): AxisUnit {
  if (peak === null || !Number.isFinite(peak) || peak <= 0) return fallback;
  return units.find((u) => peak / u.divisor >= 1) ?? units[units.length - 1];
}

/** One unit for a whole hash rate axis, so ticks never read "950 GH/s" under "1 TH/s". */
export function hashrateAxisUnit(peakThs: number | null): AxisUnit {
  return pickUnit(HASHRATE_UNITS, peakThs, HASHRATE_UNITS[1]);
}

/** W up to 10 kW, as the rest of the screens write power, then kW, then MW. */
export function powerAxisUnit(peakW: number | null): AxisUnit {
  if (peakW !== null && Math.abs(peakW) < 10_000) return POWER_UNITS[2];
  return pickUnit(POWER_UNITS, peakW, POWER_UNITS[2]);
}

const axisNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, signDisplay: 'negative' });

/** "3.5 kW", "480 MH/s": a tick or tooltip value in the axis unit, up to two decimals. */
export function formatAxisValue(value: number, axis: AxisUnit): string {
  return `${axisNumber.format(value / axis.divisor)} ${axis.unit}`;
}

/** A history reply's fields the charts use; null when the reply is not a history (an error page, say). */
export function parseHistoryReply(json: unknown): RigHistoryReply | null {
  if (typeof json !== 'object' || json === null) return null;
  const h = json as Partial<RigHistoryReply>;
  const numbers = [h.fromMs, h.toMs, h.widthMs].every((n) => typeof n === 'number' && Number.isFinite(n));
  if (!numbers || !Array.isArray(h.points) || typeof h.range !== 'string') return null;
  return h as RigHistoryReply;
}
