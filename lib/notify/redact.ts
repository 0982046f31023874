/**
 * Secrets in channel configs: shown as "<redacted>" by the API and the settings screen, and kept when an
 * edit sends "<redacted>" back. Pure.
 */
import type { ChannelKind } from './types';

export const REDACTED = '<redacted>';

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

function secretPaths(config: Obj): string[][] {
  const kind = config.kind as ChannelKind;
  return (SECRET_FIELDS[kind] ?? []).map((p) => p.split('.'));
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

/** `incoming` with every secret that reads REDACTED taken from `stored` (same kind only). */
export function keepRedactedSecrets(incoming: Obj, stored: Obj): Obj {
  if (incoming.kind !== stored.kind) return incoming;
  const out = structuredClone(incoming);
  for (const path of secretPaths(out)) {
    const parent = parentOf(out, path);
    const leaf = path[path.length - 1];
    if (!parent || parent[leaf] !== REDACTED) continue;
    const storedParent = parentOf(stored, path);
    parent[leaf] = storedParent?.[leaf];
  }
  return out;
}
