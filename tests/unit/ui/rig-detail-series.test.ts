/**
 * The rig page's history charts: points into avg/min/max series that break where time or a value is
 * missing (never a line across a gap, never a drop to zero), one unit per axis, and the reply check.
 */
import { describe, expect, it } from 'vitest';
import {
  bandSeries,
  formatAxisValue,
  gapThresholdMs,
  hashrateAxisUnit,
  LONE_POINT_RADIUS,
  parseHistoryReply,
  powerAxisUnit,
} from '../../../app/components/rig-detail/history-series';
import type { HistoryPoint } from '../../../lib/db/queries/rig-history';
import type { Stat } from '../../../lib/history/rollup';

const MIN = 60_000;

function stat(min: number, avg: number, max: number, n = 2): Stat {
  return { min, avg, max, n };
}

function point(tsMs: number, hashrate: Stat | null, power: Stat | null = null): HistoryPoint {
  return { tsMs, hashrateThs: hashrate, powerW: power, tempMaxC: null, profitPerKwh: null };
}

describe('band series', () => {
  it('draws avg, min and max at each bucket when no time is missing', () => {
    const s = bandSeries([point(0, stat(100, 105, 110)), point(MIN, stat(101, 106, 111))], 'hashrateThs', MIN, 1_000);
    expect(s.avg).toEqual([
      { x: 0, y: 105 },
      { x: MIN, y: 106 },
    ]);
    expect(s.min).toEqual([
      { x: 0, y: 100 },
      { x: MIN, y: 101 },
    ]);
    expect(s.max).toEqual([
      { x: 0, y: 110 },
      { x: MIN, y: 111 },
    ]);
    expect(s.avgRadius).toEqual([0, 0]);
    expect(s.count).toBe(2);
    expect(s.peak).toBe(111);
  });

  it('breaks the line one bucket after the last value when buckets are missing, instead of joining across', () => {
    const s = bandSeries(
      [
        point(0, stat(100, 105, 110)),
        point(MIN, stat(101, 106, 111)),
        point(3 * MIN, stat(99, 104, 109)),
        point(4 * MIN, stat(98, 103, 108)),
      ],
      'hashrateThs',
      MIN,
      1_000,
    );
    expect(s.avg).toEqual([
      { x: 0, y: 105 },
      { x: MIN, y: 106 },
      { x: 2 * MIN, y: null },
      { x: 3 * MIN, y: 104 },
      { x: 4 * MIN, y: 103 },
    ]);
    expect(s.min[2]).toEqual({ x: 2 * MIN, y: null });
    expect(s.max[2]).toEqual({ x: 2 * MIN, y: null });
    expect(s.count).toBe(4);
  });

  it('leaves a metric the bucket has no value for as a break, not a zero', () => {
    const s = bandSeries(
      [point(0, stat(1, 2, 3), stat(3000, 3100, 3200)), point(MIN, null, stat(3000, 3050, 3100)), point(2 * MIN, stat(1, 2, 3), null)],
      'hashrateThs',
      MIN,
      1_000,
    );
    expect(s.avg.map((p) => p.y)).toEqual([2, null, 2]);
    const power = bandSeries([point(0, null, stat(3000, 3100, 3200)), point(MIN, null, stat(3000, 3050, 3100))], 'powerW', MIN, 1_000);
    expect(power.avg.map((p) => p.y)).toEqual([3100, 3050]);
    expect(power.peak).toBe(3200);
  });

  it('gives a value with no neighbour a dot, since a one-point line would be invisible', () => {
    const s = bandSeries(
      [point(0, stat(1, 2, 3)), point(5 * MIN, stat(1, 2, 3)), point(6 * MIN, stat(1, 2, 3))],
      'hashrateThs',
      MIN,
      1_000,
    );
    expect(s.avg.map((p) => p.y)).toEqual([2, null, 2, 2]);
    expect(s.avgRadius).toEqual([LONE_POINT_RADIUS, 0, 0, 0]);
    expect(bandSeries([point(0, stat(1, 2, 3))], 'hashrateThs', MIN, 1_000).avgRadius).toEqual([LONE_POINT_RADIUS]);
  });

  it('does not call every other bucket a gap when the rig is polled less often than a bucket', () => {
    // Polled every 2 min into 1-min buckets: every second bucket is empty by design.
    expect(gapThresholdMs(MIN, 2 * MIN)).toBe(3 * MIN);
    const s = bandSeries(
      [point(0, stat(1, 2, 3)), point(2 * MIN, stat(1, 2, 3)), point(5 * MIN, stat(1, 2, 3))],
      'hashrateThs',
      MIN,
      2 * MIN,
    );
    expect(s.avg.map((p) => p.x)).toEqual([0, 2 * MIN, 5 * MIN]);
    // Missing 4 minutes at that cadence is a gap.
    const gap = bandSeries([point(0, stat(1, 2, 3)), point(4 * MIN, stat(1, 2, 3))], 'hashrateThs', MIN, 2 * MIN);
    expect(gap.avg).toEqual([
      { x: 0, y: 2 },
      { x: MIN, y: null },
      { x: 4 * MIN, y: 2 },
    ]);
  });

  it('has nothing to draw and no peak for an empty range', () => {
    expect(bandSeries([], 'profitPerKwh', MIN, 1_000)).toEqual({ min: [], avg: [], max: [], avgRadius: [], count: 0, peak: null });
  });
});

describe('axis units', () => {
  it('labels a whole hash rate axis in the unit of its peak', () => {
    expect(hashrateAxisUnit(110)).toEqual({ unit: 'TH/s', divisor: 1 });
    expect(hashrateAxisUnit(1_250)).toEqual({ unit: 'PH/s', divisor: 1e3 });
    expect(hashrateAxisUnit(0.95)).toEqual({ unit: 'GH/s', divisor: 1e-3 });
    expect(hashrateAxisUnit(0.00048)).toEqual({ unit: 'MH/s', divisor: 1e-6 });
    expect(hashrateAxisUnit(null)).toEqual({ unit: 'TH/s', divisor: 1 });
    expect(hashrateAxisUnit(0)).toEqual({ unit: 'TH/s', divisor: 1 });
  });

  it('writes power in W below 10 kW like the rest of the screens, then kW and MW', () => {
    expect(powerAxisUnit(3_250)).toEqual({ unit: 'W', divisor: 1 });
    expect(powerAxisUnit(12_000)).toEqual({ unit: 'kW', divisor: 1e3 });
    expect(powerAxisUnit(2_400_000)).toEqual({ unit: 'MW', divisor: 1e6 });
    expect(powerAxisUnit(null)).toEqual({ unit: 'W', divisor: 1 });
  });

  it('formats tick values in the axis unit with at most two decimals', () => {
    expect(formatAxisValue(0.00048, { unit: 'MH/s', divisor: 1e-6 })).toBe('480 MH/s');
    expect(formatAxisValue(0.5, { unit: 'GH/s', divisor: 1e-3 })).toBe('500 GH/s');
    expect(formatAxisValue(12_345, { unit: 'kW', divisor: 1e3 })).toBe('12.35 kW');
    expect(formatAxisValue(3_000, { unit: 'W', divisor: 1 })).toBe('3,000 W');
    expect(formatAxisValue(71.5, { unit: '°C', divisor: 1 })).toBe('71.5 °C');
  });
});

describe('history reply', () => {
  it('accepts a history and refuses what is not one', () => {
    const reply = { rigId: 1, range: '1h', fromMs: 0, toMs: 3_600_000, widthMs: MIN, points: [] };
    expect(parseHistoryReply(reply)).toBe(reply);
    expect(parseHistoryReply({ ok: false, error: 'no rig with id 9' })).toBeNull();
    expect(parseHistoryReply({ ...reply, widthMs: 'x' })).toBeNull();
    expect(parseHistoryReply(null)).toBeNull();
  });
});
