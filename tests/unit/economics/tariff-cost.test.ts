/**
 * What a refused tariff costs: at most one band per weekday-hour, checked in linear time, and never more
 * than 20 messages, however many bands or problems were sent (a 100,000-band tariff used to block the
 * web server for minutes and then kill it out of memory; 2,000 bands took 14 s).
 */
import { describe, expect, it } from 'vitest';
import { parseTariff, WEEKDAYS } from '../../../lib/economics';

const ALL_DAYS = [...WEEKDAYS];

function refused(input: unknown): { errors: string[]; ms: number } {
  const started = performance.now();
  const parsed = parseTariff(input);
  const ms = performance.now() - started;
  if (parsed.ok) throw new Error('expected the tariff to be refused');
  return { errors: parsed.error, ms };
}

/** `n` bands that all cover the whole week. */
const wholeWeekBands = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ days: ALL_DAYS, fromHour: 0, toHour: 24, pricePerKwh: i / 1000 }));

describe('a time-of-use tariff with too many bands', () => {
  it.each([100_000, 2_000, 169])('is refused at once with one message naming the limit (%i bands)', (n) => {
    const { errors, ms } = refused({ kind: 'tou', bands: wholeWeekBands(n) });
    expect(errors).toEqual([`bands must list at most 168 items, one per weekday-hour at most (got ${n})`]);
    expect(ms).toBeLessThan(1000); // generous: it used to take minutes
  });

  it('accepts 168 one-hour bands, one per weekday-hour', () => {
    const bands = ALL_DAYS.flatMap((day) =>
      Array.from({ length: 24 }, (_, h) => ({ days: [day], fromHour: h, toHour: h + 1, pricePerKwh: h / 100 })),
    );
    expect(bands).toHaveLength(168);
    expect(parseTariff({ kind: 'tou', bands }).ok).toBe(true);
  });
});

describe('a refused tariff lists at most 20 messages', () => {
  it('names the first overlaps and counts the rest', () => {
    // 168 bands over the whole week: every later band overlaps the first, 167 overlaps in all.
    const { errors, ms } = refused({ kind: 'tou', bands: wholeWeekBands(168) });
    expect(errors).toHaveLength(20);
    expect(errors[0]).toBe('bands overlap: Mon 00:00-24:00 and Mon 00:00-24:00 (also on Tue, Wed, Thu, Fri, Sat, Sun)');
    expect(errors[19]).toBe('... and 148 more');
    expect(ms).toBeLessThan(1000);
  });

  it('caps shape errors and field errors the same way', () => {
    const backwards = Array.from({ length: 100 }, () => ({ days: ['mon'], fromHour: 5, toHour: 2, pricePerKwh: 0.1 }));
    const shape = refused({ kind: 'tou', bands: backwards }).errors;
    expect(shape).toHaveLength(20);
    expect(shape[0]).toMatch(/^bands\[0\] runs from 05:00 to 02:00/);
    expect(shape[19]).toBe('... and 81 more');

    const negative = Array.from({ length: 150 }, () => ({ days: ['mon'], fromHour: 0, toHour: 1, pricePerKwh: -1 }));
    const fields = refused({ kind: 'tou', bands: negative }).errors;
    expect(fields).toHaveLength(20);
    expect(fields[0]).toBe('bands[0].pricePerKwh must be >= 0 (got -1)');
    expect(fields[19]).toBe('... and 131 more');
  });
});

describe('values echoed into messages', () => {
  it('are shortened, and a value nested 10,000 deep is described without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`) as unknown;
    expect(refused({ kind: 'flat', pricePerKwh: deep }).errors).toEqual(['pricePerKwh must be a number (got [[[[...]]]])']);
    const long = refused({ kind: 'flat', pricePerKwh: 'x'.repeat(1_000_000) }).errors[0];
    expect(long.length).toBeLessThan(120);
    expect(long).toMatch(/^pricePerKwh must be a number \(got "x+\.\.\.\)$/);
  });
});
