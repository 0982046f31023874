/**
 * What the pools form and API may send for a pool account: name, kind, API base, the kind's
 * credentials, fee and the text that matches rigs to it. Pure: refusals name the field, the rule and the
 * value; secrets read "<redacted>" and a "<redacted>" sent back keeps the stored secret while the account
 * is read from the same API (redacted-secret.ts: a new baseUrl needs the secrets typed again). The messages
 * are worded in the schema; zod-issues.ts lists them.
 */
import { MAX_POOL_FEE_PCT } from './pool-fee';
import type { PoolConfig } from '../domain/pool-config';
import { POOL_KIND_NAMES, poolKindInfo } from '../domain/pool-kinds';
import { keepRedactedSecret, urlDestination } from './redacted-secret';
import { describeValue } from '../util/describe-value';
import { REDACTED } from './redacted-secret';
import { err, ok, type Parsed } from '../util/result';
import { z } from '../util/zod-browser';
import { asWritten, issueMessages } from '../util/zod-issues';
import { requiredTextSchema } from '../util/zod-text';

export const POOL_FIELDS = ['name', 'kind', 'baseUrl', 'credentials', 'feePct', 'matchUrl'] as const;
export const POOL_NAME_MAX_CHARS = 64;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const shown = (v: unknown) => describeValue(v);

/** The API base as given (trimmed), '' for the kind's public API; null when it is not an http(s) URL. */
function readBaseUrl(v: unknown): string | null {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return '';
  if (typeof v !== 'string') return null;
  try {
    const url = new URL(v.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? v.trim() : null;
  } catch {
    return null;
  }
}

/** The kind as stored (trimmed, lower case); '' when not text. */
const readKind = (v: unknown): string => (typeof v === 'string' ? v.trim().toLowerCase() : '');

/** Where a pool's credentials go: its API base, or the kind's public one when none is set. */
function poolDestination(kind: string, baseUrl: string): string | null {
  return urlDestination(baseUrl.trim() || poolKindInfo(kind)?.defaultBaseUrl);
}

/** A field any value may fill, read (or refused, with a message) by `read`; zod runs it for an absent field too. */
function readWith<T>(read: (raw: unknown, refuse: (message: string) => void) => T) {
  return z
    .unknown()
    .optional()
    .transform((raw, ctx) => read(raw, (message) => ctx.addIssue({ code: 'custom', message })));
}

/** The kind's credentials: the ones it names, each required, a secret sent back as "<redacted>" kept (redacted-secret.ts). */
function credentialsSchema(kind: string, baseUrl: string, stored: PoolConfig | null) {
  const info = poolKindInfo(kind);
  const allowed = info?.credentials.map((c) => c.key) ?? [];
  const same = stored?.kind === kind;
  const shape = Object.fromEntries(
    (info?.credentials ?? []).map((c) => [
      c.key,
      readWith((given, refuse) => {
        let value = given;
        if (c.secret) {
          const kept = keepRedactedSecret({
            field: `credentials.${c.key}`,
            given,
            stored: same ? stored.credentials[c.key] : null,
            destination: poolDestination(kind, baseUrl),
            storedDestination: same ? poolDestination(kind, stored.baseUrl) : null,
          });
          if (!kept.ok) return refuse(kept.error);
          value = kept.value;
        }
        if (typeof value === 'string' && value.trim() !== '') return value.trim();
        refuse(
          value === undefined || typeof value === 'string'
            ? `credentials.${c.key} is required for ${kind} (${c.label})`
            : `credentials.${c.key} must be text (got ${shown(value)})`,
        );
      }),
    ]),
  );
  const fields = z.object(shape);
  return readWith((v, refuse): Record<string, string> => {
    if (!info) return {}; // the kind is refused on its own
    if (v !== undefined && !isObj(v)) {
      refuse(`credentials must be an object (got ${shown(v)})`);
      return {};
    }
    const given = v ?? {};
    // Unknown credentials are named before the missing ones, as they always were.
    const unknown = Object.keys(given).filter((k) => !allowed.includes(k));
    if (unknown.length > 0) refuse(`unknown credential(s) for ${kind}: ${unknown.join(', ')} (it needs ${allowed.join(', ')})`);
    const read = fields.safeParse(given);
    if (!read.success) for (const issue of read.error.issues) refuse(issue.message);
    return read.success ? (read.data as Record<string, string>) : {};
  });
}

/** A pool account's fields in the order their messages have always come (the fee last). */
function poolSchema(kind: string, baseUrl: string, stored: PoolConfig | null) {
  return z.object({
    name: requiredTextSchema('name', POOL_NAME_MAX_CHARS),
    kind: readWith((raw, refuse) => {
      if (!poolKindInfo(kind)) refuse(`kind must be one of ${POOL_KIND_NAMES.join(', ')} (got ${shown(raw)})`);
      return kind;
    }),
    baseUrl: readWith((raw, refuse) => {
      if (readBaseUrl(raw) === null)
        refuse(`baseUrl must be an http:// or https:// URL, or empty for the pool's public API (got ${shown(raw)})`);
      return baseUrl;
    }),
    credentials: credentialsSchema(kind, baseUrl, stored),
    matchUrl: requiredTextSchema('matchUrl', 500),
    feePct: readWith((raw, refuse) => {
      const fee = raw ?? 2;
      if (typeof fee === 'number' && Number.isFinite(fee) && fee >= 0 && fee <= MAX_POOL_FEE_PCT) return fee;
      refuse(`feePct must be a number from 0 to ${MAX_POOL_FEE_PCT} percent (got ${shown(fee)})`);
      return 0;
    }),
  });
}

/** Validates a whole pool account; `stored` (when editing) supplies secrets sent back as "<redacted>". */
export function parsePoolInput(body: unknown, stored: PoolConfig | null): Parsed<PoolConfig> {
  if (!isObj(body)) return err(['the body must be a JSON object']);
  // Unknown fields are named first, as they always were (zod would name them last).
  const unknown = Object.keys(body).filter((k) => !(POOL_FIELDS as readonly string[]).includes(k));
  const errors = unknown.length > 0 ? [`unknown field(s): ${unknown.join(', ')} (allowed: ${POOL_FIELDS.join(', ')})`] : [];
  // The credentials a kind needs, and where they go, depend on the kind and the API base: read first.
  const result = poolSchema(readKind(body.kind), readBaseUrl(body.baseUrl) ?? '', stored).safeParse(body);
  if (!result.success) errors.push(...issueMessages(result.error.issues, asWritten('the pool'), Number.MAX_SAFE_INTEGER));
  if (!result.success || errors.length > 0) return err(errors);
  const { name, kind, baseUrl, credentials, feePct, matchUrl } = result.data;
  return ok({ name, kind, baseUrl, credentials, feePct, matchUrl });
}

/** The pool as the API and the screen show it: each secret credential as "<redacted>". */
export function redactPool(pool: PoolConfig): PoolConfig {
  const info = poolKindInfo(pool.kind);
  const secret = new Set(info?.credentials.filter((c) => c.secret).map((c) => c.key) ?? Object.keys(pool.credentials));
  const credentials = Object.fromEntries(Object.entries(pool.credentials).map(([k, v]) => [k, secret.has(k) ? REDACTED : v]));
  return { ...pool, credentials };
}
