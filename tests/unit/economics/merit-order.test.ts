/** Curtailment ranking: least efficient (lowest breakeven) first, cumulative MW, what to shed at a price. */
import { describe, expect, it } from 'vitest';
import { meritOrder } from '../../../lib/economics';

const RIGS = [
  { rigId: 1, name: 'S21-a', powerW: 3500, breakevenPricePerKwh: 0.09 },
  { rigId: 2, name: 'S19-a', powerW: 3250, breakevenPricePerKwh: 0.045 },
  { rigId: 3, name: 'dark', powerW: 0, breakevenPricePerKwh: null },
  { rigId: 4, name: 'M30S', powerW: 3344, breakevenPricePerKwh: 0.04 },
  { rigId: 5, name: 'S19-b', powerW: 3250, breakevenPricePerKwh: 0.045 },
];

describe('meritOrder', () => {
  it('ranks by breakeven ascending, ties by rig id, rigs without a breakeven last', () => {
    const order = meritOrder(RIGS, 0.05);
    expect(order.rigs.map((r) => r.rigId)).toEqual([4, 2, 5, 1, 3]);
    expect(order.rigs.map((r) => r.cumulativeMw)).toEqual([0.003344, 0.006594, 0.009844, 0.013344, 0.013344]);
    expect(order.totalMw).toBeCloseTo(0.013344, 12);
  });

  it('curtails the rigs whose breakeven is below the price', () => {
    const order = meritOrder(RIGS, 0.05);
    expect(order.rigs.filter((r) => r.curtail).map((r) => r.name)).toEqual(['M30S', 'S19-a', 'S19-b']);
    expect(order.curtailMw).toBeCloseTo(0.009844, 12);
  });

  it('curtails nothing at or below the lowest breakeven, and never a rig without one', () => {
    expect(meritOrder(RIGS, 0.04).curtailMw).toBe(0);
    expect(meritOrder(RIGS, Number.NEGATIVE_INFINITY).curtailMw).toBe(0);
    const all = meritOrder(RIGS, 10);
    expect(all.rigs.find((r) => r.rigId === 3)?.curtail).toBe(false);
    expect(all.curtailMw).toBeCloseTo(0.013344, 12);
  });

  it('does not reorder its input and keeps extra fields', () => {
    const input = RIGS.map((r) => ({ ...r, site: 'TX' }));
    const order = meritOrder(input, 0.05);
    expect(input.map((r) => r.rigId)).toEqual([1, 2, 3, 4, 5]);
    expect(order.rigs[0].site).toBe('TX');
    expect(meritOrder([], 0.05)).toEqual({ rigs: [], curtailMw: 0, totalMw: 0 });
  });
});
