/**
 * Time-of-use lookups in the site's time zone, across both DST changes of 2024 in America/Chicago:
 * spring forward on Sun 10 Mar (02:00 CST -> 03:00 CDT, 08:00 UTC), fall back on Sun 3 Nov
 * (02:00 CDT -> 01:00 CST, 07:00 UTC).
 */
import { describe, expect, it } from 'vitest';
import { currentPrice, hourOfWeek, parseTariff, touMeanPrice, touPriceAt, type TouTariff } from '../../../lib/economics';

const DAY_MS = 86_400_000;
const touDayAvgPrice = (t: TouTariff, startMs: number, tz: string) => touMeanPrice(t, startMs, startMs + DAY_MS, tz);

const TZ = 'America/Chicago';
const [A, B, C, D] = [0.01, 0.02, 0.03, 0.1];
// Sunday's small hours priced hour by hour so a skipped or repeated hour shows in the sums.
const parsed = parseTariff({
  kind: 'tou',
  bands: [
    { days: ['sun'], fromHour: 0, toHour: 2, pricePerKwh: A },
    { days: ['sun'], fromHour: 2, toHour: 3, pricePerKwh: B },
    { days: ['sun'], fromHour: 3, toHour: 24, pricePerKwh: C },
    { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], fromHour: 0, toHour: 24, pricePerKwh: D },
  ],
});
if (!parsed.ok) throw new Error(parsed.error.join('; '));
const SUNDAY = parsed.value as TouTariff;

describe('hourOfWeek', () => {
  it('reads the local weekday and hour, Monday 00:00 first', () => {
    expect(hourOfWeek(Date.UTC(2024, 6, 1, 5, 0), TZ)).toBe(0); // Mon 1 Jul 00:00 CDT
    expect(hourOfWeek(Date.UTC(2024, 6, 1, 4, 59), TZ)).toBe(167); // Sun 30 Jun 23:59 CDT
    expect(hourOfWeek(Date.UTC(2024, 6, 1, 19, 30), TZ)).toBe(14); // Mon 14:30 CDT
    expect(hourOfWeek(Date.UTC(2024, 6, 1, 19, 30), 'UTC')).toBe(19);
  });
});

describe('touPriceAt across DST in America/Chicago', () => {
  it('spring forward: 01:30 CST is band A, the next hour is 03:30 CDT (band C); 02:00 never happens', () => {
    expect(touPriceAt(SUNDAY, Date.UTC(2024, 2, 10, 7, 30), TZ)).toBe(A);
    expect(touPriceAt(SUNDAY, Date.UTC(2024, 2, 10, 8, 30), TZ)).toBe(C);
  });

  it('fall back: 01:30 happens twice (CDT then CST), both in band A', () => {
    expect(touPriceAt(SUNDAY, Date.UTC(2024, 10, 3, 6, 30), TZ)).toBe(A);
    expect(touPriceAt(SUNDAY, Date.UTC(2024, 10, 3, 7, 30), TZ)).toBe(A);
    expect(touPriceAt(SUNDAY, Date.UTC(2024, 10, 3, 8, 30), TZ)).toBe(B); // 02:30 CST
  });

  it('the 24 h mean counts real hours: 23 local hours of the short Sunday plus Monday 00:00', () => {
    const midnight = Date.UTC(2024, 2, 10, 6, 0); // Sun 10 Mar 00:00 CST
    expect(touDayAvgPrice(SUNDAY, midnight, TZ)).toBeCloseTo((2 * A + 21 * C + D) / 24, 12);
  });

  it('the 24 h mean of the long Sunday prices 01:00 twice and stops at 22:00', () => {
    const midnight = Date.UTC(2024, 10, 3, 5, 0); // Sun 3 Nov 00:00 CDT
    expect(touDayAvgPrice(SUNDAY, midnight, TZ)).toBeCloseTo((3 * A + B + 20 * C) / 24, 12);
  });

  it('currentPrice gives the band now and the mean over the next day, never stale', () => {
    const now = Date.UTC(2024, 2, 10, 7, 30);
    expect(currentPrice(SUNDAY, { nowMs: now, timeZone: TZ })).toEqual({
      pricePerKwh: A,
      dayAvgPricePerKwh: touDayAvgPrice(SUNDAY, now, TZ),
      stale: false,
      fallback: false,
    });
  });

  it('a weekday afternoon peak is read in the site zone, not UTC', () => {
    const peak = parseTariff({
      kind: 'tou',
      bands: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], fromHour: 0, toHour: 14, pricePerKwh: 0.042 },
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], fromHour: 14, toHour: 20, pricePerKwh: 0.11 },
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], fromHour: 20, toHour: 24, pricePerKwh: 0.042 },
        { days: ['sat', 'sun'], fromHour: 0, toHour: 24, pricePerKwh: 0.038 },
      ],
    });
    if (!peak.ok) throw new Error('invalid');
    const at = Date.UTC(2024, 6, 1, 19, 30); // 14:30 in Chicago, 19:30 in UTC
    expect(currentPrice(peak.value, { nowMs: at, timeZone: TZ }).pricePerKwh).toBe(0.11);
    expect(currentPrice(peak.value, { nowMs: at, timeZone: 'Asia/Tokyo' }).pricePerKwh).toBe(0.042); // Tue 04:30
  });

  it('a flat tariff is its own mean', () => {
    expect(currentPrice({ kind: 'flat', pricePerKwh: 0.05 }, { nowMs: 0, timeZone: TZ })).toEqual({
      pricePerKwh: 0.05,
      dayAvgPricePerKwh: 0.05,
      stale: false,
      fallback: false,
    });
  });
});
