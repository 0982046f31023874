/**
 * What a site form or the sites API may send: a name, an IANA time zone, a currency, the PUE and the
 * default pool fee. Pure: each refusal names the field, the rule and the value given (worded in the schema,
 * zod-issues.ts lists them).
 */
import { siteEconomicsErrors } from './site-economics';
import { CURRENCIES } from '../domain/network';
import { describeValue } from '../util/describe-value';
import { err, ok, type Parsed } from '../util/result';
import { z } from '../util/zod-browser';
import { requiredTextSchema } from '../util/zod-text';
import { asWritten, issueMessages } from '../util/zod-issues';

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

const shown = (v: unknown): string => describeValue(v);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const siteName = requiredTextSchema('name', SITE_NAME_MAX_CHARS);

const timeZone = z.unknown().transform((tz, ctx) => {
  const canonical = typeof tz === 'string' ? canonicalTimeZone(tz) : null;
  if (canonical === null)
    ctx.addIssue({
      code: 'custom',
      message: `timeZone must be an IANA time zone such as Europe/Berlin, America/Chicago or UTC (got ${shown(tz)})`,
    });
  return canonical ?? '';
});

const finiteNumber = (key: string) => z.number({ error: (iss) => `${key} must be a number (got ${shown(iss.input)})` });

/** True for a number the schema accepted (a refused field keeps the value given). */
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The fields' shapes, then their ranges (siteEconomicsErrors, the rule lib/db checks again), after every shape. */
function siteSchema(requireName: boolean) {
  return z
    .object({
      name: requireName ? siteName : siteName.optional(),
      timeZone: timeZone.optional(),
      currency: z
        .string({ error: (iss) => `currency must be one of ${CURRENCIES.join(', ')} (got ${shown(iss.input)})` })
        .transform((c) => c.trim().toUpperCase())
        .optional(),
      pue: finiteNumber('pue').optional(),
      poolFeePct: finiteNumber('poolFeePct').optional(),
    })
    .check(
      z.superRefine(
        (b, ctx) => {
          const economics = {
            pue: isFiniteNumber(b.pue) ? b.pue : undefined,
            poolFeePct: isFiniteNumber(b.poolFeePct) ? b.poolFeePct : undefined,
            currency: typeof b.currency === 'string' ? b.currency : undefined,
          };
          for (const message of siteEconomicsErrors(economics)) ctx.addIssue({ code: 'custom', message });
        },
        { when: () => true }, // also when another field is wrong: every problem is named at once
      ),
    );
}

/** Validates the fields present in `body`; `requireName` for a new site. */
function readFields(body: unknown, requireName: boolean): SiteInput<Partial<SiteFields>> {
  if (!isObject(body)) return err(['the body must be a JSON object']);
  // Unknown fields are named first, as they always were (zod would name them last).
  const unknown = Object.keys(body).filter((k) => !(SITE_FIELDS as readonly string[]).includes(k));
  const errors = unknown.length > 0 ? [`unknown field(s): ${unknown.join(', ')} (allowed: ${SITE_FIELDS.join(', ')})`] : [];
  const result = siteSchema(requireName).safeParse(body);
  if (!result.success) errors.push(...issueMessages(result.error.issues, asWritten('the site'), Number.MAX_SAFE_INTEGER));
  if (!result.success || errors.length > 0) return err(errors);
  // A field sent as undefined is a field left out.
  return ok(Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined)) as Partial<SiteFields>);
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
