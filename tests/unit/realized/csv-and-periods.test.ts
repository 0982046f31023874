/** CSV escaping (RFC 4180, formula injection), ISO weeks and months, and report range parsing. */
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../lib/realized/csv';
import { isoWithOffset, localDayStartMs } from '../../../lib/realized/local-time';
import { isoWeek, periodOf } from '../../../lib/realized/periods';
import { parseReportRange } from '../../../lib/realized/report-range';

describe('CSV', () => {
  it('quotes per RFC 4180 and ends rows with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['line\nbreak', null],
          [1.5, -2],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\r\n1.5,-2\r\n');
  });

  it('prefixes text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvCell('Rockdale TX')).toBe('Rockdale TX');
    // A number stays a number: a negative profit is not text.
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(Number.NaN)).toBe('');
  });
});

describe('periods', () => {
  it('ISO weeks belong to the year of their Thursday', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeek('2027-01-01')).toBe('2026-W53'); // a Friday: week 53 of 2026
    expect(isoWeek('2024-12-30')).toBe('2025-W01'); // a Monday
    expect(periodOf('2026-12-09', 'week')).toEqual({ key: '2026-W50', firstDay: '2026-12-07', lastDay: '2026-12-13' });
    expect(periodOf('2028-02-10', 'month')).toEqual({ key: '2028-02', firstDay: '2028-02-01', lastDay: '2028-02-29' });
  });

  it('days start at local midnight, with the offset of that moment', () => {
    expect(isoWithOffset(localDayStartMs('2026-03-08', 'America/Chicago'), 'America/Chicago')).toBe('2026-03-08T00:00:00-06:00');
    expect(isoWithOffset(localDayStartMs('2026-03-09', 'America/Chicago'), 'America/Chicago')).toBe('2026-03-09T00:00:00-05:00');
    expect(localDayStartMs('2026-03-09', 'America/Chicago') - localDayStartMs('2026-03-08', 'America/Chicago')).toBe(23 * 3_600_000);
    expect(localDayStartMs('2026-11-02', 'America/Chicago') - localDayStartMs('2026-11-01', 'America/Chicago')).toBe(25 * 3_600_000);
  });
});

describe('report range', () => {
  const q = (s: string) => new URLSearchParams(s);
  it('refuses a malformed range naming the parameter', () => {
    expect(parseReportRange(q('period=year'), '2026-12-07')).toEqual({
      ok: false,
      error: 'period must be one of day, week, month (got "year")',
    });
    expect(parseReportRange(q('from=2026-02-30'), '2026-12-07')).toMatchObject({
      ok: false,
      error: expect.stringContaining('from must be a day written YYYY-MM-DD'),
    });
    expect(parseReportRange(q('to=yesterday'), '2026-12-07')).toMatchObject({ ok: false, error: expect.stringContaining('to must be') });
    expect(parseReportRange(q('from=2026-12-08&to=2026-12-01'), '2026-12-07')).toMatchObject({
      ok: false,
      error: 'from (2026-12-08) must not be after to (2026-12-01)',
    });
    expect(parseReportRange(q('from=2000-01-01&to=2026-01-01'), '2026-12-07')).toMatchObject({
      ok: false,
      error: expect.stringContaining('longer than'),
    });
  });
  it('widens to whole periods; defaults to the last 31 days, 12 weeks or 12 months', () => {
    expect(parseReportRange(q(''), '2026-12-07')).toEqual({
      ok: true,
      value: { period: 'day', firstDay: '2026-11-07', lastDay: '2026-12-07' },
    });
    expect(parseReportRange(q('period=month'), '2026-12-07')).toEqual({
      ok: true,
      value: { period: 'month', firstDay: '2026-01-01', lastDay: '2026-12-31' },
    });
    expect(parseReportRange(q('period=week&from=2026-12-09&to=2026-12-09'), '2026-12-07')).toEqual({
      ok: true,
      value: { period: 'week', firstDay: '2026-12-07', lastDay: '2026-12-13' },
    });
  });
});
