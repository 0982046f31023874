/**
 * The two bases of economics.md "Now, per day, and realized", against hand-computed values: profit per
 * kWh now = breakeven - the price in force now; per day at today's tariff = the next 24 h of the tariff,
 * time of use integrated hour by hour (a window that starts mid-hour, across both DST changes of 2026 in
 * America/Chicago), a real-time feed held at the price in force now, and the stale/fallback rule.
 */
import { describe, expect, it } from 'vitest';
import {
  currentPrice,
  parseTariff,
  priceInForce,
  rigEconomics,
  tariffWarnings,
  type RealtimeTariff,
  type Tariff,
  type TouTariff,
} from '../../../lib/economics';
import { sweepEconomics } from '../../../lib/economics/fleet-economics';
import { formatPricePerKwh, shownProfitPerKwh } from '../../../lib/format/money';
import { EXAMPLE_MARKET, EXAMPLE_RIG, sig5 } from './fixtures';

const TZ = 'America/Chicago';
const [A, B, C, D] = [0.01, 0.02, 0.03, 0.1];

function tariff(input: unknown): Tariff {
  const parsed = parseTariff(input);
  if (!parsed.ok) throw new Error(parsed.error.join('; '));
  return parsed.value;
}

// Sunday priced by the hour around the DST changes (01:00-02:00 happens twice in autumn, 02:00-03:00 never in spring).
const SUNDAY = tariff({
  kind: 'tou',
  bands: [
    { days: ['sun'], fromHour: 0, toHour: 2, pricePerKwh: A },
    { days: ['sun'], fromHour: 2, toHour: 3, pricePerKwh: B },
    { days: ['sun'], fromHour: 3, toHour: 24, pricePerKwh: C },
    { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], fromHour: 0, toHour: 24, pricePerKwh: D },
  ],
}) as TouTariff;

describe('now: profit per kWh = breakeven - price in force now', () => {
  it('the worked example on a time-of-use tariff: 0.11 now, 0.05 over the day', () => {
    const f = rigEconomics(EXAMPLE_MARKET, { ...EXAMPLE_RIG, pricePerKwh: 0.11, dayAvgPricePerKwh: 0.05 });
    expect(sig5(f.breakevenPricePerKwh)).toBe(0.090227);
    // 0.090227 - 0.11: losing money now, although the day as a whole pays.
    expect(sig5(f.profitPerKwh)).toBe(-0.019773);
    expect(sig5(f.costPerDay)).toBe(4.2); // 84 kWh x 0.05
    expect(sig5(f.profitPerDay)).toBe(3.3791);
  });

  it('a negative real-time price adds to the margin', () => {
    const f = rigEconomics(EXAMPLE_MARKET, { ...EXAMPLE_RIG, pricePerKwh: -0.01, dayAvgPricePerKwh: -0.01 });
    expect(sig5(f.profitPerKwh)).toBe(0.10023);
  });

  it.each([
    // breakeven, price now, shown breakeven, shown price, shown profit (the 0.0860 / 0.0420 example)
    [0.08604, 0.04196, '$0.0860/kWh', '$0.0420/kWh', '$0.0440/kWh'],
    [0.0572, 0.042, '$0.0572/kWh', '$0.0420/kWh', '$0.0152/kWh'],
    [0.04194, 0.04206, '$0.0419/kWh', '$0.0421/kWh', '-$0.0002/kWh'],
  ])('breakeven %s and price %s add up on screen', (breakeven, price, be, p, profit) => {
    const e = { breakevenPricePerKwh: breakeven, pricePerKwh: price, profitPerKwh: breakeven - price, currency: 'USD' };
    expect(formatPricePerKwh(breakeven, 'USD')).toBe(be);
    expect(formatPricePerKwh(price, 'USD')).toBe(p);
    expect(formatPricePerKwh(shownProfitPerKwh(e), 'USD')).toBe(profit);
  });

  it('rounding never shows a losing rig as profitable, nor the reverse', () => {
    const e = { breakevenPricePerKwh: 0.04204, pricePerKwh: 0.04206, profitPerKwh: -0.00002, currency: 'USD' };
    expect(shownProfitPerKwh(e)).toBeLessThanOrEqual(0);
    expect(shownProfitPerKwh({ ...e, pricePerKwh: 0.04202, profitPerKwh: 0.00002 })).toBeGreaterThanOrEqual(0);
  });
});

describe("per day at today's tariff: time of use integrated hour by hour", () => {
  it('autumn: from Sat 23:30 CDT, half an hour of Saturday, 01:00 three times, 19.5 h of Sunday afternoon rate', () => {
    const start = Date.UTC(2026, 9, 31, 4 + 24, 30); // Sat 31 Oct 23:30 CDT = Sun 1 Nov 04:30 UTC
    const p = currentPrice(SUNDAY, { nowMs: start, timeZone: TZ });
    expect(p.pricePerKwh).toBe(D);
    // 0.5 h D + (00-01 CDT, 01-02 CDT, 01-02 CST) 3 h A + 1 h B + 03:00-22:30 19.5 h C = 24 h
    expect(p.dayAvgPricePerKwh).toBeCloseTo((0.5 * D + 3 * A + B + 19.5 * C) / 24, 12); // 0.028541666...
  });

  it('spring: from Sat 23:30 CST, 02:00-03:00 never happens and Monday starts at 00:00 CDT', () => {
    const start = Date.UTC(2026, 2, 8, 5, 30); // Sat 7 Mar 23:30 CST
    const p = currentPrice(SUNDAY, { nowMs: start, timeZone: TZ });
    // 0.5 h D + 2 h A + 21 h C (03:00-24:00) + 0.5 h D (Mon 00:00-00:30 CDT) = 24 h
    expect(p.dayAvgPricePerKwh).toBeCloseTo((0.5 * D + 2 * A + 21 * C + 0.5 * D) / 24, 12); // 0.03125
  });

  it("the rig's day costs the mean while its profit per kWh now uses the band now", () => {
    const start = Date.UTC(2026, 10, 1, 4, 30);
    const p = currentPrice(SUNDAY, { nowMs: start, timeZone: TZ });
    const f = rigEconomics(EXAMPLE_MARKET, { ...EXAMPLE_RIG, pricePerKwh: p.pricePerKwh, dayAvgPricePerKwh: p.dayAvgPricePerKwh });
    expect(f.costPerDay).toBeCloseTo((84 * 0.685) / 24, 10); // 2.3975
    expect(f.profitPerKwh).toBeCloseTo(0.090227 - D, 6); // -0.009773
  });
});

describe('a real-time feed that goes stale mid-hour', () => {
  const rt = tariff({
    kind: 'realtime',
    url: 'https://grid.example/lmp.json',
    priceField: 'price',
    staleAfterS: 900,
    fallbackAfterS: 1800,
    fallbackPricePerKwh: 0.06,
  }) as RealtimeTariff;
  const fed = Date.UTC(2026, 6, 1, 14, 5); // the last price, 0.035, for 14:05
  const feed = { pricePerKwh: 0.035, fetchedAtMs: fed + 20_000, atMs: fed };
  const at = (h: number, m: number) => Date.UTC(2026, 6, 1, h, m);

  it.each([
    ['14:15, fresh', at(14, 15), { pricePerKwh: 0.035, basis: 'feed', stale: false }],
    ['14:20, exactly staleAfterS old', at(14, 20), { pricePerKwh: 0.035, basis: 'feed', stale: false }],
    ['14:21, stopped: the last price, flagged', at(14, 21), { pricePerKwh: 0.035, basis: 'feed', stale: true }],
    ['14:35, still within the fallback time', at(14, 35), { pricePerKwh: 0.035, basis: 'feed', stale: true }],
    ['14:36, past it: the fallback, flagged', at(14, 36), { pricePerKwh: 0.06, basis: 'fallback', stale: true }],
  ])('%s', (_, atMs, expected) => {
    expect(priceInForce(rt, feed, atMs, TZ)).toEqual(expected);
  });

  it('per day follows the same rule: the last price held, then the fallback', () => {
    expect(currentPrice(rt, { nowMs: at(14, 21), timeZone: TZ, feed })).toEqual({
      pricePerKwh: 0.035,
      dayAvgPricePerKwh: 0.035,
      stale: true,
      fallback: false,
    });
    expect(currentPrice(rt, { nowMs: at(14, 36), timeZone: TZ, feed })).toEqual({
      pricePerKwh: 0.06,
      dayAvgPricePerKwh: 0.06,
      stale: true,
      fallback: true,
    });
  });

  it('a feed whose latest read failed has stopped, whatever the age of its last price', () => {
    expect(priceInForce(rt, { ...feed, failing: true }, at(14, 6), TZ)).toEqual({ pricePerKwh: 0.035, basis: 'feed', stale: true });
  });

  it('without fallbackAfterS the fallback time is 4 x staleAfterS', () => {
    const plain = tariff({
      kind: 'realtime',
      url: 'https://grid.example/lmp.json',
      priceField: 'price',
      staleAfterS: 900,
      fallbackPricePerKwh: 0.06,
    });
    expect(priceInForce(plain, feed, at(15, 5), TZ).basis).toBe('feed');
    expect(priceInForce(plain, feed, at(15, 6), TZ).basis).toBe('fallback');
  });

  it('the sweep flags a stopped feed "tariff" and a fallback "tariff-fallback"', () => {
    const base = {
      network: {
        difficulty: EXAMPLE_MARKET.difficulty,
        subsidySats: EXAMPLE_MARKET.subsidySats,
        feesPerBlockSats: EXAMPLE_MARKET.feesPerBlockSats,
        height: 900_000,
      },
      prices: { USD: 90_000 },
      fleetCurrency: 'USD',
      networkStale: false,
      priceStale: false,
      rigs: [],
    };
    const flags = (nowMs: number) => {
      const price = currentPrice(rt, { nowMs, timeZone: TZ, feed });
      const site = { id: 1, currency: 'USD', pue: 1, poolFeePct: 2, price };
      const reading = { hashrateThs: 200, powerW: 3500, powerSource: 'meter', pools: [] } as never;
      return sweepEconomics({ ...base, sites: [site], rigs: [{ id: 1, siteId: 1, reading, poolFeePct: null }] } as never).sites.get(1)!
        .stale;
    };
    expect(flags(at(14, 15))).toEqual([]);
    expect(flags(at(14, 21))).toEqual(['tariff']);
    expect(flags(at(14, 36))).toEqual(['tariff-fallback']);
  });
});

describe('tariff input rules', () => {
  it('warns (and keeps) a set price above 1 per kWh, naming the field', () => {
    expect(tariffWarnings(tariff({ kind: 'flat', pricePerKwh: 5 }), 'USD')).toEqual([
      'pricePerKwh is 5 USD/kWh: above 1 per kWh, is it a price per MWh or in cents? Kept as given.',
    ]);
    expect(tariffWarnings(tariff({ kind: 'flat', pricePerKwh: 0.05 }), 'USD')).toEqual([]);
    expect(tariffWarnings(SUNDAY, 'USD')).toEqual([]);
  });

  it('refuses a fallback time shorter than the stale time, naming both', () => {
    const parsed = parseTariff({
      kind: 'realtime',
      url: 'https://grid.example/p',
      priceField: 'p',
      staleAfterS: 900,
      fallbackAfterS: 600,
      fallbackPricePerKwh: 0.06,
    });
    expect(parsed).toEqual({ ok: false, error: ['fallbackAfterS must be >= staleAfterS (got 600 < 900)'] });
  });

  it('refuses a flat price above the sanity ceiling, and accepts a negative real-time fallback', () => {
    expect(parseTariff({ kind: 'flat', pricePerKwh: 50_000 })).toEqual({ ok: false, error: ['pricePerKwh must be <= 10000 (got 50000)'] });
    expect(parseTariff({ kind: 'flat', pricePerKwh: -0.01 })).toEqual({ ok: false, error: ['pricePerKwh must be >= 0 (got -0.01)'] });
    expect(parseTariff({ kind: 'realtime', url: 'https://grid.example/p', priceField: 'p', fallbackPricePerKwh: -0.02 }).ok).toBe(true);
  });
});
