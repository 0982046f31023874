import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatBytes,
  formatClockTime,
  formatHashrateThs,
  formatJth,
  formatPowerW,
  formatRetentionMs,
  formatSharePercent,
  formatTempC,
  hashrateThsParts,
  powerWParts,
} from '../../../lib/format/units';

describe('formatHashrateThs', () => {
  it.each([
    [110.84, '110.8 TH/s'],
    [0, '0.0 TH/s'],
    [999.94, '999.9 TH/s'],
    // Rounds to 1,000.0 TH/s, so it is shown in PH/s instead.
    [999.96, '1.00 PH/s'],
    [5310, '5.31 PH/s'],
    [12_345_678, '12,345.68 PH/s'],
    [-0.01, '0.0 TH/s'],
    // Below 0.95 TH/s one prefix down: a Bitaxe half asleep, GPU rigs in MH/s.
    [0.94, '940.0 GH/s'],
    [0.96, '1.0 TH/s'],
    [480e-6, '480.0 MH/s'],
    [450e-12, '450.0 H/s'],
    [null, '—'],
    [undefined, '—'],
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('formats %s as %s', (ths, expected) => {
    expect(formatHashrateThs(ths)).toBe(expected);
  });

  it('splits value and unit for KPI tiles', () => {
    expect(hashrateThsParts(5310)).toEqual({ value: '5.31', unit: 'PH/s' });
    expect(hashrateThsParts(null)).toEqual({ value: '—', unit: '' });
  });
});

describe('formatPowerW', () => {
  it.each([
    [0, '0 W'],
    [850.4, '850 W'],
    [3250, '3,250 W'],
    [9999.4, '9,999 W'],
    // Rounds to 10,000 W, the first kW value.
    [9999.6, '10.0 kW'],
    [156_210, '156.2 kW'],
    [999_949, '999.9 kW'],
    // Rounds to 1,000.0 kW, so it is shown in MW instead.
    [999_960, '1.00 MW'],
    [1_234_000, '1.23 MW'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('formats %s as %s', (w, expected) => {
    expect(formatPowerW(w)).toBe(expected);
  });

  it('splits value and unit for KPI tiles', () => {
    expect(powerWParts(156_210)).toEqual({ value: '156.2', unit: 'kW' });
  });
});

describe('formatJth, formatTempC, formatSharePercent', () => {
  it.each([
    [21.54, '21.5 J/TH'],
    [1234.5, '1,234.5 J/TH'],
    [null, '—'],
  ])('efficiency %s -> %s', (jth, expected) => {
    expect(formatJth(jth)).toBe(expected);
  });

  it.each([
    [72.4, '72 °C'],
    [72.5, '73 °C'],
    [-3, '-3 °C'],
    [null, '—'],
  ])('temperature %s -> %s', (c, expected) => {
    expect(formatTempC(c)).toBe(expected);
  });

  it.each([
    [0.083, '8%'],
    [1, '100%'],
    [0, '0%'],
    [null, '—'],
  ])('share %s -> %s', (share, expected) => {
    expect(formatSharePercent(share)).toBe(expected);
  });
});

describe('formatAge', () => {
  it.each([
    [0, '0 s ago'],
    [12_400, '12 s ago'],
    [59_999, '59 s ago'],
    [60_000, '1 min ago'],
    [3 * 60_000 + 59_000, '3 min ago'],
    [59 * 60_000, '59 min ago'],
    [2 * 3_600_000 + 10 * 60_000, '2 h ago'],
    [47 * 3_600_000, '47 h ago'],
    [4 * 86_400_000, '4 d ago'],
    // Clock skew between server and browser must not print a negative age.
    [-5_000, '0 s ago'],
    [null, '—'],
  ])('%s ms -> %s', (ms, expected) => {
    expect(formatAge(ms)).toBe(expected);
  });
});

describe('formatClockTime', () => {
  it.each([
    [Date.UTC(2025, 0, 2, 9, 5, 59), 'UTC', '09:05'],
    [Date.UTC(2025, 0, 2, 0, 0), 'UTC', '00:00'],
    [Date.UTC(2025, 0, 2, 23, 59), 'UTC', '23:59'],
    [Date.UTC(2025, 6, 1, 12, 30), 'Europe/Berlin', '14:30'],
    [null, 'UTC', '—'],
  ])('%s in %s -> %s', (ts, tz, expected) => {
    expect(formatClockTime(ts, tz)).toBe(expected);
  });

  it('uses the local zone when none is given', () => {
    expect(formatClockTime(Date.UTC(2025, 0, 2, 9, 5))).toMatch(/^\d\d:\d\d$/);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1,023 B'],
    [1536, '1.5 KiB'],
    [1024 * 1024 - 40, '1.0 MiB'],
    [24_536_678, '23.4 MiB'],
    [5 * 1024 ** 3, '5.0 GiB'],
    [3 * 1024 ** 4, '3.0 TiB'],
    [Number.NaN, '—'],
    [null, '—'],
  ])('%s -> %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});

describe('formatRetentionMs', () => {
  it.each([
    [48 * 3_600_000, '48 h'],
    [90 * 60_000, '1.5 h'],
    [30 * 86_400_000, '30 d'],
    [730 * 86_400_000, '730 d'],
    [undefined, '—'],
  ])('%s -> %s', (ms, expected) => {
    expect(formatRetentionMs(ms)).toBe(expected);
  });
});
