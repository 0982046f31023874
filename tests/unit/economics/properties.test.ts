/**
 * Properties of the engine over random markets and rigs (fast-check): profit falls as the tariff rises,
 * per-kWh figures do not depend on the rig's size, aggregates are the sums, and no input in range ever
 * yields Infinity or NaN.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateEconomics,
  convertFigures,
  rigEconomics,
  type EconomicsFigures,
  type MarketInputs,
  type RigEconomicsInput,
} from '../../../lib/economics';

const market: fc.Arbitrary<MarketInputs> = fc.record({
  // Real difficulty has been above 1e10 since 2014; far smaller ones make revenue so large that a price
  // step vanishes below its floating-point resolution, which is no property of the engine.
  difficulty: fc.double({ min: 1e10, max: 1e16, noNaN: true }),
  subsidySats: fc.integer({ min: 0, max: 5_000_000_000 }),
  feesPerBlockSats: fc.integer({ min: 0, max: 100_000_000 }),
  btcPrice: fc.double({ min: 0, max: 1e7, noNaN: true }),
  currency: fc.constant('USD'),
});

/** Prices per kWh in steps of a thousandth of a cent, 0 to 10. */
const price = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1e5);

const rig: fc.Arbitrary<RigEconomicsInput> = fc.record({
  hashrateThs: fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 2000, noNaN: true })),
  powerW: fc.oneof(fc.constant(null), fc.constant(0), fc.double({ min: 1, max: 20_000, noNaN: true })),
  powerEstimated: fc.boolean(),
  poolFeeFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  pue: fc.double({ min: 1, max: 3, noNaN: true }),
  pricePerKwh: price,
  dayAvgPricePerKwh: price,
});

/** A rig that hashes and draws power, so every figure is defined. */
const workingRig = rig.map((r) => ({ ...r, hashrateThs: Math.max(r.hashrateThs, 1), powerW: Math.max(r.powerW ?? 0, 100) }));

function close(a: number | null, b: number | null, rel = 1e-9): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

const SUMS = ['hashrateThs', 'powerW', 'kwhPerDay', 'btcPerDay', 'revenuePerDay', 'costPerDay', 'profitPerDay'] as const;

describe('economics properties', () => {
  it('profit per day and per kWh fall as the tariff rises', () => {
    fc.assert(
      fc.property(market, workingRig, price, price, (m, r, a, b) => {
        fc.pre(a !== b);
        const [low, high] = a < b ? [a, b] : [b, a];
        const cheap = rigEconomics(m, { ...r, pricePerKwh: low, dayAvgPricePerKwh: low });
        const dear = rigEconomics(m, { ...r, pricePerKwh: high, dayAvgPricePerKwh: high });
        expect(dear.profitPerDay).toBeLessThan(cheap.profitPerDay);
        expect(dear.profitPerKwh!).toBeLessThan(cheap.profitPerKwh!);
        expect(dear.breakevenPricePerKwh).toBe(cheap.breakevenPricePerKwh);
      }),
    );
  });

  it('profit per kWh now is breakeven minus the price now, so losing money is exactly price now > breakeven', () => {
    fc.assert(
      fc.property(market, workingRig, (m, r) => {
        const f = rigEconomics(m, r);
        if (f.breakevenPricePerKwh === null) return;
        expect(f.profitPerKwh).toBe(f.breakevenPricePerKwh - r.pricePerKwh);
        expect(f.profitPerKwh! < 0).toBe(r.pricePerKwh > f.breakevenPricePerKwh);
        // The day's mean price moves the per-day figures only.
        const other = rigEconomics(m, { ...r, dayAvgPricePerKwh: r.dayAvgPricePerKwh + 0.5 });
        expect(other.profitPerKwh).toBe(f.profitPerKwh);
        expect(other.profitPerDay).toBeLessThan(f.profitPerDay);
      }),
    );
  });

  it('doubling hash rate and power leaves every per-kWh figure and both breakevens unchanged', () => {
    fc.assert(
      fc.property(market, rig, (m, r) => {
        const one = rigEconomics(m, r);
        const two = rigEconomics(m, { ...r, hashrateThs: 2 * r.hashrateThs, powerW: r.powerW === null ? null : 2 * r.powerW });
        for (const key of ['revenuePerKwh', 'profitPerKwh', 'breakevenPricePerKwh', 'breakevenBtcPrice', 'hashpricePerThDay'] as const) {
          expect(close(two[key], one[key]), key).toBe(true);
        }
        expect(close(two.profitPerDay, 2 * one.profitPerDay)).toBe(true);
      }),
    );
  });

  it('aggregates equal the sums, and their ratios are ratios of the sums', () => {
    fc.assert(
      fc.property(market, fc.array(rig, { minLength: 1, maxLength: 12 }), (m, rigs) => {
        const parts = rigs.map((r) => rigEconomics(m, r));
        const total = aggregateEconomics(parts, 'USD');
        for (const key of SUMS)
          expect(
            close(
              total[key],
              parts.reduce((s, p) => s + p[key], 0),
            ),
            key,
          ).toBe(true);
        const defined = total.kwhPerDay > 0 && total.hashrateThs > 0;
        // Profit per kWh is now: breakeven minus the energy-weighted price in force now.
        const costNow = parts.reduce((sum, p) => sum + p.kwhPerDay * (p.pricePerKwh ?? 0), 0);
        expect(close(total.profitPerKwh, defined ? (total.revenuePerDay - costNow) / total.kwhPerDay : null)).toBe(true);
        expect(total.breakevenPricePerKwh).toBe(defined ? total.revenuePerDay / total.kwhPerDay : null);
      }),
    );
  });

  it('converting then adding is adding then converting', () => {
    fc.assert(
      fc.property(
        market,
        fc.array(rig, { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        (m, rigs, rate) => {
          const parts = rigs.map((r) => rigEconomics(m, r));
          const a = aggregateEconomics(
            parts.map((p) => convertFigures(p, rate, 'EUR')),
            'EUR',
          );
          const b = convertFigures(aggregateEconomics(parts, 'USD'), rate, 'EUR');
          for (const key of Object.keys(a) as (keyof EconomicsFigures)[]) {
            if (key === 'currency') continue;
            expect(close(a[key] as number | null, b[key] as number | null, 1e-8), key).toBe(true);
          }
        },
      ),
    );
  });

  it('never yields Infinity or NaN, for a rig or a total', () => {
    fc.assert(
      fc.property(market, fc.array(rig, { maxLength: 6 }), (m, rigs) => {
        const parts = rigs.map((r) => rigEconomics(m, r));
        for (const f of [...parts, aggregateEconomics(parts, 'USD')]) {
          for (const [key, v] of Object.entries(f)) if (typeof v === 'number') expect(Number.isFinite(v), key).toBe(true);
        }
      }),
    );
  });
});
