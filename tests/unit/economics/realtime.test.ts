/** Real-time feeds as grid operators publish them (JSON and CSV, per kWh or per MWh) and their staleness. */
import { describe, expect, it } from 'vitest';
import { currentPrice, parseRealtimeFeed, parseTariff, type FeedFormat, type RealtimeTariff } from '../../../lib/economics';

const json = (priceField: string, extra: Partial<FeedFormat> = {}): FeedFormat => ({ format: 'json', priceField, unit: 'kWh', ...extra });
const csv = (priceField: string, extra: Partial<FeedFormat> = {}): FeedFormat => ({ format: 'csv', priceField, unit: 'MWh', ...extra });

const ERCOT_LIKE = JSON.stringify({
  data: [
    { interval: '2024-07-01T14:05:00-05:00', settlementPoint: 'HB_HOUSTON', price: 42.5 },
    { interval: '2024-07-01T14:00:00-05:00', settlementPoint: 'HB_HOUSTON', price: 38.1 },
  ],
});

describe('parseRealtimeFeed: JSON', () => {
  it('follows a nested path and converts per MWh to per kWh', () => {
    expect(parseRealtimeFeed(ERCOT_LIKE, json('data.0.price', { unit: 'MWh', timeField: 'data.0.interval' }))).toEqual({
      pricePerKwh: 0.0425,
      atMs: Date.UTC(2024, 6, 1, 19, 5),
    });
    expect(parseRealtimeFeed(ERCOT_LIKE, json('data[1].price', { unit: 'MWh' })).pricePerKwh).toBeCloseTo(0.0381, 12);
    expect(parseRealtimeFeed(ERCOT_LIKE, json('data.-1.price', { unit: 'MWh' })).pricePerKwh).toBeCloseTo(0.0381, 12);
  });

  it('reads a top-level field, a numeric string, and epoch seconds', () => {
    expect(parseRealtimeFeed('{"price":"0.061","ts":1719860700}', json('price', { timeField: 'ts' }))).toEqual({
      pricePerKwh: 0.061,
      atMs: 1_719_860_700_000,
    });
    expect(parseRealtimeFeed('{"price":0.061,"ts":1719860700000}', json('price', { timeField: 'ts' })).atMs).toBe(1_719_860_700_000);
    expect(parseRealtimeFeed('{"price":0.061}', json('price')).atMs).toBeNull();
  });

  it('reads a top-level array of intervals at its last item, like a CSV last row', () => {
    const body = JSON.stringify([
      { t: '2024-07-01 14:00', lmp: 20 },
      { t: '2024-07-01 14:05', lmp: -5 },
    ]);
    expect(parseRealtimeFeed(body, json('lmp', { unit: 'MWh', timeField: 't' }))).toEqual({
      pricePerKwh: -0.005,
      atMs: Date.UTC(2024, 6, 1, 14, 5),
    });
  });

  it.each([
    ['<html>502 Bad Gateway</html>', json('price'), 'the feed is not valid JSON (28 characters)'],
    ['', json('price'), 'the feed is empty'],
    ['{"data":[]}', json('data.0.price'), 'price field "data.0.price" not in the feed: index 0 of an array of 0 items'],
    ['{"data":{"lmp":3}}', json('data.price'), 'price field "data.price" not in the feed: no "price" in an object'],
    ['{"price":null}', json('price'), 'price field "price" is not a number (got null)'],
    ['{"price":"n/a"}', json('price'), 'price field "price" is not a number (got "n/a")'],
    ['{"price":1,"t":"yesterday"}', json('price', { timeField: 't' }), 'time field "t" is not a date or epoch time (got "yesterday")'],
  ])('refuses %j with a clear message', (body, format, message) => {
    expect(() => parseRealtimeFeed(body, format)).toThrow(new Error(message));
  });
});

describe('parseRealtimeFeed: CSV', () => {
  const body = 'Interval Ending,Settlement Point,LMP\n2024-07-01T14:00:00Z,HB_NORTH,31.20\n2024-07-01T14:05:00Z,HB_NORTH,55.00\n\n';

  it('reads the last data row of the named column (any case), per MWh to per kWh', () => {
    expect(parseRealtimeFeed(body, csv('lmp', { timeField: 'interval ending' }))).toEqual({
      pricePerKwh: 0.055,
      atMs: Date.UTC(2024, 6, 1, 14, 5),
    });
  });

  it('handles quoted fields, CRLF and semicolons', () => {
    expect(parseRealtimeFeed('"node, name",price\r\n"A, B","0.07"\r\n', csv('price', { unit: 'kWh' })).pricePerKwh).toBe(0.07);
    expect(parseRealtimeFeed('zeit;preis\n2024-07-01;0,5\n2024-07-01;80\n', csv('preis')).pricePerKwh).toBe(0.08);
  });

  it.each([
    [body, csv('price'), 'price column "price" not in the CSV header (columns: interval ending, settlement point, lmp)'],
    ['time,lmp\n', csv('lmp'), 'the CSV has a header but no data rows'],
    ['time,lmp\n2024-07-01,\n', csv('lmp'), 'price column "lmp" is not a number (got "")'],
  ])('refuses %j with a clear message', (text, format, message) => {
    expect(() => parseRealtimeFeed(text, format)).toThrow(new Error(message));
  });
});

describe('real-time price and staleness', () => {
  const parsed = parseTariff({
    kind: 'realtime',
    url: 'https://grid.example/lmp.csv',
    format: 'csv',
    priceField: 'lmp',
    unit: 'MWh',
    staleAfterS: 900,
    fallbackPricePerKwh: 0.06,
  });
  if (!parsed.ok) throw new Error(parsed.error.join('; '));
  const tariff = parsed.value as RealtimeTariff;
  const now = Date.UTC(2024, 6, 1, 15, 0);
  const ctx = (feed: { pricePerKwh: number; fetchedAtMs: number; atMs?: number | null } | null) => ({
    nowMs: now,
    timeZone: 'America/Chicago',
    feed,
  });

  it('uses a fresh feed price for now and for the day', () => {
    expect(currentPrice(tariff, ctx({ pricePerKwh: 0.035, fetchedAtMs: now - 10 * 60_000 }))).toEqual({
      pricePerKwh: 0.035,
      dayAvgPricePerKwh: 0.035,
      stale: false,
      fallback: false,
    });
  });

  it('holds the last price, flagged stale, once the feed is older than staleAfterS, until its fallback time (4 x staleAfterS by default)', () => {
    expect(currentPrice(tariff, ctx({ pricePerKwh: 0.035, fetchedAtMs: now - 20 * 60_000 }))).toEqual({
      pricePerKwh: 0.035,
      dayAvgPricePerKwh: 0.035,
      stale: true,
      fallback: false,
    });
    expect(currentPrice(tariff, ctx({ pricePerKwh: 0.035, fetchedAtMs: now - 60 * 60_000 })).fallback).toBe(false);
  });

  it('falls back and flags stale when the feed is older than its fallback time, or was never read', () => {
    const fallback = { pricePerKwh: 0.06, dayAvgPricePerKwh: 0.06, stale: true, fallback: true };
    expect(currentPrice(tariff, ctx({ pricePerKwh: 0.035, fetchedAtMs: now - 61 * 60_000 }))).toEqual(fallback);
    expect(currentPrice(tariff, ctx(null))).toEqual(fallback);
    expect(currentPrice(tariff, { nowMs: now, timeZone: 'UTC' })).toEqual(fallback);
  });

  it('judges age by the price own time when that is older than the fetch', () => {
    expect(currentPrice(tariff, ctx({ pricePerKwh: 0.035, fetchedAtMs: now - 60_000, atMs: now - 1_800_000 })).stale).toBe(true);
    expect(currentPrice(tariff, ctx({ pricePerKwh: 0.035, fetchedAtMs: now - 60_000, atMs: now - 300_000 })).stale).toBe(false);
  });
});
