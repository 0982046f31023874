/**
 * Quiet hours by the local wall clock. DST in Europe/Berlin, 2024: spring forward Sun 31 Mar at 01:00 UTC
 * (02:00 CET -> 03:00 CEST), fall back Sun 27 Oct at 01:00 UTC (03:00 CEST -> 02:00 CET).
 */
import { describe, expect, it } from 'vitest';
import { inQuietHours, quietHoursEndMs } from '../../../lib/notify';

const NIGHT_UTC = { start: '22:00', end: '07:00', timeZone: 'UTC' };
const NIGHT_BERLIN = { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' };
const utc = (d: number, h: number, m = 0, month = 6) => Date.UTC(2024, month, d, h, m);

describe('inQuietHours across midnight', () => {
  it('quiet from 22:00 inclusive to 07:00 exclusive', () => {
    expect(inQuietHours(utc(1, 21, 59), NIGHT_UTC)).toBe(false);
    expect(inQuietHours(utc(1, 22, 0), NIGHT_UTC)).toBe(true);
    expect(inQuietHours(utc(1, 23, 59), NIGHT_UTC)).toBe(true);
    expect(inQuietHours(utc(2, 0, 0), NIGHT_UTC)).toBe(true);
    expect(inQuietHours(utc(2, 6, 59), NIGHT_UTC)).toBe(true);
    expect(inQuietHours(utc(2, 7, 0), NIGHT_UTC)).toBe(false);
    expect(inQuietHours(utc(2, 12, 0), NIGHT_UTC)).toBe(false);
  });

  it('a window within one day', () => {
    const lunch = { start: '12:00', end: '13:30', timeZone: 'UTC' };
    expect(inQuietHours(utc(1, 11, 59), lunch)).toBe(false);
    expect(inQuietHours(utc(1, 12, 0), lunch)).toBe(true);
    expect(inQuietHours(utc(1, 13, 29), lunch)).toBe(true);
    expect(inQuietHours(utc(1, 13, 30), lunch)).toBe(false);
  });

  it('start equal to end is never quiet', () => {
    expect(inQuietHours(utc(1, 22, 0), { start: '22:00', end: '22:00', timeZone: 'UTC' })).toBe(false);
  });

  it('reads the local clock of the zone: 21:30 UTC in July is 23:30 in Berlin', () => {
    expect(inQuietHours(utc(1, 21, 30), NIGHT_BERLIN)).toBe(true);
    expect(inQuietHours(utc(1, 19, 59), NIGHT_BERLIN)).toBe(false); // 21:59 CEST
    expect(inQuietHours(utc(1, 20, 0), NIGHT_BERLIN)).toBe(true); // 22:00 CEST
  });
});

describe('inQuietHours across DST in Europe/Berlin', () => {
  it('spring forward: the night still ends at 07:00 local, which is 05:00 UTC (CEST)', () => {
    expect(inQuietHours(Date.UTC(2024, 2, 31, 0, 59), NIGHT_BERLIN)).toBe(true); // 01:59 CET
    expect(inQuietHours(Date.UTC(2024, 2, 31, 1, 0), NIGHT_BERLIN)).toBe(true); // 03:00 CEST
    expect(inQuietHours(Date.UTC(2024, 2, 31, 4, 59), NIGHT_BERLIN)).toBe(true); // 06:59 CEST
    expect(inQuietHours(Date.UTC(2024, 2, 31, 5, 0), NIGHT_BERLIN)).toBe(false); // 07:00 CEST
  });

  it('fall back: the night ends at 07:00 local, which is 06:00 UTC (CET)', () => {
    expect(inQuietHours(Date.UTC(2024, 9, 27, 5, 0), NIGHT_BERLIN)).toBe(true); // 06:00 CET
    expect(inQuietHours(Date.UTC(2024, 9, 27, 5, 59), NIGHT_BERLIN)).toBe(true); // 06:59 CET
    expect(inQuietHours(Date.UTC(2024, 9, 27, 6, 0), NIGHT_BERLIN)).toBe(false); // 07:00 CET
  });

  it('a window on the repeated hour is quiet both times it happens', () => {
    const repeated = { start: '02:00', end: '03:00', timeZone: 'Europe/Berlin' };
    expect(inQuietHours(Date.UTC(2024, 9, 27, 0, 30), repeated)).toBe(true); // 02:30 CEST
    expect(inQuietHours(Date.UTC(2024, 9, 27, 1, 30), repeated)).toBe(true); // 02:30 CET
    expect(inQuietHours(Date.UTC(2024, 9, 27, 2, 0), repeated)).toBe(false); // 03:00 CET
  });
});

describe('quietHoursEndMs', () => {
  it('is now when not quiet', () => {
    expect(quietHoursEndMs(utc(1, 12, 0), NIGHT_UTC)).toBe(utc(1, 12, 0));
  });

  it('is the next 07:00 across midnight', () => {
    expect(quietHoursEndMs(utc(1, 22, 0) + 12_345, NIGHT_UTC)).toBe(utc(2, 7, 0));
    expect(quietHoursEndMs(utc(2, 6, 59) + 59_999, NIGHT_UTC)).toBe(utc(2, 7, 0));
  });

  it('in Berlin the short and the long night end at 07:00 local', () => {
    expect(quietHoursEndMs(Date.UTC(2024, 2, 30, 21, 0), NIGHT_BERLIN)).toBe(Date.UTC(2024, 2, 31, 5, 0));
    expect(quietHoursEndMs(Date.UTC(2024, 9, 26, 20, 0), NIGHT_BERLIN)).toBe(Date.UTC(2024, 9, 27, 6, 0));
  });

  it('when the end time does not exist (02:30 on the spring-forward night) it is 03:00 CEST', () => {
    const gap = { start: '01:00', end: '02:30', timeZone: 'Europe/Berlin' };
    expect(quietHoursEndMs(Date.UTC(2024, 2, 31, 0, 10), gap)).toBe(Date.UTC(2024, 2, 31, 1, 0));
  });
});

describe('quiet hours errors', () => {
  it('names the malformed field and the unknown zone', () => {
    expect(() => inQuietHours(0, { start: '24:00', end: '07:00', timeZone: 'UTC' })).toThrow(
      'quiet hours start must be HH:MM from 00:00 to 23:59 (got "24:00")',
    );
    expect(() => inQuietHours(0, { start: '22:00', end: '7:00', timeZone: 'UTC' })).toThrow('quiet hours end must be HH:MM');
    expect(() => inQuietHours(0, { start: '22:00', end: '07:00', timeZone: 'Mars/Olympus' })).toThrow(
      'quiet hours time zone "Mars/Olympus" is not a known IANA time zone',
    );
  });
});
