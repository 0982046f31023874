/**
 * Rolls the rig history up after sweeps: closed minutes of raw samples and each rig's profit per kWh into
 * 1-minute buckets, closed 5 minutes and hours of those into 5-minute and 1-hour buckets. Reads go through the
 * time indexes (samples_ts_idx, rig_profit_ts_idx, rollups_tier_bucket_idx): only the new rows. Each tier remembers how far it got, so a run does
 * only new work (nothing at all until a bucket closes) and a collector that was down catches up, at most
 * `maxBucketsPerRun` buckets per run.
 */
import { closedRange, mergeBuckets, rollupPoints, TIER_MS } from '../../lib/history/rollup';
import type { Db } from '../../lib/db/client';
import { storeRollups } from '../../lib/db/mutations/rollups';
import { bucketsBetween, oldestBucketMs, oldestSampleMs, rawPointsBetween, rollupDoneUntil } from '../../lib/db/queries/rollups';

export interface RollupOptions {
  /**
   * How long after a minute ends its samples may still arrive (a sweep stamps samples when it polls and
   * commits when it ends): at least two poll intervals. Default 2 minutes.
   */
  graceMs?: number;
  /** Catch-up per run. Default 120 one-minute, 24 five-minute and 24 one-hour buckets. */
  maxMinutesPerRun?: number;
  maxFiveMinutesPerRun?: number;
  maxHoursPerRun?: number;
}

/** What one run rolled up: buckets written per tier. */
export interface RollupResult {
  m1: number;
  m5: number;
  h1: number;
}

export function runRollups(db: Db, nowMs: number, opts: RollupOptions = {}): RollupResult {
  const result: RollupResult = { m1: 0, m5: 0, h1: 0 };
  const graceMs = opts.graceMs ?? 2 * 60_000;

  const m1Start = rollupDoneUntil(db, 'm1') ?? oldestSampleMs(db);
  const minutes = m1Start === null ? null : closedRange(m1Start, nowMs, TIER_MS.m1, graceMs, opts.maxMinutesPerRun ?? 120);
  if (minutes) {
    const buckets = rollupPoints(rawPointsBetween(db, minutes.fromMs, minutes.toMs), TIER_MS.m1);
    storeRollups(db, 'm1', buckets, minutes.toMs, nowMs);
    result.m1 = buckets.length;
  }

  // Coarser buckets close once every minute in them is rolled up.
  const m1DoneUntil = rollupDoneUntil(db, 'm1');
  result.m5 = rollUpFromMinutes(db, 'm5', m1DoneUntil, nowMs, opts.maxFiveMinutesPerRun ?? 24);
  result.h1 = rollUpFromMinutes(db, 'h1', m1DoneUntil, nowMs, opts.maxHoursPerRun ?? 24);
  return result;
}

/** Rolls closed buckets of `tier` up from the stored 1-minute buckets; returns how many were written. */
function rollUpFromMinutes(db: Db, tier: 'm5' | 'h1', m1DoneUntil: number | null, nowMs: number, maxBuckets: number): number {
  const start = rollupDoneUntil(db, tier) ?? oldestBucketMs(db, 'm1');
  const range = m1DoneUntil === null || start === null ? null : closedRange(start, m1DoneUntil, TIER_MS[tier], 0, maxBuckets);
  if (!range) return 0;
  const buckets = mergeBuckets(bucketsBetween(db, 'm1', range.fromMs, range.toMs), TIER_MS[tier]);
  storeRollups(db, tier, buckets, range.toMs, nowMs);
  return buckets.length;
}
