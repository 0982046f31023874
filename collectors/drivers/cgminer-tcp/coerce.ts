/**
 * Defensive value coercion for cgminer-family replies. Firmware sends the same field as a number on one
 * model and a string on the next ("GHS 5s": "13883.81" vs 110786.79), "" for "no value", and junk
 * sensor readings, so every read goes through these helpers.
 */

/** The first of `keys` that holds a number (hash-rate windows in preference order), or null. */
export function firstNum(row: Record<string, unknown>, keys: readonly string[]): number | null {
  for (const k of keys) {
    const v = num(row[k]);
    if (v !== null) return v;
  }
  return null;
}

/** A finite number from a number or a numeric string; null for "", junk, NaN, Infinity, or anything else. */
export function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** The leading number of a string with a unit or tag ("3250 W", "967.50 (AB)"), or num() of anything else. */
export function leadingNum(v: unknown): number | null {
  if (typeof v !== 'string') return num(v);
  const m = /^\s*(-?\d+(?:\.\d+)?)/.exec(v);
  return m ? Number(m[1]) : null;
}

/** A trimmed non-empty string, or null. */
export function str(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  return s === '' ? null : s;
}

/** A plain object (not an array), or null. */
export function obj(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

// A dash separates two readings only when it follows a digit; a dash at the start or after another dash
// is a minus sign. A bare /-?\d+/ would read "45-47" as [45, -47], and split('-') breaks "2--1".
const DASH_TEMP = /(?:^|(?<=\d)-)(-?\d+(?:\.\d+)?)/g;

/**
 * Antminer dash-joined sensor strings: "2--1-20-22" = [2, -1, 20, 22], "-8--11-10-12" = [-8, -11, 10, 12],
 * "0-0-0-0" = [0, 0, 0, 0] (absent board, see validTempC), "-" = [] (sensor not present).
 */
export function parseDashTemps(s: string): number[] {
  const out: number[] = [];
  for (const m of s.trim().matchAll(DASH_TEMP)) out.push(Number(m[1]));
  return out;
}

/** Plausible sensor range; outside it the firmware is reporting a broken sensor (S9 temp2_7 = -83). */
const MIN_TEMP_C = -20;
const MAX_TEMP_C = 150;

/** A temperature worth showing: null for missing, 0 (cgminer's "no sensor"), and out-of-range junk. */
export function validTempC(v: unknown): number | null {
  const n = num(v);
  if (n === null || n === 0 || n < MIN_TEMP_C || n > MAX_TEMP_C) return null;
  return n;
}

/** The highest of the given values that are not null, or null when there are none. */
export function maxOf(values: Array<number | null>): number | null {
  let best: number | null = null;
  for (const v of values) if (v !== null && (best === null || v > best)) best = v;
  return best;
}

/**
 * Numbered keys of a flat record, e.g. slotNumbers(dev, /^chain_acn(\d+)$/) -> [1, 2, 3, 4], ascending.
 * Antminer stats number chains and fans sparsely (S9 uses chains 6..8), so callers must not assume 1..N.
 */
export function slotNumbers(rec: Record<string, unknown>, ...patterns: RegExp[]): number[] {
  const found = new Set<number>();
  for (const key of Object.keys(rec)) {
    for (const p of patterns) {
      const m = p.exec(key);
      if (m) found.add(Number(m[1]));
    }
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * A short JSON preview of any value for an error message. Never throws: a value nested deeper than
 * JSON.stringify's stack allows (a hostile reply) is shown by its kind instead.
 */
export function previewJson(v: unknown, maxChars = 120): string {
  let s: string | undefined;
  try {
    s = JSON.stringify(v);
  } catch {
    s = Array.isArray(v) ? '[…]' : typeof v === 'object' && v !== null ? '{…}' : typeof v;
  }
  if (s === undefined) return typeof v;
  return s.length > maxChars ? `${s.slice(0, maxChars)}…` : s;
}
