/**
 * Small checked readers for untrusted JSON from sources. Each failure is a SourceError('unexpected') that
 * names the field, so "reward-stats: totalFee is missing" reaches the operator instead of NaN in a chart.
 */
import { describeValue } from '../../lib/util/describe-value';
import { SourceError } from './http';

/** Throws the error every reader here uses. */
export function unexpected(what: string): never {
  throw new SourceError('unexpected', what);
}

/** A JSON object (not null, not an array). */
export function record(x: unknown, what: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) unexpected(`${what} is not an object`);
  return x as Record<string, unknown>;
}

/** A finite JSON number, or a string holding one ("127603936523714", "4.1e+18"). */
export function numeric(x: unknown, what: string): number {
  if (typeof x === 'number' && Number.isFinite(x)) return x;
  if (typeof x === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(x)) return Number(x);
  if (x === undefined || x === null) unexpected(`${what} is missing`);
  return unexpected(`${what} is not a number: ${describeValue(x, 40)}`);
}

/** Like numeric(), but null when the field is absent or null. */
export function optionalNumeric(x: unknown, what: string): number | null {
  return x === undefined || x === null ? null : numeric(x, what);
}

/** A whole number >= 0. */
export function count(x: unknown, what: string): number {
  const n = numeric(x, what);
  if (!Number.isInteger(n) || n < 0) unexpected(`${what} is not a whole number: ${n}`);
  return n;
}

/** A non-empty string. */
export function text(x: unknown, what: string): string {
  if (typeof x !== 'string' || x === '') unexpected(`${what} is not a non-empty string`);
  return x;
}

/** Integer satoshis from BTC as a decimal string ("0.000166667") or number; extra digits round half up. */
export function btcToSats(x: unknown, what: string): number {
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) unexpected(`${what} is not a number`);
    return Math.round(x * 1e8);
  }
  if (typeof x !== 'string')
    return x === undefined || x === null ? unexpected(`${what} is missing`) : unexpected(`${what} is not a BTC amount`);
  const m = /^\s*(-?)(\d*)(?:\.(\d*))?\s*$/.exec(x);
  if (!m || (m[2] === '' && !m[3])) unexpected(`${what} is not a BTC amount: ${describeValue(x, 40)}`);
  // Decimal arithmetic on the digits: "0.1" must be 10,000,000 sats exactly, not 9,999,999.99.
  const frac = (m[3] ?? '').padEnd(9, '0');
  let sats = BigInt(m[2] || '0') * 100_000_000n + BigInt(frac.slice(0, 8));
  if (Number(frac[8]) >= 5) sats += 1n;
  return Number(m[1] === '-' ? -sats : sats);
}

/** Like btcToSats(), but null when the field is absent or null. */
export function optionalSats(x: unknown, what: string): number | null {
  return x === undefined || x === null ? null : btcToSats(x, what);
}

/** TH/s from H/s (number or string). */
export function hpsToThs(x: unknown, what: string): number {
  return numeric(x, what) / 1e12;
}

/** Powers of ten from each unit to TH/s (divide for the small ones: 12889 / 1000 is exactly 12.889). */
const UNIT_EXP_THS: Readonly<Record<string, number>> = { h: -12, kh: -9, mh: -6, gh: -3, th: 0, ph: 3, eh: 6 };

/** TH/s from a value in a named unit ("Gh/s", "Th/s", "PH/s", "GH"...). */
export function unitToThs(x: unknown, unit: unknown, what: string): number {
  const key =
    typeof unit === 'string'
      ? unit
          .trim()
          .toLowerCase()
          .replace(/\/s$|s$/, '')
      : '';
  const exp = UNIT_EXP_THS[key];
  if (exp === undefined) unexpected(`${what}: unknown hash rate unit ${describeValue(unit, 40)}`);
  const value = numeric(x, what);
  return exp < 0 ? value / 10 ** -exp : value * 10 ** exp;
}
