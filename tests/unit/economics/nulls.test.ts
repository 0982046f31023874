/** A rig with no hash rate or no energy gets null ratios, never Infinity or NaN, and still counts in sums. */
import { describe, expect, it } from 'vitest';
import { aggregateEconomics, rigEconomics, type EconomicsFigures } from '../../../lib/economics';
import { EXAMPLE_MARKET, EXAMPLE_RIG } from './fixtures';

function allFinite(f: EconomicsFigures): boolean {
  return Object.values(f).every((v) => typeof v !== 'number' || Number.isFinite(v));
}

const RATIOS = ['revenuePerKwh', 'profitPerKwh', 'breakevenPricePerKwh', 'breakevenBtcPrice'] as const;

describe('null rules', () => {
  it.each([
    ['0 W', { powerW: 0 }],
    ['unknown power', { powerW: null }],
    ['0 TH/s at 0 W', { hashrateThs: 0, powerW: 0 }],
  ])('a rig at %s has null per-kWh figures and breakevens, no energy and no cost', (_label, patch) => {
    const f = rigEconomics(EXAMPLE_MARKET, { ...EXAMPLE_RIG, ...patch });
    for (const key of RATIOS) expect(f[key]).toBeNull();
    expect(f.kwhPerDay).toBe(0);
    expect(f.costPerDay).toBe(0);
    expect(f.powerW).toBe(0);
    expect(allFinite(f)).toBe(true);
  });

  it('a rig at 0 TH/s drawing 3,500 W earns nothing, pays for its energy, and has no strike price', () => {
    const f = rigEconomics(EXAMPLE_MARKET, { ...EXAMPLE_RIG, hashrateThs: 0 });
    expect(f.btcPerDay).toBe(0);
    expect(f.revenuePerDay).toBe(0);
    expect(f.kwhPerDay).toBe(84);
    expect(f.costPerDay).toBeCloseTo(4.2, 12);
    expect(f.profitPerDay).toBeCloseTo(-4.2, 12);
    for (const key of RATIOS) expect(f[key]).toBeNull();
    expect(f.hashpricePerThDay).toBeGreaterThan(0);
  });

  it('a 100 % pool fee earns no BTC: the BTC breakeven is null, the power breakeven 0', () => {
    const f = rigEconomics(EXAMPLE_MARKET, { ...EXAMPLE_RIG, poolFeeFraction: 1 });
    expect(f.btcPerDay).toBe(0);
    expect(f.breakevenBtcPrice).toBeNull();
    expect(f.breakevenPricePerKwh).toBe(0);
  });

  it('a BTC price of 0 gives a real BTC breakeven and a 0 power breakeven', () => {
    const f = rigEconomics({ ...EXAMPLE_MARKET, btcPrice: 0 }, EXAMPLE_RIG);
    expect(f.revenuePerDay).toBe(0);
    expect(f.breakevenPricePerKwh).toBe(0);
    expect(Math.round(f.breakevenBtcPrice!)).toBe(49_874);
  });

  it('an aggregate with no energy or no hash rate follows the same rules', () => {
    const idle = rigEconomics(EXAMPLE_MARKET, { ...EXAMPLE_RIG, hashrateThs: 0 });
    const dark = rigEconomics(EXAMPLE_MARKET, { ...EXAMPLE_RIG, powerW: null });
    for (const parts of [[idle], [dark], [idle, idle], []]) {
      const total = aggregateEconomics(parts, 'USD');
      for (const key of RATIOS) expect(total[key]).toBeNull();
      expect(allFinite(total)).toBe(true);
    }
  });

  it.each([
    ['difficulty 0', { ...EXAMPLE_MARKET, difficulty: 0 }, EXAMPLE_RIG, 'difficulty must be > 0 (got 0)'],
    ['negative hash rate', EXAMPLE_MARKET, { ...EXAMPLE_RIG, hashrateThs: -1 }, 'hashrateThs must be >= 0 (got -1)'],
    ['NaN power', EXAMPLE_MARKET, { ...EXAMPLE_RIG, powerW: Number.NaN }, 'powerW must be >= 0 or null (got NaN)'],
    ['a pool fee of 150 %', EXAMPLE_MARKET, { ...EXAMPLE_RIG, poolFeeFraction: 1.5 }, 'poolFeeFraction must be 0..1 (got 1.5)'],
    ['a PUE of 0', EXAMPLE_MARKET, { ...EXAMPLE_RIG, pue: 0 }, 'pue must be > 0 (got 0)'],
  ])('refuses %s with a RangeError naming the field', (_label, market, rig, message) => {
    expect(() => rigEconomics(market, rig)).toThrow(new RangeError(message));
  });
});
