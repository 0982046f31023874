/**
 * What a site form or the sites API may send: a name, an IANA time zone, a currency, the PUE and the
 * default pool fee. Pure: each refusal names the field, the rule and the value given.
 */
import { siteEconomicsErrors } from './site-economics';
import { CURRENCIES } from '../domain/network';
import { describeValue } from '../util/describe-value';
import { err, ok, type Parsed } from '../util/result';

/** The fields of a site an operator edits (the tariff has its own route). */
export interface SiteFields {
  name: string;
  /** IANA time zone, stored in its canonical spelling (e.g. "Europe/Berlin"). */
  timeZone: string;
  currency: string;
  /** Facility overhead factor, 1..3. */
  pue: number;
  /** Default pool fee of the site's rigs, percent 0..100. */
  poolFeePct: number;
}

export const SITE_FIELDS = ['name', 'timeZone', 'currency', 'pue', 'poolFeePct'] as const;
export const SITE_NAME_MAX_CHARS = 64;

/** Defaults of a new site for the fields left out (the schema's defaults). */
export const NEW_SITE_DEFAULTS: Omit<SiteFields, 'name'> = { timeZone: 'UTC', currency: 'USD', pue: 1, poolFeePct: 2 };

export type SiteInput<T> = Parsed<T>;

/** The canonical IANA name of `timeZone` ("utc" -> "UTC"), or null when Intl does not know it. */
export function canonicalTimeZone(timeZone: string): string | null {
  if (timeZone.trim() === '') return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: timeZone.trim() }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function shown(v: unknown): string {
  return describeValue(v);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates the fields present in `body`; `requireName` for a new site. */
function readFields(body: unknown, requireName: boolean): SiteInput<Partial<SiteFields>> {
  if (!isObject(body)) return err(['the body must be a JSON object']);
  const errors: string[] = [];
  const unknown = Object.keys(body).filter((k) => !(SITE_FIELDS as readonly string[]).includes(k));
  if (unknown.length > 0) errors.push(`unknown field(s): ${unknown.join(', ')} (allowed: ${SITE_FIELDS.join(', ')})`);
  const out: Partial<SiteFields> = {};

  if (body.name !== undefined || requireName) {
    const name = body.name;
    if (typeof name !== 'string') errors.push(name === undefined ? 'name is required' : `name must be text (got ${shown(name)})`);
    else if (name.trim() === '') errors.push('name must not be empty');
    else if (name.trim().length > SITE_NAME_MAX_CHARS)
      errors.push(`name must be at most ${SITE_NAME_MAX_CHARS} characters (got ${name.trim().length})`);
    else out.name = name.trim();
  }
  if (body.timeZone !== undefined) {
    const tz = body.timeZone;
    const canonical = typeof tz === 'string' ? canonicalTimeZone(tz) : null;
    if (canonical === null)
      errors.push(`timeZone must be an IANA time zone such as Europe/Berlin, America/Chicago or UTC (got ${shown(tz)})`);
    else out.timeZone = canonical;
  }
  if (body.currency !== undefined) {
    if (typeof body.currency !== 'string') errors.push(`currency must be one of ${CURRENCIES.join(', ')} (got ${shown(body.currency)})`);
    else out.currency = body.currency.trim().toUpperCase();
  }
  for (const key of ['pue', 'poolFeePct'] as const) {
    const v = body[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) errors.push(`${key} must be a number (got ${shown(v)})`);
    else out[key] = v;
  }
  errors.push(...siteEconomicsErrors({ pue: out.pue, poolFeePct: out.poolFeePct, currency: out.currency }));
  return errors.length > 0 ? err(errors) : ok(out);
}

/** A change to an existing site: any of SITE_FIELDS, at least one. */
export function parseSitePatch(body: unknown): SiteInput<Partial<SiteFields>> {
  const read = readFields(body, false);
  if (read.ok && Object.keys(read.value).length === 0) return err([`nothing to change: send any of ${SITE_FIELDS.join(', ')}`]);
  return read;
}

/** A new site: a name is required, the other fields default to NEW_SITE_DEFAULTS. */
export function parseNewSite(body: unknown): SiteInput<SiteFields> {
  const read = readFields(body, true);
  if (!read.ok) return read;
  return ok({ ...NEW_SITE_DEFAULTS, ...read.value } as SiteFields);
}
