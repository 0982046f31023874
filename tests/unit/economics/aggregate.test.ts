/** Site and fleet figures are sums, then ratios of the sums; currencies are converted through the BTC price. */
import { describe, expect, it } from 'vitest';
import { aggregateEconomics, convertFigures, rigEconomics } from '../../../lib/economics';
import { EXAMPLE_MARKET, EXAMPLE_RIG } from './fixtures';

const s21 = rigEconomics(EXAMPLE_MARKET, EXAMPLE_RIG);
// An old S19 (34.2 J/TH) with nameplate-estimated power, at a pricier hour.
const s19 = rigEconomics(EXAMPLE_MARKET, {
  ...EXAMPLE_RIG,
  hashrateThs: 95,
  powerW: 3250,
  powerEstimated: true,
  pricePerKwh: 0.08,
  dayAvgPricePerKwh: 0.08,
});

describe('aggregateEconomics', () => {
  const site = aggregateEconomics([s21, s19], 'USD');

  it('sums hash rate, power, energy, BTC, revenue, cost and profit', () => {
    expect(site.hashrateThs).toBe(295);
    expect(site.powerW).toBe(6750);
    expect(site.kwhPerDay).toBe(84 + 78);
    expect(site.btcPerDay).toBe(s21.btcPerDay + s19.btcPerDay);
    expect(site.revenuePerDay).toBe(s21.revenuePerDay + s19.revenuePerDay);
    expect(site.costPerDay).toBeCloseTo(4.2 + 78 * 0.08, 12);
    expect(site.profitPerDay).toBe(s21.profitPerDay + s19.profitPerDay);
  });

  it('takes ratios of the sums, not averages of the rigs ratios', () => {
    // A flat price: now and per day agree, so profit per kWh now is the day's profit over its energy.
    expect(site.profitPerKwh).toBeCloseTo(site.profitPerDay / site.kwhPerDay, 15);
    expect(site.breakevenPricePerKwh).toBe(site.revenuePerDay / site.kwhPerDay);
    expect(site.breakevenBtcPrice).toBe(site.costPerDay / site.btcPerDay);
    const meanOfRatios = (s21.profitPerKwh! + s19.profitPerKwh!) / 2;
    expect(Math.abs(site.profitPerKwh! - meanOfRatios)).toBeGreaterThan(1e-4);
  });

  it('weights the price by energy and the estimated share by power; hashprice stays the market one', () => {
    expect(site.pricePerKwh).toBeCloseTo((84 * 0.05 + 78 * 0.08) / 162, 12);
    expect(site.powerEstimatedShare).toBeCloseTo(3250 / 6750, 12);
    expect(site.hashpricePerThDay).toBeCloseTo(s21.hashpricePerThDay, 12);
  });

  it('the aggregate of one part is that part', () => {
    expect(aggregateEconomics([s19], 'USD')).toEqual(s19);
  });

  it('keeps a null price null and ignores it in the energy-weighted mean', () => {
    const noTariff = { ...s19, pricePerKwh: null };
    expect(aggregateEconomics([noTariff], 'USD').pricePerKwh).toBeNull();
    expect(aggregateEconomics([s21, noTariff], 'USD').pricePerKwh).toBe(0.05);
  });

  it('refuses to add figures in another currency', () => {
    expect(() => aggregateEconomics([s21, { ...s19, currency: 'EUR' }], 'USD')).toThrow(
      'cannot add EUR figures to a USD total: convert them first',
    );
  });
});

describe('convertFigures', () => {
  // A CAD site: BTC at 126,000 CAD and 90,000 USD, so 1 CAD = 90,000 / 126,000 USD.
  const cadMarket = { ...EXAMPLE_MARKET, btcPrice: 126_000, currency: 'CAD' };
  const cad = rigEconomics(cadMarket, { ...EXAMPLE_RIG, pricePerKwh: 0.07, dayAvgPricePerKwh: 0.07 });
  const usd = convertFigures(cad, 90_000 / 126_000, 'USD');

  it('scales money, keeps BTC, energy and hash rate', () => {
    expect(usd.currency).toBe('USD');
    expect(usd.btcPerDay).toBe(cad.btcPerDay);
    expect(usd.kwhPerDay).toBe(cad.kwhPerDay);
    expect(usd.hashrateThs).toBe(cad.hashrateThs);
    expect(usd.revenuePerDay).toBeCloseTo(s21.revenuePerDay, 10);
    expect(usd.hashpricePerThDay).toBeCloseTo(s21.hashpricePerThDay, 12);
    expect(usd.pricePerKwh).toBeCloseTo(0.05, 12);
    expect(usd.costPerDay).toBeCloseTo(4.2, 10);
    expect(usd.breakevenPricePerKwh).toBeCloseTo(s21.breakevenPricePerKwh!, 12);
    expect(usd.breakevenBtcPrice).toBeCloseTo(s21.breakevenBtcPrice!, 6);
  });

  it('keeps nulls null', () => {
    const dark = rigEconomics(cadMarket, { ...EXAMPLE_RIG, powerW: null });
    const converted = convertFigures({ ...dark, pricePerKwh: null }, 0.7, 'USD');
    expect(converted.revenuePerKwh).toBeNull();
    expect(converted.breakevenBtcPrice).toBeNull();
    expect(converted.pricePerKwh).toBeNull();
  });

  it('a fleet in USD is the sum of its sites converted, then ratios of the sums', () => {
    const fleet = aggregateEconomics([s21, usd], 'USD');
    expect(fleet.revenuePerDay).toBeCloseTo(2 * s21.revenuePerDay, 10);
    expect(fleet.breakevenPricePerKwh).toBeCloseTo(s21.breakevenPricePerKwh!, 12);
  });

  it.each([0, -1, Number.NaN])('refuses the rate %s', (rate) => {
    expect(() => convertFigures(cad, rate, 'USD')).toThrow(/conversion rate must be > 0/);
  });
});
