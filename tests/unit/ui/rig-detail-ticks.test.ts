/** Time axis ticks of the rig charts: a step that fits, round local times, labels for the step. */
import { describe, expect, it } from 'vitest';
import { DAY_MS, timeTickLabel, timeTicks } from '../../../app/components/rig-detail/time-ticks';

const MIN = 60_000;
const HOUR = 60 * MIN;
// Monday, April 3, 2028, 12:03 UTC.
const START = Date.UTC(2028, 3, 3, 12, 3);

function labels(minMs: number, maxMs: number, maxTicks: number): string[] {
  const t = timeTicks(minMs, maxMs, maxTicks, 0);
  return t.values.map((v) => timeTickLabel(v, t, 'UTC'));
}

describe('time ticks', () => {
  it('puts an hour on whole 10 minutes when eight labels fit', () => {
    const t = timeTicks(START, START + HOUR, 8, 0);
    expect(t.step).toBe(10 * MIN);
    expect(t.values).toEqual([10, 20, 30, 40, 50, 60].map((m) => Date.UTC(2028, 3, 3, 12, m)));
    expect(labels(START, START + HOUR, 8)).toEqual(['12:10', '12:20', '12:30', '12:40', '12:50', '13:00']);
  });

  it("rounds in the viewer's zone, not UTC (Nepal is 5 h 45 min ahead)", () => {
    const t = timeTicks(START, START + HOUR, 8, (5 * 60 + 45) * MIN);
    // Local 17:48 to 18:48: ticks at local 17:50 ... 18:40.
    expect(t.values).toEqual([5, 15, 25, 35, 45, 55].map((m) => Date.UTC(2028, 3, 3, 12, m)));
    expect(t.values.map((v) => timeTickLabel(v, t, 'Asia/Kathmandu'))).toEqual(['17:50', '18:00', '18:10', '18:20', '18:30', '18:40']);
  });

  it('gives a phone fewer, coarser ticks than a TV', () => {
    expect(timeTicks(START, START + HOUR, 3, 0).step).toBe(30 * MIN);
    expect(timeTicks(START, START + HOUR, 20, 0).step).toBe(5 * MIN);
  });

  it('labels 24 h every 3 h, with the date where the day changes', () => {
    expect(labels(START, START + DAY_MS, 8)).toEqual(['15:00', '18:00', '21:00', 'Apr 4', '03:00', '06:00', '09:00', '12:00']);
  });

  it('labels a week by day', () => {
    const t = timeTicks(START, START + 7 * DAY_MS, 10, 0);
    expect(t.step).toBe(DAY_MS);
    expect(labels(START, START + 7 * DAY_MS, 10)).toEqual(['Apr 4', 'Apr 5', 'Apr 6', 'Apr 7', 'Apr 8', 'Apr 9', 'Apr 10']);
  });

  it('steps by whole weeks from a Monday when days do not fit', () => {
    const t = timeTicks(START, START + 30 * DAY_MS, 4, 0);
    expect(t.step).toBe(14 * DAY_MS);
    expect(t.values).toEqual([Date.UTC(2028, 3, 10), Date.UTC(2028, 3, 24)]);
    expect(labels(START, START + 30 * DAY_MS, 4)).toEqual(['Apr 10', 'Apr 24']);
  });

  it('labels a year by calendar month, with the year at January (2028 is a leap year: Apr 1, 2029 is in range)', () => {
    const t = timeTicks(START, START + 365 * DAY_MS, 6, 0);
    expect(t).toMatchObject({ monthly: true, step: 2 });
    expect(t.values).toEqual([
      Date.UTC(2028, 4, 1),
      Date.UTC(2028, 6, 1),
      Date.UTC(2028, 8, 1),
      Date.UTC(2028, 10, 1),
      Date.UTC(2029, 0, 1),
      Date.UTC(2029, 2, 1),
    ]);
    expect(labels(START, START + 365 * DAY_MS, 6)).toEqual(['May', 'Jul', 'Sep', 'Nov', 'Jan 2029', 'Mar']);
    expect(labels(START, START + 365 * DAY_MS, 12)).toEqual([
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
      'Jan 2029',
      'Feb',
      'Mar',
      'Apr',
    ]);
  });

  it('includes a tick exactly at the start of the range', () => {
    const t = timeTicks(Date.UTC(2028, 3, 3, 12, 0), Date.UTC(2028, 3, 3, 13, 0), 8, 0);
    expect(t.values[0]).toBe(Date.UTC(2028, 3, 3, 12, 0));
    expect(t.values).toHaveLength(7);
  });
});
