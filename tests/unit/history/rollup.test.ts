/** Rollup math of the rig history: buckets, weighted merges, closed ranges and chart downsampling. */
import { describe, expect, it } from 'vitest';
import { closedRange, downsample, mergeBuckets, mergeStat, rollupPoints, TIER_MS, type Bucket } from '../../../lib/history/rollup';

const MIN = 60_000;
const HOUR = 3_600_000;

describe('mergeStat', () => {
  it('weights averages by how many values each side holds, and keeps the extremes', () => {
    expect(mergeStat({ min: 1, avg: 2, max: 3, n: 1 }, { min: 0, avg: 5, max: 9, n: 3 })).toEqual({ min: 0, avg: 4.25, max: 9, n: 4 });
    expect(mergeStat(null, { min: 1, avg: 1, max: 1, n: 2 })).toEqual({ min: 1, avg: 1, max: 1, n: 2 });
    expect(mergeStat(null, null)).toBeNull();
  });
});

describe('rollupPoints', () => {
  it('puts a point on a minute boundary in the new minute and ignores missing, NaN and infinite values', () => {
    const buckets = rollupPoints(
      [
        { rigId: 2, tsMs: 59_999, values: { hashrateThs: 100, tempMaxC: null } },
        { rigId: 2, tsMs: 30_000, values: { hashrateThs: 110, tempMaxC: 70, powerW: Number.NaN } },
        { rigId: 2, tsMs: 60_000, values: { hashrateThs: 90, powerW: Infinity } },
        { rigId: 1, tsMs: 1_000, values: { profitPerKwh: -0.02 } },
      ],
      TIER_MS.m1,
    );
    expect(buckets).toEqual([
      {
        rigId: 1,
        startMs: 0,
        stats: { hashrateThs: null, powerW: null, tempMaxC: null, profitPerKwh: { min: -0.02, avg: -0.02, max: -0.02, n: 1 } },
      },
      {
        rigId: 2,
        startMs: 0,
        stats: {
          hashrateThs: { min: 100, avg: 105, max: 110, n: 2 },
          powerW: null,
          tempMaxC: { min: 70, avg: 70, max: 70, n: 1 },
          profitPerKwh: null,
        },
      },
      {
        rigId: 2,
        startMs: MIN,
        stats: { hashrateThs: { min: 90, avg: 90, max: 90, n: 1 }, powerW: null, tempMaxC: null, profitPerKwh: null },
      },
    ]);
  });
});

describe('mergeBuckets', () => {
  it('makes an hour of two minutes whose averages weigh by their sample counts', () => {
    const minute = (startMs: number, avg: number, n: number): Bucket => ({
      rigId: 1,
      startMs,
      stats: { hashrateThs: { min: avg - 1, avg, max: avg + 1, n }, powerW: null, tempMaxC: null, profitPerKwh: null },
    });
    const [hour] = mergeBuckets([minute(HOUR + 5 * MIN, 100, 6), minute(HOUR + 59 * MIN, 200, 2)], TIER_MS.h1);
    expect(hour).toEqual({
      rigId: 1,
      startMs: HOUR,
      stats: { hashrateThs: { min: 99, avg: 125, max: 201, n: 8 }, powerW: null, tempMaxC: null, profitPerKwh: null },
    });
  });
});

describe('closedRange', () => {
  it('covers whole closed buckets up to the grace period, at most maxBuckets, and nothing while the bucket is open', () => {
    // Done until 10:00; now 10:05:30 with 2 min grace -> 10:00 to 10:03 is closed.
    expect(closedRange(10 * HOUR, 10 * HOUR + 5.5 * MIN, MIN, 2 * MIN, 100)).toEqual({ fromMs: 10 * HOUR, toMs: 10 * HOUR + 3 * MIN });
    expect(closedRange(10 * HOUR, 10 * HOUR + 5.5 * MIN, MIN, 2 * MIN, 2)).toEqual({ fromMs: 10 * HOUR, toMs: 10 * HOUR + 2 * MIN });
    expect(closedRange(10 * HOUR, 10 * HOUR + 2.5 * MIN, MIN, 2 * MIN, 100)).toBeNull();
    // A first run starting mid-minute starts at that minute's beginning.
    expect(closedRange(10 * HOUR + 30_000, 10 * HOUR + 4 * MIN, MIN, 2 * MIN, 100)).toEqual({
      fromMs: 10 * HOUR,
      toMs: 10 * HOUR + 2 * MIN,
    });
  });
});

describe('downsample', () => {
  const hours = (count: number): Bucket[] =>
    Array.from({ length: count }, (_, i) => ({
      rigId: 1,
      startMs: i * HOUR,
      stats: { hashrateThs: { min: i, avg: i, max: i, n: 60 }, powerW: null, tempMaxC: null, profitPerKwh: null },
    }));

  it('leaves a short series alone', () => {
    expect(downsample(hours(10), HOUR, 500)).toEqual({ widthMs: HOUR, buckets: hours(10) });
  });

  it('merges a year of hours into at most 500 points of whole hours', () => {
    const { widthMs, buckets } = downsample(hours(8760), HOUR, 500);
    expect(widthMs).toBe(18 * HOUR); // ceil(8759 / 499)
    expect(buckets.length).toBeLessThanOrEqual(500);
    expect(buckets[0].stats.hashrateThs).toEqual({ min: 0, avg: 8.5, max: 17, n: 18 * 60 });
    expect(buckets.reduce((n, b) => n + b.stats.hashrateThs!.n, 0)).toBe(8760 * 60);
  });

  it('refuses a nonsensical point budget', () => {
    expect(() => downsample(hours(3), HOUR, 1)).toThrow(/maxPoints >= 2/);
  });
});
