/**
 * Secrets in channel configs: shown as "<redacted>" by the API and the settings screen, and kept when an
 * edit sends "<redacted>" back while the secret still goes where it went (lib/settings/redacted-secret.ts:
 * a channel pointed at a new host needs its secret typed again). Pure.
 */
import { keepRedactedSecret, REDACTED } from '../settings/redacted-secret';
import { CHANNEL_DESCRIPTORS, channelDescriptor, type ChannelKind } from './descriptors';

export { REDACTED };

/** Dotted paths of the secret fields of each kind (from its descriptor; Slack and Discord webhook URLs are credentials). */
export const SECRET_FIELDS = Object.fromEntries(CHANNEL_DESCRIPTORS.map((d) => [d.kind, d.secretFields])) as unknown as Readonly<
  Record<ChannelKind, readonly string[]>
>;

type Obj = Record<string, unknown>;

function secretPaths(config: Obj): string[][] {
  return (channelDescriptor(String(config.kind))?.secretFields ?? []).map((p) => p.split('.'));
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
  const descriptor = channelDescriptor(String(incoming.kind));
  const destinationOf = (config: Obj) => (descriptor ? descriptor.secretDestination(config) : null);
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
