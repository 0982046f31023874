/**
 * Realized arithmetic against hand-computed values (economics.md worked example; kWh and band prices by
 * hand): the interval cap, a time-of-use boundary split, DST days of 23 and 25 hours, GPU revenue unknown.
 */
import { describe, expect, it } from 'vitest';
import type { Reading } from '../../../lib/domain/reading';
import type { Tariff } from '../../../lib/economics';
import { realizedPieces, type RealizedMarket, type RealizedRig, type RealizedSite } from '../../../lib/realized/accumulate';
import { localDayStartMs } from '../../../lib/realized/local-time';
import { addSums, emptySums } from '../../../lib/realized/sums';

const MIN = 60_000;

function reading(over: Partial<Reading> = {}): Reading {
  return {
    driver: 'antminer',
    make: 'Bitmain',
    model: 'Antminer S21',
    firmware: 'x',
    status: 'mining',
    hashrateThs: 200,
    expectedHashrateThs: 200,
    powerW: 3500,
    powerSource: 'firmware',
    efficiencyJth: 17.5,
    boards: [],
    tempMaxC: 70,
    fansRpm: [],
    pools: [],
    uptimeS: 1000,
    hardwareErrors: 0,
    ...over,
  };
}

function site(tariff: Tariff | null, over: Partial<RealizedSite> = {}): RealizedSite {
  return { id: 1, timeZone: 'America/Chicago', currency: 'USD', pue: 1, poolFeePct: 2, tariff, ...over };
}

// economics.md worked example: D = 1.48e14, S = 3.125 BTC, F = 0.036 BTC, p = 90,000 USD, f = 2 %.
const MARKET: RealizedMarket = {
  network: { difficulty: 1.48e14, subsidySats: 312_500_000, feesPerBlockSats: 3_600_000 },
  prices: { USD: 90_000, CAD: 123_000 },
  fleetCurrency: 'USD',
};

const rig = (pollMs: number, prevMs: number | null, r: Reading | null = reading()): RealizedRig => ({
  rigId: 7,
  siteId: 1,
  pollMs,
  reading: r,
  poolFeePct: null,
  prevReadingMs: prevMs,
  prevPollMs: prevMs,
});

function total(pieces: ReturnType<typeof realizedPieces>) {
  return pieces.reduce((s, p) => addSums(s, p.sums), emptySums());
}

const T0 = Date.parse('2026-01-15T12:00:00Z');

describe('realized pieces', () => {
  it('one minute of the worked example at a flat 0.05 USD/kWh', () => {
    const pieces = realizedPieces([rig(T0 + MIN, T0)], new Map([[1, site({ kind: 'flat', pricePerKwh: 0.05 })]]), MARKET, 3 * 20_000);
    const s = total(pieces);
    expect(s.kwh).toBeCloseTo(84 / 1440, 9); // 84 kWh/day
    expect(s.cost).toBeCloseTo(4.2 / 1440, 9); // 4.2000 USD/day
    expect(s.revenue / (7.5791 / 1440)).toBeCloseTo(1, 4); // 7.5791 USD/day
    expect(s.btc / (8.4212e-5 / 1440)).toBeCloseTo(1, 4); // net BTC/day after 2 %
    expect(s.kwhFirmware).toBeCloseTo(s.kwh, 12);
    expect(s.thsHours).toBeCloseTo(200 / 60, 12);
    expect(s.upRigHours).toBeCloseTo(1 / 60, 12);
    expect(s.losingRigHours).toBe(0); // 0.05 < breakeven 0.0902
    expect(s.kwhRevenueUnknown).toBe(0);
  });

  it('caps an interval at three poll intervals: a 10-minute gap at a 20 s poll counts 60 s', () => {
    const pieces = realizedPieces([rig(T0 + 10 * MIN, T0)], new Map([[1, site({ kind: 'flat', pricePerKwh: 0.05 })]]), MARKET, 3 * 20_000);
    const s = total(pieces);
    expect(s.kwh).toBeCloseTo(3.5 / 60, 9);
    expect(s.observedRigHours).toBeCloseTo(1 / 60, 12);
  });

  it('counts nothing for a reading already counted or a first reading', () => {
    const sites = new Map([[1, site({ kind: 'flat', pricePerKwh: 0.05 })]]);
    expect(total(realizedPieces([rig(T0, T0)], sites, MARKET, 60_000)).kwh).toBe(0);
    expect(total(realizedPieces([rig(T0, null)], sites, MARKET, 60_000)).kwh).toBe(0);
  });

  it('splits an interval at a time-of-use boundary and prices each part at its band', () => {
    const tou: Tariff = {
      kind: 'tou',
      bands: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], fromHour: 0, toHour: 17, pricePerKwh: 0.04 },
        { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], fromHour: 17, toHour: 24, pricePerKwh: 0.1 },
      ],
    };
    // 16:59:30 to 17:00:30 Chicago (CST, UTC-6) on 2026-01-15; 3,600 W: 0.03 kWh each side.
    const end = Date.parse('2026-01-15T23:00:30Z');
    const pieces = realizedPieces([rig(end, end - MIN, reading({ powerW: 3600 }))], new Map([[1, site(tou)]]), MARKET, 60_000);
    expect(pieces.map((p) => p.hourStartMs).sort()).toEqual([Date.parse('2026-01-15T22:00:00Z'), Date.parse('2026-01-15T23:00:00Z')]);
    const s = total(pieces);
    expect(s.kwh).toBeCloseTo(0.06, 12);
    expect(s.cost).toBeCloseTo(0.03 * 0.04 + 0.03 * 0.1, 12); // 0.0042, not 0.06 x either band
  });

  /** A rig at 1,000 W polled every minute through the local day `day`; the day's sums and hour count. */
  function wholeDay(day: string, tariff: Tariff) {
    const sites = new Map([[1, site(tariff, { pue: 1 })]]);
    const start = localDayStartMs(day, 'America/Chicago');
    const end = localDayStartMs(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10), 'America/Chicago');
    const all = [];
    for (let t = start; t < end; t += MIN)
      all.push(...realizedPieces([rig(t + MIN, t, reading({ powerW: 1000 }))], sites, MARKET, 3 * MIN));
    const ofDay = all.filter((p) => p.day === day);
    return { sums: total(ofDay), hours: new Set(ofDay.map((p) => p.hourStartMs)).size, outside: all.length - ofDay.length };
  }

  it('a spring-forward day has 23 hours: 23 kWh at 1 kW, 23 hour buckets', () => {
    const { sums, hours, outside } = wholeDay('2026-03-08', { kind: 'flat', pricePerKwh: 0.1 });
    expect(outside).toBe(0);
    expect(hours).toBe(23);
    expect(sums.kwh).toBeCloseTo(23, 9);
    expect(sums.cost).toBeCloseTo(2.3, 9);
  });

  it('a fall-back day has 25 hours, and the repeated hour is priced twice at its band', () => {
    const tou: Tariff = {
      kind: 'tou',
      bands: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], fromHour: 0, toHour: 2, pricePerKwh: 0.2 },
        { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], fromHour: 2, toHour: 24, pricePerKwh: 0.05 },
      ],
    };
    const { sums, hours } = wholeDay('2026-11-01', tou);
    expect(hours).toBe(25);
    expect(sums.kwh).toBeCloseTo(25, 9);
    // 00:00-01:00, 01:00-02:00 CDT and 01:00-02:00 CST at 0.20; 22 hours at 0.05.
    expect(sums.cost).toBeCloseTo(3 * 0.2 + 22 * 0.05, 9);
  });

  it('a GPU rig: energy and cost count, revenue unknown (never zero profit)', () => {
    const gpu = reading({ algorithm: 'ethash', hashrateThs: 0.0005, powerW: 1200, powerSource: 'meter' });
    const pieces = realizedPieces([rig(T0 + MIN, T0, gpu)], new Map([[1, site({ kind: 'flat', pricePerKwh: 0.05 })]]), MARKET, 60_000);
    const s = total(pieces);
    expect(s.kwh).toBeCloseTo(0.02, 12);
    expect(s.cost).toBeCloseTo(0.001, 12);
    expect(s.kwhRevenueUnknown).toBeCloseTo(0.02, 12);
    expect(s.costRevenueUnknown).toBeCloseTo(0.001, 12);
    expect(s.revenue).toBe(0);
    expect(s.btc).toBe(0);
    expect(s.losingRigHours).toBe(0);
    expect(s.kwhMeter).toBeCloseTo(0.02, 12);
    expect(s.thsHours).toBe(0); // not SHA-256: not in the fleet's TH/s
  });

  it('hours losing money when the price in force exceeds the breakeven (0.0902 USD/kWh)', () => {
    const pieces = realizedPieces([rig(T0 + MIN, T0)], new Map([[1, site({ kind: 'flat', pricePerKwh: 0.1 })]]), MARKET, 60_000);
    expect(total(pieces).losingRigHours).toBeCloseTo(1 / 60, 12);
  });

  it('a failed poll: observed but not up, no energy; a site in CAD converts to the fleet currency', () => {
    const sites = new Map([[1, site({ kind: 'flat', pricePerKwh: 0.05 }, { currency: 'CAD' })]]);
    const failed = total(realizedPieces([rig(T0 + MIN, T0, null)], sites, MARKET, 60_000));
    expect(failed.observedRigHours).toBeCloseTo(1 / 60, 12);
    expect(failed.upRigHours).toBe(0);
    expect(failed.kwh).toBe(0);
    const [p] = realizedPieces([rig(T0 + MIN, T0)], sites, MARKET, 60_000);
    expect(p.costFleet).toBeCloseTo(p.sums.cost * (90_000 / 123_000), 12);
  });

  it('a GPU rig whose revenue the operator set: 2.40 USD/day for one minute is 0.00166 USD, known', () => {
    const gpu = reading({ algorithm: 'kawpow', hashrateThs: 0.00003, powerW: 1200 });
    const market = { ...MARKET, otherRevenuePerDay: (r: Reading) => (r.algorithm === 'kawpow' ? 2.4 : null) };
    const s = total(realizedPieces([rig(T0 + MIN, T0, gpu)], new Map([[1, site({ kind: 'flat', pricePerKwh: 0.05 })]]), market, 60_000));
    expect(s.revenue).toBeCloseTo(2.4 / 1440, 12);
    expect(s.btc).toBe(0);
    expect(s.kwhRevenueUnknown).toBe(0);
    // 1.2 kW at 0.05: 1.44 USD/day against 2.40: not losing money.
    expect(s.losingRigHours).toBe(0);
  });

  it('a real-time feed that goes stale mid-hour: its last price (stale) until the fallback time, then the fallback', () => {
    const feedAt = Date.parse('2026-01-15T12:00:00Z');
    // Stale after 15 min; the fallback applies after fallbackAfterS, 4 x 15 min by default (economics.md).
    const tariff: Tariff = {
      kind: 'realtime',
      url: 'https://grid.example/p.json',
      format: 'json',
      priceField: 'p',
      unit: 'kWh',
      staleAfterS: 900,
      fallbackPricePerKwh: 0.2,
    };
    const sites = new Map([[1, site(tariff, { feed: { pricePerKwh: 0.03, fetchedAtMs: feedAt } })]]);
    const one = (end: number) => total(realizedPieces([rig(end, end - MIN, reading({ powerW: 3000 }))], sites, MARKET, 60_000));
    // 3 kW for a minute is 0.05 kWh: at 0.03 while fresh (12:10) and while stale (12:20, 12:59), at the
    // 0.20 fallback once an hour has passed (13:01).
    expect(one(feedAt + 10 * MIN).cost).toBeCloseTo(0.05 * 0.03, 12);
    expect(one(feedAt + 20 * MIN).cost).toBeCloseTo(0.05 * 0.03, 12);
    expect(one(feedAt + 59 * MIN).cost).toBeCloseTo(0.05 * 0.03, 12);
    expect(one(feedAt + 61 * MIN).cost).toBeCloseTo(0.05 * 0.2, 12);
  });
});
