/**
 * Rollup packs (lib/history/pack): a period's buckets round-trip through the blob to float32 precision, with
 * missing metrics, missing buckets and large counts intact, and figures a float32 cannot hold are refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePack, encodePack, PACK_MS, packStartMs } from '../../../lib/history/pack';
import type { Bucket, Stat } from '../../../lib/history/rollup';

const HOUR = 3_600_000;
const P0 = Date.UTC(2026, 0, 5, 10); // a whole hour
const stat = (min: number, avg: number, max: number, n: number): Stat => ({ min, avg, max, n });

function unwrap(r: ReturnType<typeof encodePack>): Buffer {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('rollup packs', () => {
  it('round-trips buckets with gaps and missing metrics, values to float32', () => {
    const buckets: Bucket[] = [
      {
        rigId: 7,
        startMs: P0,
        stats: {
          hashrateThs: stat(100, 101.25, 102.5, 6),
          powerW: stat(3000, 3010, 3020, 6),
          tempMaxC: null,
          profitPerKwh: stat(-0.01, -0.01, -0.01, 6),
        },
      },
      {
        rigId: 7,
        startMs: P0 + 59 * 60_000,
        stats: { hashrateThs: stat(0.1, 0.2, 0.3, 1), powerW: null, tempMaxC: stat(61, 62, 63, 2), profitPerKwh: null },
      },
      { rigId: 7, startMs: P0 + 30 * 60_000, stats: { hashrateThs: null, powerW: null, tempMaxC: null, profitPerKwh: null } },
    ];
    const blob = unwrap(encodePack('m1', P0, buckets));
    const back = decodePack('m1', 7, P0, blob);
    expect(back.map((b) => b.startMs)).toEqual([P0, P0 + 30 * 60_000, P0 + 59 * 60_000]);
    expect(back[0].stats).toEqual({
      hashrateThs: stat(100, 101.25, 102.5, 6),
      powerW: stat(3000, 3010, 3020, 6),
      tempMaxC: null,
      profitPerKwh: stat(Math.fround(-0.01), Math.fround(-0.01), Math.fround(-0.01), 6),
    });
    expect(back[1].stats).toEqual({ hashrateThs: null, powerW: null, tempMaxC: null, profitPerKwh: null });
    expect(back[2].stats.hashrateThs).toEqual(stat(Math.fround(0.1), Math.fround(0.2), Math.fround(0.3), 1));
    expect(back[2].stats.tempMaxC).toEqual(stat(61, 62, 63, 2));
    // 1 version byte; per bucket offset + presence; per metric n (1 byte here) + 12 bytes.
    expect(blob.length).toBe(1 + (2 + 3 * 13) + (2 + 2 * 13) + 2);
  });

  it('keeps counts beyond one varint byte (an hour of 1-second samples, a week of them)', () => {
    for (const n of [127, 128, 16_384, 604_800, 2 ** 40]) {
      const b: Bucket = {
        rigId: 1,
        startMs: P0,
        stats: { hashrateThs: stat(1, 2, 3, n), powerW: null, tempMaxC: null, profitPerKwh: null },
      };
      expect(decodePack('h1', 1, packStartMs('h1', P0), unwrap(encodePack('h1', packStartMs('h1', P0), [b])))[0].stats.hashrateThs!.n).toBe(
        n,
      );
    }
  });

  it('refuses what a float32 cannot hold, counts that are not whole, and buckets outside the period', () => {
    const with1 = (s: Stat): Bucket[] => [
      { rigId: 3, startMs: P0, stats: { hashrateThs: null, powerW: s, tempMaxC: null, profitPerKwh: null } },
    ];
    for (const bad of [NaN, Infinity, -Infinity, 1e39]) {
      const r = encodePack('m1', P0, with1(stat(1, bad, 2, 1)));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/powerW of rig 3 .* not a finite float32/);
    }
    for (const n of [0, 1.5, -1]) expect(encodePack('m1', P0, with1(stat(1, 1, 1, n))).ok).toBe(false);
    const one = with1(stat(1, 1, 1, 1))[0];
    expect(encodePack('m1', P0, [{ ...one, startMs: P0 + 6 * HOUR }]).ok).toBe(false);
    expect(encodePack('m1', P0, [{ ...one, startMs: P0 - 60_000 }]).ok).toBe(false);
    expect(encodePack('m1', P0, [{ ...one, startMs: P0 + 30_000 }]).ok).toBe(false);
    expect(encodePack('m1', P0, [one, one]).ok).toBe(false);
  });

  it('refuses a blob it did not write', () => {
    expect(() => decodePack('m1', 1, P0, Buffer.from([9]))).toThrow(/unknown format 9/);
    const blob = unwrap(
      encodePack('m1', P0, [
        { rigId: 1, startMs: P0, stats: { hashrateThs: stat(1, 1, 1, 1), powerW: null, tempMaxC: null, profitPerKwh: null } },
      ]),
    );
    expect(() => decodePack('m1', 1, P0, blob.subarray(0, blob.length - 3))).toThrow(/truncated/);
  });

  it('periods: 6 hours of minutes, a day of 5 minutes, 4 weeks of hours, aligned to the epoch', () => {
    expect(PACK_MS).toEqual({ m1: 6 * HOUR, m5: 24 * HOUR, h1: 28 * 24 * HOUR });
    expect(packStartMs('m1', P0 + 59 * 60_000)).toBe(Date.UTC(2026, 0, 5, 6));
    expect(packStartMs('m5', P0)).toBe(Date.UTC(2026, 0, 5));
  });

  it('any finite float32 buckets round-trip exactly (property)', () => {
    const f32 = fc.float({ noNaN: true, noDefaultInfinity: true });
    const st = fc.option(fc.record({ min: f32, avg: f32, max: f32, n: fc.integer({ min: 1, max: 1e9 }) }), { nil: null });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 287 }), { maxLength: 288 }),
        fc.array(fc.tuple(st, st, st, st), { minLength: 288, maxLength: 288 }),
        (offsets, stats) => {
          const start = Date.UTC(2026, 0, 5);
          const buckets: Bucket[] = [...offsets]
            .sort((a, b) => a - b)
            .map((o) => {
              const [hashrateThs, powerW, tempMaxC, profitPerKwh] = stats[o];
              return { rigId: 2, startMs: start + o * 300_000, stats: { hashrateThs, powerW, tempMaxC, profitPerKwh } };
            });
          const back = decodePack('m5', 2, start, unwrap(encodePack('m5', start, buckets)));
          expect(back).toEqual(buckets);
        },
      ),
      { numRuns: 50 },
    );
  });
});
