/**
 * The engine against economics.md's worked example, to the table's 5 significant figures. The expected
 * numbers are the table's literals, not values computed by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { blocksPerDay, HASHES_PER_DIFFICULTY, hashpriceBtcPerThDay, hashpricePerThDay, rigEconomics } from '../../../lib/economics';
import { EXAMPLE_MARKET, EXAMPLE_RIG, sig5 } from './fixtures';

describe('the worked example (200 TH/s, 3,500 W, D = 1.48e14, 90,000 USD, 2 % fee, 0.05 USD/kWh)', () => {
  const f = rigEconomics(EXAMPLE_MARKET, EXAMPLE_RIG);

  it('expected hashes per block and blocks per day', () => {
    expect(sig5(EXAMPLE_MARKET.difficulty * HASHES_PER_DIFFICULTY)).toBe(6.3566e23);
    expect(sig5(blocksPerDay(200, 1.48e14))).toBe(2.7185e-5);
  });

  it('gross BTC per day before the pool fee is 8,593 sats', () => {
    const gross = rigEconomics(EXAMPLE_MARKET, { ...EXAMPLE_RIG, poolFeeFraction: 0 });
    expect(sig5(gross.btcPerDay)).toBe(8.593e-5);
    expect(Math.round(gross.btcPerDay * 1e8)).toBe(8593);
  });

  it.each([
    ['btcPerDay (net of 2 %)', () => f.btcPerDay, 8.4212e-5],
    ['revenuePerDay', () => f.revenuePerDay, 7.5791],
    ['kwhPerDay', () => f.kwhPerDay, 84.0],
    ['costPerDay', () => f.costPerDay, 4.2],
    ['profitPerDay', () => f.profitPerDay, 3.3791],
    ['profitPerKwh', () => f.profitPerKwh, 0.040227],
    ['breakevenPricePerKwh', () => f.breakevenPricePerKwh, 0.090227],
    ['breakevenBtcPrice', () => f.breakevenBtcPrice, 49874],
    ['hashpricePerThDay', () => f.hashpricePerThDay, 0.038669],
  ] as const)('%s matches the table', (_name, get, expected) => {
    expect(sig5(get())).toBe(expected);
  });

  it('revenue per kWh equals the breakeven, and hashprice is 38.669 USD per PH/s per day', () => {
    expect(f.revenuePerKwh).toBe(f.breakevenPricePerKwh);
    expect(sig5(hashpricePerThDay(EXAMPLE_MARKET) * 1000)).toBe(38.669);
    expect(sig5(hashpriceBtcPerThDay(EXAMPLE_MARKET) * 90_000)).toBe(0.038669);
  });

  it('the breakeven agrees with the J/TH form of formula 11', () => {
    const jPerTh = 3500 / 200;
    expect(sig5((f.hashpricePerThDay * (1 - 0.02)) / (jPerTh * 1 * 0.024))).toBe(0.090227);
  });

  it('passes the rig facts through: currency, price now, measured power', () => {
    expect(f).toMatchObject({ currency: 'USD', hashrateThs: 200, powerW: 3500, pricePerKwh: 0.05, powerEstimatedShare: 0 });
  });

  it('charges the 24 h mean price (time of use), not the price now', () => {
    const tou = rigEconomics(EXAMPLE_MARKET, { ...EXAMPLE_RIG, pricePerKwh: 0.11, dayAvgPricePerKwh: 0.05 });
    expect(sig5(tou.costPerDay)).toBe(4.2);
    expect(tou.pricePerKwh).toBe(0.11);
  });

  it('a PUE of 1.2 adds 20 % to energy and cost and lowers the breakeven by the same factor', () => {
    const g = rigEconomics(EXAMPLE_MARKET, { ...EXAMPLE_RIG, pue: 1.2 });
    expect(sig5(g.kwhPerDay)).toBe(100.8);
    expect(sig5(g.costPerDay)).toBe(5.04);
    expect(g.breakevenPricePerKwh).toBeCloseTo(f.breakevenPricePerKwh! / 1.2, 12);
  });
});
