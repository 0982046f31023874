/** Invalid tariffs are refused with messages that say which field, which rule and what was given. */
import { describe, expect, it } from 'vitest';
import { parseTariff } from '../../../lib/economics';
import { DEMO_TARIFFS } from '../../../bin/supervisor/demo-tariffs';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];
const WEEKEND = ['sat', 'sun'];
const allDay = (days: string[], pricePerKwh: number) => ({ days, fromHour: 0, toHour: 24, pricePerKwh });

function errors(input: unknown): string[] {
  const parsed = parseTariff(input);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return parsed.error;
}

describe('parseTariff', () => {
  it('accepts a flat tariff and a time-of-use week covered exactly once', () => {
    expect(parseTariff({ kind: 'flat', pricePerKwh: 0.05 })).toEqual({ ok: true, value: { kind: 'flat', pricePerKwh: 0.05 } });
    const tou = {
      kind: 'tou',
      bands: [
        { days: WEEKDAYS, fromHour: 0, toHour: 17, pricePerKwh: 0.04 },
        { days: WEEKDAYS, fromHour: 17, toHour: 21, pricePerKwh: 0.12 },
        { days: WEEKDAYS, fromHour: 21, toHour: 24, pricePerKwh: 0.04 },
        allDay(WEEKEND, 0.03),
      ],
    };
    expect(parseTariff(tou)).toEqual({ ok: true, value: tou });
  });

  it('accepts the demo tariffs', () => {
    for (const t of Object.values(DEMO_TARIFFS)) expect(parseTariff(t).ok).toBe(true);
  });

  it('fills a real-time tariff with its defaults: JSON, per kWh, stale after 15 minutes', () => {
    const parsed = parseTariff({
      kind: 'realtime',
      url: 'https://grid.example/price.json',
      priceField: 'data.0.price',
      fallbackPricePerKwh: 0.06,
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        kind: 'realtime',
        url: 'https://grid.example/price.json',
        format: 'json',
        priceField: 'data.0.price',
        unit: 'kWh',
        staleAfterS: 900,
        fallbackPricePerKwh: 0.06,
      },
    });
  });

  it.each([
    [{ kind: 'flat', pricePerKwh: -0.1 }, ['pricePerKwh must be >= 0 (got -0.1)']],
    [{ kind: 'flat', pricePerKwh: '0.05' }, ['pricePerKwh must be a number (got "0.05")']],
    [{ kind: 'flat' }, ['pricePerKwh is required']],
    [{ kind: 'flat', pricePerKwh: 0.05, currency: 'USD' }, ['unknown field "currency"']],
    [{ kind: 'tou', bands: [{ ...allDay(WEEKDAYS, -0.02) }, allDay(WEEKEND, 0.03)] }, ['bands[0].pricePerKwh must be >= 0 (got -0.02)']],
    [
      { kind: 'tou', bands: [allDay(['mon', 'funday'], 0.03)] },
      ['bands[0].days[1] must be one of mon, tue, wed, thu, fri, sat, sun (got "funday")'],
    ],
    [{ kind: 'tou', bands: [{ days: ['mon'], fromHour: 0, toHour: 25, pricePerKwh: 0.1 }] }, ['bands[0].toHour must be <= 24 (got 25)']],
    [
      { kind: 'tou', bands: [{ days: ['mon'], fromHour: 1.5, toHour: 24, pricePerKwh: 0.1 }] },
      ['bands[0].fromHour must be a whole number (got 1.5)'],
    ],
    [{ kind: 'tou', bands: [] }, ['bands must list at least 1 item']],
    [
      { kind: 'realtime', url: 'ftp://grid.example/p', priceField: 'p', fallbackPricePerKwh: 0.05 },
      ['url must be an http, https or file URL (got "ftp://grid.example/p")'],
    ],
    [
      { kind: 'realtime', url: 'https://g.example', priceField: '', unit: 'Wh', fallbackPricePerKwh: 0.05 },
      ['priceField must not be empty', 'unit must be one of kWh, MWh (got "Wh")'],
    ],
    [{ kind: 'hourly', pricePerKwh: 0.05 }, ['kind must be one of flat, tou, realtime (got "hourly")']],
    [{ pricePerKwh: 0.05 }, ['kind must be one of flat, tou, realtime (got none)']],
    [[], ['a tariff must be a JSON object with a kind (flat, tou or realtime)']],
  ])('refuses %j', (input, expected) => {
    expect(errors(input)).toEqual(expected);
  });

  it('names overlapping bands with their hours and days', () => {
    const tou = {
      kind: 'tou',
      bands: [
        { days: ['mon'], fromHour: 0, toHour: 17, pricePerKwh: 0.04 },
        { days: ['mon'], fromHour: 17, toHour: 21, pricePerKwh: 0.12 },
        { days: ['mon'], fromHour: 20, toHour: 24, pricePerKwh: 0.04 },
        allDay(['tue', 'wed', 'thu', 'fri', 'sat', 'sun'], 0.03),
      ],
    };
    expect(errors(tou)).toEqual(['bands overlap: Mon 17:00-21:00 and Mon 20:00-24:00']);
  });

  it('names the example overlap of the issue, and every other day it repeats on', () => {
    const tou = {
      kind: 'tou',
      bands: [
        { days: WEEKDAYS, fromHour: 0, toHour: 17, pricePerKwh: 0.04 },
        { days: WEEKDAYS, fromHour: 17, toHour: 21, pricePerKwh: 0.12 },
        { days: ['mon', 'tue'], fromHour: 20, toHour: 23, pricePerKwh: 0.08 },
        { days: WEEKDAYS, fromHour: 23, toHour: 24, pricePerKwh: 0.04 },
        { days: ['wed', 'thu', 'fri'], fromHour: 21, toHour: 23, pricePerKwh: 0.04 },
        allDay(WEEKEND, 0.03),
      ],
    };
    expect(errors(tou)).toEqual(['bands overlap: Mon 17:00-21:00 and Mon 20:00-23:00 (also on Tue)']);
  });

  it('names the hours no band covers, grouping days with the same gap', () => {
    const tou = {
      kind: 'tou',
      bands: [
        allDay(WEEKDAYS, 0.04),
        { days: ['sat'], fromHour: 6, toHour: 24, pricePerKwh: 0.03 },
        { days: ['sun'], fromHour: 6, toHour: 24, pricePerKwh: 0.03 },
      ],
    };
    expect(errors(tou)).toEqual(['hours 00:00-06:00 on Sat, Sun are not covered by any band']);
    const sundayOnly = {
      kind: 'tou',
      bands: [allDay([...WEEKDAYS, 'sat'], 0.04), { days: ['sun'], fromHour: 6, toHour: 24, pricePerKwh: 0.03 }],
    };
    expect(errors(sundayOnly)).toEqual(['hours 00:00-06:00 on Sun are not covered by any band']);
    expect(errors({ kind: 'tou', bands: [allDay(WEEKDAYS, 0.04)] })).toEqual(['hours 00:00-24:00 on Sat, Sun are not covered by any band']);
  });

  it('refuses a band that crosses midnight or lists a day twice', () => {
    expect(errors({ kind: 'tou', bands: [{ days: ['mon'], fromHour: 22, toHour: 6, pricePerKwh: 0.1 }] })).toEqual([
      'bands[0] runs from 22:00 to 06:00: fromHour must be before toHour (split a band across midnight into two)',
    ]);
    expect(errors({ kind: 'tou', bands: [allDay(['mon', 'mon', ...WEEKDAYS.slice(1), ...WEEKEND], 0.1)] })).toEqual([
      'bands[0].days lists mon more than once',
    ]);
  });
});
