/**
 * What the pools form and API may send for a pool account: name, kind, API base, the kind's
 * credentials, fee and the text that matches rigs to it. Pure: refusals name the field, the rule and the
 * value; secrets read "<redacted>" and a "<redacted>" sent back keeps the stored secret while the account
 * is read from the same API (redacted-secret.ts: a new baseUrl needs the secrets typed again).
 */
import { MAX_POOL_FEE_PCT } from './pool-fee';
import type { PoolConfig } from '../domain/pool-config';
import { POOL_KIND_NAMES, poolKindInfo } from '../domain/pool-kinds';
import { keepRedactedSecret, urlDestination } from './redacted-secret';
import { describeValue } from '../util/describe-value';
import { REDACTED } from './redacted-secret';
import { err, ok, type Parsed } from '../util/result';

export const POOL_FIELDS = ['name', 'kind', 'baseUrl', 'credentials', 'feePct', 'matchUrl'] as const;
export const POOL_NAME_MAX_CHARS = 64;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const shown = (v: unknown) => describeValue(v);

function requiredText(v: unknown, field: string, errors: string[], maxChars = 500): string {
  if (typeof v !== 'string') errors.push(v === undefined ? `${field} is required` : `${field} must be text (got ${shown(v)})`);
  else if (v.trim() === '') errors.push(`${field} must not be empty`);
  else if (v.trim().length > maxChars) errors.push(`${field} must be at most ${maxChars} characters (got ${v.trim().length})`);
  else return v.trim();
  return '';
}

function baseUrl(v: unknown, errors: string[]): string {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return '';
  if (typeof v === 'string') {
    try {
      const url = new URL(v.trim());
      if (url.protocol === 'http:' || url.protocol === 'https:') return v.trim();
    } catch {
      // reported below
    }
  }
  errors.push(`baseUrl must be an http:// or https:// URL, or empty for the pool's public API (got ${shown(v)})`);
  return '';
}

/** Where a pool's credentials go: its API base, or the kind's public one when none is set. */
function poolDestination(kind: string, baseUrl: string): string | null {
  return urlDestination(baseUrl.trim() || poolKindInfo(kind)?.defaultBaseUrl);
}

function credentials(kind: string, baseUrl: string, v: unknown, stored: PoolConfig | null, errors: string[]): Record<string, string> {
  const info = poolKindInfo(kind);
  if (!info) return {};
  if (v !== undefined && !isObj(v)) {
    errors.push(`credentials must be an object (got ${shown(v)})`);
    return {};
  }
  const given = v ?? {};
  const allowed = info.credentials.map((c) => c.key);
  const unknown = Object.keys(given).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) errors.push(`unknown credential(s) for ${kind}: ${unknown.join(', ')} (it needs ${allowed.join(', ')})`);
  const out: Record<string, string> = {};
  for (const c of info.credentials) {
    let value = given[c.key];
    if (c.secret) {
      const same = stored?.kind === kind;
      const kept = keepRedactedSecret({
        field: `credentials.${c.key}`,
        given: value,
        stored: same ? stored.credentials[c.key] : null,
        destination: poolDestination(kind, baseUrl),
        storedDestination: same ? poolDestination(kind, stored.baseUrl) : null,
      });
      if (!kept.ok) {
        errors.push(kept.error);
        continue;
      }
      value = kept.value;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      errors.push(
        value === undefined || (typeof value === 'string' && value.trim() === '')
          ? `credentials.${c.key} is required for ${kind} (${c.label})`
          : `credentials.${c.key} must be text (got ${shown(value)})`,
      );
    } else out[c.key] = value.trim();
  }
  return out;
}

/** Validates a whole pool account; `stored` (when editing) supplies secrets sent back as "<redacted>". */
export function parsePoolInput(body: unknown, stored: PoolConfig | null): Parsed<PoolConfig> {
  if (!isObj(body)) return err(['the body must be a JSON object']);
  const errors: string[] = [];
  const unknown = Object.keys(body).filter((k) => !(POOL_FIELDS as readonly string[]).includes(k));
  if (unknown.length > 0) errors.push(`unknown field(s): ${unknown.join(', ')} (allowed: ${POOL_FIELDS.join(', ')})`);
  const name = requiredText(body.name, 'name', errors, POOL_NAME_MAX_CHARS);
  const kind = typeof body.kind === 'string' ? body.kind.trim().toLowerCase() : '';
  if (!poolKindInfo(kind)) errors.push(`kind must be one of ${POOL_KIND_NAMES.join(', ')} (got ${shown(body.kind)})`);
  const base = baseUrl(body.baseUrl, errors);
  const pool: PoolConfig = {
    name,
    kind,
    baseUrl: base,
    credentials: credentials(kind, base, body.credentials, stored, errors),
    feePct: 0,
    matchUrl: requiredText(body.matchUrl, 'matchUrl', errors),
  };
  const fee = body.feePct ?? 2;
  if (typeof fee !== 'number' || !Number.isFinite(fee) || fee < 0 || fee > MAX_POOL_FEE_PCT)
    errors.push(`feePct must be a number from 0 to ${MAX_POOL_FEE_PCT} percent (got ${shown(fee)})`);
  else pool.feePct = fee;
  return errors.length > 0 ? err(errors) : ok(pool);
}

/** The pool as the API and the screen show it: each secret credential as "<redacted>". */
export function redactPool(pool: PoolConfig): PoolConfig {
  const info = poolKindInfo(pool.kind);
  const secret = new Set(info?.credentials.filter((c) => c.secret).map((c) => c.key) ?? Object.keys(pool.credentials));
  const credentials = Object.fromEntries(Object.entries(pool.credentials).map(([k, v]) => [k, secret.has(k) ? REDACTED : v]));
  return { ...pool, credentials };
}
