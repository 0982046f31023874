/**
 * Rollup math of the tiered rig history: raw points into 1-minute buckets, 1-minute buckets into 1-hour
 * ones, and consecutive buckets merged for charts, each metric as min / avg / max with the number of
 * values behind it (so an average of averages is weighted correctly and a metric a rig does not report
 * stays null instead of pulling the average to 0). Pure.
 */

/** What the history keeps per rig. */
export const METRICS = ['hashrateThs', 'powerW', 'tempMaxC', 'profitPerKwh'] as const;
export type Metric = (typeof METRICS)[number];

/** 1 minute, 5 minutes, 1 hour: every tier is rolled up from the 1-minute buckets (charts read m1 and h1). */
export type Tier = 'm1' | 'm5' | 'h1';
export const TIER_MS: Readonly<Record<Tier, number>> = { m1: 60_000, m5: 300_000, h1: 3_600_000 };

/** One metric over a bucket; n is how many values it summarises (never 0: no values is null). */
export interface Stat {
  min: number;
  avg: number;
  max: number;
  n: number;
}

export type Stats = Record<Metric, Stat | null>;

/** A rig's bucket at some width (a tier, or a chart's merged width). */
export interface Bucket {
  rigId: number;
  startMs: number;
  stats: Stats;
}

/** One raw observation: a sample's figures, or an economics row's profit per kWh. */
export interface RawPoint {
  rigId: number;
  tsMs: number;
  values: Partial<Record<Metric, number | null>>;
}

export function bucketStartMs(tsMs: number, widthMs: number): number {
  return Math.floor(tsMs / widthMs) * widthMs;
}

function emptyStats(): Stats {
  return { hashrateThs: null, powerW: null, tempMaxC: null, profitPerKwh: null };
}

/** Adds `b` into `a` (either may be null): min of mins, max of maxes, avg weighted by n. */
export function mergeStat(a: Stat | null, b: Stat | null): Stat | null {
  if (!a) return b;
  if (!b) return a;
  const n = a.n + b.n;
  return { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max), avg: (a.avg * a.n + b.avg * b.n) / n, n };
}

function pointStat(v: number | null | undefined): Stat | null {
  return typeof v === 'number' && Number.isFinite(v) ? { min: v, avg: v, max: v, n: 1 } : null;
}

function keyOf(rigId: number, startMs: number): string {
  return `${rigId}:${startMs}`;
}

/** Buckets of `widthMs` from raw points, ordered by rig then time. */
export function rollupPoints(points: readonly RawPoint[], widthMs: number): Bucket[] {
  const out = new Map<string, Bucket>();
  for (const p of points) {
    const startMs = bucketStartMs(p.tsMs, widthMs);
    const key = keyOf(p.rigId, startMs);
    const bucket = out.get(key) ?? { rigId: p.rigId, startMs, stats: emptyStats() };
    for (const m of METRICS) bucket.stats[m] = mergeStat(bucket.stats[m], pointStat(p.values[m]));
    out.set(key, bucket);
  }
  return sortBuckets([...out.values()]);
}

/** Coarser buckets of `widthMs` from finer ones (1-minute into 1-hour, or any into a chart's width). */
export function mergeBuckets(buckets: readonly Bucket[], widthMs: number): Bucket[] {
  const out = new Map<string, Bucket>();
  for (const b of buckets) {
    const startMs = bucketStartMs(b.startMs, widthMs);
    const key = keyOf(b.rigId, startMs);
    const into = out.get(key) ?? { rigId: b.rigId, startMs, stats: emptyStats() };
    for (const m of METRICS) into.stats[m] = mergeStat(into.stats[m], b.stats[m]);
    out.set(key, into);
  }
  return sortBuckets([...out.values()]);
}

function sortBuckets(buckets: Bucket[]): Bucket[] {
  return buckets.sort((a, b) => a.rigId - b.rigId || a.startMs - b.startMs);
}

/**
 * The closed buckets to roll up now: from `doneUntilMs` (exclusive end of what is rolled up) to the
 * start of the bucket that was still open `graceMs` ago, at most `maxBuckets` of them (catch-up is
 * spread over several runs). Null when none is closed yet.
 */
export function closedRange(
  doneUntilMs: number,
  nowMs: number,
  widthMs: number,
  graceMs: number,
  maxBuckets: number,
): { fromMs: number; toMs: number } | null {
  const fromMs = bucketStartMs(doneUntilMs, widthMs);
  const closedUntilMs = bucketStartMs(nowMs - graceMs, widthMs);
  const toMs = Math.min(closedUntilMs, fromMs + maxBuckets * widthMs);
  return toMs > fromMs ? { fromMs, toMs } : null;
}

/**
 * Merges consecutive buckets of one series so a chart gets at most `maxPoints`: the width becomes a whole
 * multiple of `baseWidthMs`, aligned to the epoch like every tier (so a series spanning (n-1) widths
 * touches at most n buckets).
 */
export function downsample(series: readonly Bucket[], baseWidthMs: number, maxPoints: number): { widthMs: number; buckets: Bucket[] } {
  if (!Number.isInteger(maxPoints) || maxPoints < 2) throw new Error(`downsample needs a whole maxPoints >= 2 (got ${maxPoints})`);
  if (series.length <= maxPoints) return { widthMs: baseWidthMs, buckets: [...series] };
  const spanMs = series[series.length - 1].startMs - series[0].startMs;
  const factor = Math.max(1, Math.ceil(spanMs / baseWidthMs / (maxPoints - 1)));
  const widthMs = baseWidthMs * factor;
  return { widthMs, buckets: mergeBuckets(series, widthMs) };
}
