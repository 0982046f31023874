/**
 * Rolls the rig history up after sweeps: closed minutes of raw samples and per-sweep economics into 1-minute
 * buckets, closed hours of those into 1-hour buckets. Each tier remembers how far it got, so a run does
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
  /** Catch-up per run. Default 120 one-minute and 24 one-hour buckets. */
  maxMinutesPerRun?: number;
  maxHoursPerRun?: number;
}

/** What one run rolled up: buckets written per tier. */
export interface RollupResult {
  m1: number;
  h1: number;
}

export function runRollups(db: Db, nowMs: number, opts: RollupOptions = {}): RollupResult {
  const result: RollupResult = { m1: 0, h1: 0 };
  const graceMs = opts.graceMs ?? 2 * 60_000;

  const m1Start = rollupDoneUntil(db, 'm1') ?? oldestSampleMs(db);
  const minutes = m1Start === null ? null : closedRange(m1Start, nowMs, TIER_MS.m1, graceMs, opts.maxMinutesPerRun ?? 120);
  if (minutes) {
    const buckets = rollupPoints(rawPointsBetween(db, minutes.fromMs, minutes.toMs), TIER_MS.m1);
    storeRollups(db, 'm1', buckets, minutes.toMs, nowMs);
    result.m1 = buckets.length;
  }

  // Hours close once every minute in them is rolled up.
  const m1DoneUntil = rollupDoneUntil(db, 'm1');
  const h1Start = rollupDoneUntil(db, 'h1') ?? oldestBucketMs(db, 'm1');
  const hours =
    m1DoneUntil === null || h1Start === null ? null : closedRange(h1Start, m1DoneUntil, TIER_MS.h1, 0, opts.maxHoursPerRun ?? 24);
  if (hours) {
    const buckets = mergeBuckets(bucketsBetween(db, 'm1', hours.fromMs, hours.toMs), TIER_MS.h1);
    storeRollups(db, 'h1', buckets, hours.toMs, nowMs);
    result.h1 = buckets.length;
  }
  return result;
}
