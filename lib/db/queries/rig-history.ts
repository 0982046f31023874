/**
 * A rig's history for a chart range, stitched from the tiers without overlap: 1-hour buckets up to where
 * the hour rollup got, 1-minute buckets up to where the minute rollup got, raw samples after that (the
 * minutes not rolled up yet), merged to the range's base width and downsampled to at most 500 points.
 */
import { downsample, mergeBuckets, rollupPoints, TIER_MS, type Bucket, type Stats } from '../../history/rollup';
import { baseWidthMs, MAX_CHART_POINTS, RANGE_SPEC, type HistoryRange } from '../../history/ranges';
import type { Db } from '../client';
import { bucketsBetween, rawPointsBetween, rollupDoneUntil } from './rollups';

export interface HistoryPoint extends Stats {
  tsMs: number;
}

export interface RigHistory {
  rigId: number;
  range: HistoryRange;
  fromMs: number;
  toMs: number;
  /** Width of each point. */
  widthMs: number;
  points: HistoryPoint[];
}

export function rigHistory(db: Db, rigId: number, range: HistoryRange, nowMs: number): RigHistory {
  const { spanMs, tier } = RANGE_SPEC[range];
  const fromMs = nowMs - spanMs;
  const m1Done = Math.max(fromMs, Math.min(nowMs, rollupDoneUntil(db, 'm1') ?? fromMs));
  const h1Done = tier === 'h1' ? Math.max(fromMs, Math.min(m1Done, rollupDoneUntil(db, 'h1') ?? fromMs)) : fromMs;
  const parts: Bucket[] = [
    ...(tier === 'h1' ? bucketsBetween(db, 'h1', fromMs, h1Done, rigId) : []),
    ...bucketsBetween(db, 'm1', h1Done, m1Done, rigId),
    ...rollupPoints(rawPointsBetween(db, m1Done, nowMs, rigId), TIER_MS.m1),
  ];
  const base = mergeBuckets(parts, baseWidthMs(range));
  const { widthMs, buckets } = downsample(base, baseWidthMs(range), MAX_CHART_POINTS);
  return { rigId, range, fromMs, toMs: nowMs, widthMs, points: buckets.map((b) => ({ tsMs: b.startMs, ...b.stats })) };
}
