/**
 * Parsing of the what-if fields (pure). Operators type numbers the way they read them: "90,000",
 * "148T" or "1.48e14" for a difficulty, "0.036" BTC. Anything else gets a message saying what is wrong,
 * written for the field it belongs to.
 */
import { err, ok, type Result } from '../../../lib/util/result';

/** A parsed field: the number, or why it was refused. `value` null means "left empty" where allowed. */
export type ParsedField = Result<number | null, string>;

/** What a field accepts. */
export interface FieldRule {
  /** Empty input is allowed and means "use the default" (the sites' own tariffs). */
  allowEmpty?: boolean;
  /** Zero is refused (a difficulty of 0 would divide by zero). */
  positive?: boolean;
  /** Accept a K/M/G/T/P/E suffix (difficulty). */
  siSuffix?: boolean;
}

const SI: Record<string, number> = { k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15, e: 1e18 };
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Parses one field's text by its rule. */
export function parseField(text: string, rule: FieldRule = {}): ParsedField {
  let s = text.trim().replace(/,/g, '').replace(/\s+/g, '');
  if (s === '') return rule.allowEmpty ? ok(null) : err('Enter a number.');
  let scale = 1;
  const suffix = s.slice(-1).toLowerCase();
  // Only a trailing letter after a digit or point is a prefix ("148T", "1E" = 1 exa); the "e" inside
  // "1.48e14" is not trailing, so exponent notation still reaches the number check below.
  if (rule.siSuffix && suffix in SI && /[\d.]$/.test(s.slice(0, -1))) {
    scale = SI[suffix];
    s = s.slice(0, -1);
  }
  if (!NUMBER.test(s)) {
    return err(rule.siSuffix ? 'Not a number: use e.g. 148T or 1.48e14.' : 'Not a number.');
  }
  const value = Number(s) * scale;
  if (!Number.isFinite(value)) return err('Number too large.');
  if (value < 0) return err('Must not be negative.');
  if (rule.positive && value === 0) return err('Must be above zero.');
  return ok(value);
}

/** A live value as the text a field starts with: short enough to read and edit on a phone. */
export function fieldText(value: number | null, kind: 'price' | 'difficulty' | 'btc' | 'tariff'): string {
  if (value === null || !Number.isFinite(value)) return '';
  if (kind === 'difficulty') return `${Number((value / 1e12).toPrecision(6))}T`;
  if (kind === 'btc') return String(Number(value.toFixed(8)));
  if (kind === 'price') return String(Math.round(value * 100) / 100);
  return String(value);
}
