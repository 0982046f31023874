/**
 * Secrets in channel configs: shown as "<redacted>" by the API and the settings screen, and kept when an
 * edit sends "<redacted>" back while the secret still goes where it went (lib/settings/redacted-secret.ts:
 * a channel pointed at a new host needs its secret typed again). Pure.
 */
import { hostPortDestination, keepRedactedSecret, REDACTED, urlDestination, type SecretDestination } from '../settings/redacted-secret';
import { DEFAULT_NTFY_BASE_URL, DEFAULT_TELEGRAM_BASE_URL } from './channels/defaults';
import type { ChannelKind } from './types';

export { REDACTED };

/** Dotted paths of the secret fields of each kind (Slack and Discord webhook URLs are credentials). */
export const SECRET_FIELDS: Readonly<Record<ChannelKind, readonly string[]>> = {
  webhook: ['secret'],
  ntfy: ['token'],
  telegram: ['botToken'],
  slack: ['webhookUrl'],
  discord: ['webhookUrl'],
  email: ['auth.pass'],
  webpush: [],
};

type Obj = Record<string, unknown>;

/**
 * Where each kind sends its secret. Slack and Discord: the secret is the URL itself, so a "<redacted>" URL
 * is by definition the stored destination.
 */
const SECRET_DESTINATION: Readonly<Record<ChannelKind, (config: Obj) => SecretDestination>> = {
  webhook: (c) => urlDestination(c.url),
  ntfy: (c) => urlDestination(c.baseUrl ?? DEFAULT_NTFY_BASE_URL),
  telegram: (c) => urlDestination(c.baseUrl ?? DEFAULT_TELEGRAM_BASE_URL),
  slack: () => 'the stored Slack webhook URL',
  discord: () => 'the stored Discord webhook URL',
  email: (c) => hostPortDestination(c.host, c.port ?? 587),
  webpush: () => null,
};

function secretPaths(config: Obj): string[][] {
  const kind = config.kind as ChannelKind;
  return (Object.hasOwn(SECRET_FIELDS, kind) ? SECRET_FIELDS[kind] : []).map((p) => p.split('.'));
}

function parentOf(root: Obj, path: string[]): Obj | null {
  let at: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (typeof at !== 'object' || at === null) return null;
    at = (at as Obj)[key];
  }
  return typeof at === 'object' && at !== null ? (at as Obj) : null;
}

/** A copy of `config` with each present secret replaced by REDACTED. */
export function redactConfig(config: Obj): Obj {
  const copy = structuredClone(config);
  for (const path of secretPaths(copy)) {
    const parent = parentOf(copy, path);
    const leaf = path[path.length - 1];
    if (parent && parent[leaf] !== undefined) parent[leaf] = REDACTED;
  }
  return copy;
}

/**
 * `incoming` with every secret that reads REDACTED taken from `stored`, when the kind is the same and the
 * secret's destination did not change; every other REDACTED is an error naming the field.
 */
export function keepRedactedSecrets(incoming: Obj, stored: Obj): { config: Obj; errors: string[] } {
  const out = structuredClone(incoming);
  const errors: string[] = [];
  const sameKind = incoming.kind === stored.kind;
  const destinationOf = Object.hasOwn(SECRET_DESTINATION, String(incoming.kind)) ? SECRET_DESTINATION[incoming.kind as ChannelKind] : () => null;
  for (const path of secretPaths(out)) {
    const parent = parentOf(out, path);
    const leaf = path[path.length - 1];
    if (!parent || parent[leaf] !== REDACTED) continue;
    const storedValue = sameKind ? parentOf(stored, path)?.[leaf] : undefined;
    const kept = keepRedactedSecret({
      field: `${String(incoming.kind)} channel: ${path.join('.')}`,
      given: REDACTED,
      stored: typeof storedValue === 'string' ? storedValue : null,
      destination: destinationOf(out),
      storedDestination: sameKind ? destinationOf(stored) : null,
    });
    if (kept.ok) parent[leaf] = kept.value;
    else errors.push(kept.error);
  }
  return { config: out, errors };
}
