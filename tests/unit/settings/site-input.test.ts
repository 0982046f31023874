/** The site form's and sites API's validation: every refusal names the field, the rule and the value. */
import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, parseNewSite, parseSitePatch } from '../../../lib/settings/site-input';

describe('parseNewSite', () => {
  it('fills the defaults of a new site around its name', () => {
    expect(parseNewSite({ name: '  Lakeside  ' })).toEqual({
      ok: true,
      value: { name: 'Lakeside', timeZone: 'UTC', currency: 'USD', pue: 1, poolFeePct: 2 },
    });
  });

  it('requires a name', () => {
    expect(parseNewSite({ timeZone: 'UTC' })).toEqual({ ok: false, error: ['name is required'] });
    expect(parseNewSite({ name: '   ' })).toEqual({ ok: false, error: ['name must not be empty'] });
    expect(parseNewSite({ name: 'x'.repeat(65) })).toEqual({ ok: false, error: ['name must be at most 64 characters (got 65)'] });
  });

  it('names every wrong field at once', () => {
    const res = parseNewSite({ name: 7, timeZone: 'Mars/Olympus', currency: 'BTC', pue: 0.5, poolFeePct: '2', colour: 'red' });
    expect(res).toEqual({
      ok: false,
      error: [
        'unknown field(s): colour (allowed: name, timeZone, currency, pue, poolFeePct)',
        'name must be text (got 7)',
        'timeZone must be an IANA time zone such as Europe/Berlin, America/Chicago or UTC (got "Mars/Olympus")',
        'poolFeePct must be a number (got "2")',
        'pue must be from 1 to 3 (got 0.5)',
        'currency must be one of USD, EUR, GBP, CAD, CHF, AUD, JPY (got "BTC")',
      ],
    });
  });

  it('refuses a body that is not an object', () => {
    expect(parseNewSite([{ name: 'a' }])).toEqual({ ok: false, error: ['the body must be a JSON object'] });
  });
});

describe('parseSitePatch', () => {
  it('keeps only the fields sent, time zone in its canonical spelling and currency upper case', () => {
    expect(parseSitePatch({ timeZone: 'europe/berlin', currency: 'eur' })).toEqual({
      ok: true,
      value: { timeZone: 'Europe/Berlin', currency: 'EUR' },
    });
    expect(parseSitePatch({ pue: 1.25, poolFeePct: 0 })).toEqual({ ok: true, value: { pue: 1.25, poolFeePct: 0 } });
  });

  it('refuses an empty change, an empty time zone and an out-of-range pool fee', () => {
    expect(parseSitePatch({})).toEqual({ ok: false, error: ['nothing to change: send any of name, timeZone, currency, pue, poolFeePct'] });
    expect(parseSitePatch({ timeZone: '' })).toEqual({
      ok: false,
      error: ['timeZone must be an IANA time zone such as Europe/Berlin, America/Chicago or UTC (got "")'],
    });
    expect(parseSitePatch({ poolFeePct: 101 })).toEqual({ ok: false, error: ['poolFeePct must be from 0 to 10 percent (got 101)'] });
    expect(parseSitePatch({ poolFeePct: 10.5 })).toEqual({ ok: false, error: ['poolFeePct must be from 0 to 10 percent (got 10.5)'] });
    expect(parseSitePatch({ poolFeePct: 10 })).toMatchObject({ ok: true });
  });
});

describe('canonicalTimeZone', () => {
  it.each([
    ['UTC', 'UTC'],
    ['America/Chicago', 'America/Chicago'],
    ['asia/tokyo', 'Asia/Tokyo'],
    ['Not/AZone', null],
    ['', null],
  ])('%s -> %s', (input, expected) => {
    expect(canonicalTimeZone(input)).toBe(expected);
  });
});
