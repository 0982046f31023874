import { describe, expect, it } from 'vitest';
import {
  formatBtc,
  formatChangePercent,
  formatCountdown,
  formatDate,
  formatDifficulty,
  formatHashprice,
  formatHashpricePerTh,
  formatMoney,
  formatMoneyWhole,
  formatPricePerKwh,
  pricePerKwhParts,
} from '../../../lib/format/money';

describe('formatMoney', () => {
  it.each([
    [7.5791, 'USD', '$7.58'],
    [7.5791, 'CAD', 'CA$7.58'],
    [7.5791, 'EUR', '€7.58'],
    [758.2, 'JPY', '¥758'],
    [7.5791, 'GBP', '£7.58'],
    [1234.5, 'USD', '$1,234.50'],
    [-3.3791, 'USD', '-$3.38'],
    // Rounds to zero: no "-$0.00".
    [-0.001, 'USD', '$0.00'],
    [null, 'USD', '—'],
    [undefined, 'USD', '—'],
    [Number.NaN, 'USD', '—'],
    [Number.POSITIVE_INFINITY, 'USD', '—'],
  ])('formats %s %s as %s', (amount, currency, expected) => {
    expect(formatMoney(amount, currency)).toBe(expected);
  });

  it('falls back to the code when the currency is malformed', () => {
    expect(formatMoney(7.5, 'dollars')).toBe('7.50 dollars');
  });
});

describe('formatMoneyWhole', () => {
  it.each([
    [90123.45, 'USD', '$90,123'],
    [126000, 'CAD', 'CA$126,000'],
    [13_500_000.4, 'JPY', '¥13,500,000'],
    [null, 'USD', '—'],
  ])('formats %s %s as %s', (amount, currency, expected) => {
    expect(formatMoneyWhole(amount, currency)).toBe(expected);
  });
});

describe('formatPricePerKwh', () => {
  it.each([
    [0.040227, 'USD', '$0.0402/kWh'],
    [0.055, 'CAD', 'CA$0.0550/kWh'],
    [0.090227, 'EUR', '€0.0902/kWh'],
    [-0.0123, 'USD', '-$0.0123/kWh'],
    // Yen have no minor unit: two decimals, not four.
    [25.5, 'JPY', '¥25.50/kWh'],
    [null, 'USD', '—'],
  ])('formats %s %s as %s', (v, currency, expected) => {
    expect(formatPricePerKwh(v, currency)).toBe(expected);
  });
});

describe('formatBtc', () => {
  it.each([
    [0.00008593, '0.00008593 BTC'],
    [3.125, '3.125 BTC'],
    [0.036, '0.036 BTC'],
    [1, '1.00 BTC'],
    [0.123456789, '0.12345679 BTC'],
    [null, '—'],
  ])('formats %s as %s', (btc, expected) => {
    expect(formatBtc(btc)).toBe(expected);
  });
});

describe('formatDifficulty', () => {
  it.each([
    [1.48e14, '148.0 T'],
    [126_271_255_279_236, '126.3 T'],
    [9.9996e14, '1.0 P'],
    [1.2e18, '1.2 E'],
    [53_911_173, '53.9 M'],
    [1, '1'],
    [null, '—'],
  ])('formats %s as %s', (d, expected) => {
    expect(formatDifficulty(d)).toBe(expected);
  });
});

describe('hashprice', () => {
  it('quotes per PH/s per day, as miners do', () => {
    expect(formatHashprice(0.038669, 'USD')).toBe('$38.67/PH/s/day');
    expect(formatHashprice(0.052, 'CAD')).toBe('CA$52.00/PH/s/day');
    expect(formatHashprice(null, 'USD')).toBe('—');
  });

  it('also per TH/s per day', () => {
    expect(formatHashpricePerTh(0.038669, 'USD')).toBe('$0.0387/TH/s/day');
    expect(formatHashpricePerTh(undefined, 'USD')).toBe('—');
  });
});

describe('formatChangePercent', () => {
  it.each([
    [2.3412, '+2.34%'],
    [-0.512, '-0.51%'],
    [0, '0.00%'],
    [0.001, '0.00%'],
    [null, '—'],
  ])('formats %s as %s', (pct, expected) => {
    expect(formatChangePercent(pct)).toBe(expected);
  });
});

describe('formatCountdown', () => {
  const MIN = 60_000;
  const H = 60 * MIN;
  const D = 24 * H;
  it.each([
    [12 * D + 4 * H + 59 * MIN, '12 d 4 h'],
    [1234 * D, '1,234 d 0 h'],
    [4 * H + 12 * MIN + 30_000, '4 h 12 min'],
    [12 * MIN + 59_000, '12 min'],
    [0, '0 min'],
    [-5 * MIN, '0 min'],
    [null, '—'],
  ])('formats %s ms as %s', (ms, expected) => {
    expect(formatCountdown(ms)).toBe(expected);
  });
});

describe('formatDate', () => {
  it('formats an epoch in the given zone', () => {
    expect(formatDate(Date.UTC(2028, 3, 3, 12), 'UTC')).toBe('Apr 3, 2028');
    // 02:00 UTC is still the previous day in Toronto.
    expect(formatDate(Date.UTC(2028, 3, 3, 2), 'America/Toronto')).toBe('Apr 2, 2028');
    expect(formatDate(null)).toBe('—');
  });
});

describe('pricePerKwhParts', () => {
  it('splits the number from the unit for KPI tiles', () => {
    expect(pricePerKwhParts(0.040227, 'USD')).toEqual({ value: '$0.0402', unit: '/kWh' });
    expect(pricePerKwhParts(null, 'USD')).toEqual({ value: '—', unit: '' });
  });
});
