/**
 * Pure display formatters for operator-facing numbers. Every formatter pins the 'en-US' locale so the
 * server render and the browser render agree (no hydration mismatch) and tests see literal strings.
 * A missing or non-finite value renders as an em dash rather than "NaN" or "0".
 */

/** Shown wherever a value is unknown. */
export const MISSING = '—';

/** A formatted number split from its unit, so a KPI can size them differently. */
export interface ValueWithUnit {
  value: string;
  /** Empty when the value is missing. */
  unit: string;
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** en-US grouping with a fixed number of decimals; 'negative' avoids a "-0.0" for tiny negatives. */
function fixed(n: number, decimals: number): string {
  let nf = numberFormats.get(decimals);
  if (!nf) {
    nf = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      signDisplay: 'negative',
    });
    numberFormats.set(decimals, nf);
  }
  return nf.format(n);
}

function isNumber(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** Rounds the way `fixed` will, so unit thresholds are decided on the displayed value. */
function roundTo(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}

function joined(p: ValueWithUnit): string {
  return p.unit ? `${p.value} ${p.unit}` : p.value;
}

const SMALL_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['GH/s', 1e3],
  ['MH/s', 1e6],
  ['kH/s', 1e9],
  ['H/s', 1e12],
];

/** Hash rate parts: TH/s with one decimal, PH/s with two from 1,000 TH/s (after rounding). */
export function hashrateThsParts(ths: number | null | undefined): ValueWithUnit {
  if (!isNumber(ths)) return { value: MISSING, unit: '' };
  // GPU rigs and small ASICs: below 0.95 TH/s the value reads better one prefix down (480.0 MH/s).
  if (ths > 0 && roundTo(ths, 1) < 1) {
    for (const [unit, perTh] of SMALL_UNITS) {
      if (ths * perTh >= 0.95 || unit === 'H/s') return { value: fixed(ths * perTh, 1), unit };
    }
  }
  // 999.96 TH/s would round to "1,000.0 TH/s"; switch unit on the rounded value instead.
  if (Math.abs(roundTo(ths, 1)) >= 1000) return { value: fixed(ths / 1000, 2), unit: 'PH/s' };
  return { value: fixed(ths, 1), unit: 'TH/s' };
}

/** "110.8 TH/s", "5.31 PH/s", "—". */
export function formatHashrateThs(ths: number | null | undefined): string {
  return joined(hashrateThsParts(ths));
}

/** Power parts: whole W below 10 kW, kW with one decimal below 1 MW, MW with two decimals above. */
export function powerWParts(w: number | null | undefined): ValueWithUnit {
  if (!isNumber(w)) return { value: MISSING, unit: '' };
  const abs = Math.abs(w);
  if (roundTo(abs / 1000, 1) >= 1000) return { value: fixed(w / 1_000_000, 2), unit: 'MW' };
  if (Math.round(abs) >= 10_000) return { value: fixed(w / 1000, 1), unit: 'kW' };
  return { value: fixed(w, 0), unit: 'W' };
}

/** "3,250 W", "156.2 kW", "1.23 MW", "—". */
export function formatPowerW(w: number | null | undefined): string {
  return joined(powerWParts(w));
}

/** Efficiency parts: J/TH with one decimal. */
export function efficiencyJthParts(jth: number | null | undefined): ValueWithUnit {
  if (!isNumber(jth)) return { value: MISSING, unit: '' };
  return { value: fixed(jth, 1), unit: 'J/TH' };
}

/** "21.5 J/TH", "—". */
export function formatJth(jth: number | null | undefined): string {
  return joined(efficiencyJthParts(jth));
}

/** "72 °C" (whole degrees: sensor precision does not justify decimals), "—". */
export function formatTempC(tempC: number | null | undefined): string {
  if (!isNumber(tempC)) return MISSING;
  return `${fixed(tempC, 0)} °C`;
}

/** A 0..1 share as a whole percent: 0.083 -> "8%", "—". */
export function formatSharePercent(share: number | null | undefined): string {
  if (!isNumber(share)) return MISSING;
  return `${fixed(share * 100, 0)}%`;
}

/**
 * How long ago, from an age in milliseconds: "12 s ago", "3 min ago", "2 h ago", "4 d ago", "—".
 * Floors each unit (a rig seen 59 s ago is not "1 min ago"); a negative age from clock skew reads "0 s ago".
 */
export function formatAge(ageMs: number | null | undefined): string {
  if (!isNumber(ageMs)) return MISSING;
  const s = Math.floor(Math.max(0, ageMs) / 1000);
  if (s < 60) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ago`;
  return `${fixed(Math.floor(h / 24), 0)} d ago`;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * 24-hour "HH:MM" of an epoch-ms timestamp, in `timeZone` (an IANA name) or the viewer's local zone when
 * omitted. hourCycle 'h23' because some engines render midnight as "24:00" with hour12: false.
 */
export function formatClockTime(tsMs: number | null | undefined, timeZone?: string): string {
  if (!isNumber(tsMs)) return MISSING;
  const key = timeZone ?? '';
  let df = clockFormats.get(key);
  if (!df) {
    df = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    clockFormats.set(key, df);
  }
  return df.format(tsMs);
}

const BYTE_UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

/** Sizes on disk in binary units: "512 B", "1.5 KiB", "23.4 MiB", "1.2 GiB", "—". */
export function formatBytes(bytes: number | null | undefined): string {
  if (!isNumber(bytes)) return MISSING;
  if (Math.abs(bytes) < 1024) return `${fixed(bytes, 0)} B`;
  let v = bytes / 1024;
  let unit = 0;
  // Decide on the rounded value, so 1023.96 KiB reads "1.0 MiB" rather than "1,024.0 KiB".
  while (roundTo(Math.abs(v), 1) >= 1024 && unit < BYTE_UNITS.length - 1) {
    v /= 1024;
    unit++;
  }
  return `${fixed(v, 1)} ${BYTE_UNITS[unit]}`;
}

/** A retention window: whole hours up to 3 days ("48 h"), then days ("30 d", "730 d"), "—". */
export function formatRetentionMs(ms: number | null | undefined): string {
  if (!isNumber(ms)) return MISSING;
  const hours = ms / 3_600_000;
  if (hours < 72) return `${fixed(hours, Number.isInteger(hours) ? 0 : 1)} h`;
  const days = hours / 24;
  return `${fixed(days, Number.isInteger(days) ? 0 : 1)} d`;
}
