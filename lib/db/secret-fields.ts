/**
 * Where secrets live in the database, and how a stored document is sealed on its way in and opened on
 * its way out. The mutations and queries that store or read these documents call these, so everything
 * above lib/db works with plain values. A value that cannot be opened (no key loaded, another key, a
 * damaged row) is left sealed: its reader names it (unreadableSecretPaths) instead of failing every row.
 *
 * - alert_channels.config_json: each kind's SECRET_FIELDS (webhook secret, tokens, Slack/Discord URLs, SMTP password)
 * - pools.credentials_json: the credentials POOL_KINDS marks secret (every one of a kind it does not know)
 * - app_settings 'sources': bitcoind.password
 * - app_settings 'vapid-keys': privateKey
 */
import { poolKindInfo } from '../domain/pool-kinds';
import { SECRET_FIELDS } from '../notify/redact';
import type { ChannelKind } from '../notify/types';
import { isSealed } from '../secrets/secret-box';
import type { Db } from './client';

/** app_settings keys whose documents hold a secret, and the dotted path of it. */
export const SETTINGS_SECRET_PATHS: Readonly<Record<string, readonly string[]>> = {
  sources: ['bitcoind.password'],
  'vapid-keys': ['privateKey'],
};

/** Writing a secret needs the key: a database without one never stores a secret in plain text. */
export class SecretsLockedError extends Error {
  constructor() {
    super(
      'no secret key is loaded, so secrets cannot be stored: set HASHWATT_SECRET_KEY or restore the key file <database>.key (hashwatt start creates it)',
    );
  }
}

type Obj = Record<string, unknown>;

/** Secret paths of a channel config (by its kind). */
export function channelSecretPaths(config: Obj): readonly string[] {
  return SECRET_FIELDS[config.kind as ChannelKind] ?? [];
}

/** Secret keys of a pool's credentials (by its kind; every key of an unknown kind). */
export function poolSecretKeys(kind: string, credentials: Obj): string[] {
  const info = poolKindInfo(kind);
  return info ? info.credentials.filter((c) => c.secret).map((c) => c.key) : Object.keys(credentials);
}

function parentOf(root: Obj, parts: readonly string[]): Obj | null {
  let at: unknown = root;
  for (const key of parts.slice(0, -1)) {
    if (typeof at !== 'object' || at === null) return null;
    at = (at as Obj)[key];
  }
  return typeof at === 'object' && at !== null && !Array.isArray(at) ? (at as Obj) : null;
}

/** A copy of `doc` with each string at `paths` passed through `fn`. */
function mapPaths(doc: Obj, paths: readonly string[], fn: (value: string) => string): Obj {
  const copy = structuredClone(doc);
  for (const path of paths) {
    const parts = path.split('.');
    const parent = parentOf(copy, parts);
    const leaf = parts[parts.length - 1];
    if (parent && typeof parent[leaf] === 'string') parent[leaf] = fn(parent[leaf]);
  }
  return copy;
}

/** The plain value, or the sealed text as it was when it does not open. */
function openOrKeep(db: Db, value: string): string {
  if (!isSealed(value) || !db.secrets) return value;
  try {
    return db.secrets.open(value);
  } catch {
    return value;
  }
}

/** `doc` with the secrets at `paths` sealed with the database's key (SecretsLockedError without one). */
export function sealPaths(db: Db, doc: Obj, paths: readonly string[]): Obj {
  return mapPaths(doc, paths, (value) => {
    if (isSealed(value)) return value;
    if (!db.secrets) throw new SecretsLockedError();
    return db.secrets.seal(value);
  });
}

/** `doc` with the secrets at `paths` opened; one that does not open stays sealed. */
export function openPaths(db: Db, doc: Obj, paths: readonly string[]): Obj {
  return mapPaths(doc, paths, (value) => openOrKeep(db, value));
}

/** The paths of `doc` whose secret is still sealed after opening: no key, another key, or damaged. */
export function unreadableSecretPaths(doc: Obj, paths: readonly string[]): string[] {
  return paths.filter((path) => {
    const parts = path.split('.');
    return isSealed(parentOf(doc, parts)?.[parts[parts.length - 1]]);
  });
}

/** Says why a secret at `path` is unusable, for the reader's own message. */
export function unreadableSecretText(path: string): string {
  return `its ${path} is sealed with a key this installation does not have (HASHWATT_SECRET_KEY or <database>.key missing or different) or was damaged: restore the key, or enter the secret again`;
}

/** A JSON object's fields, or null for anything else (an array, a scalar, not JSON). */
export function parseObject(json: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(json) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null;
  } catch {
    return null;
  }
}

/** A channel config as stored: its secrets sealed. */
export function sealChannelConfig(db: Db, config: Obj): string {
  return JSON.stringify(sealPaths(db, config, channelSecretPaths(config)));
}

/** A stored channel config with its secrets opened (text that is not a JSON object is returned as it is). */
export function openChannelConfigJson(db: Db, json: string): string {
  const doc = parseObject(json);
  return doc ? JSON.stringify(openPaths(db, doc, channelSecretPaths(doc))) : json;
}

/** A pool's credentials as stored: its secret ones sealed. */
export function sealPoolCredentials(db: Db, kind: string, credentials: Obj): string {
  return JSON.stringify(sealPaths(db, credentials, poolSecretKeys(kind, credentials)));
}

/** Stored pool credentials with their secrets opened (text that is not a JSON object is returned as it is). */
export function openPoolCredentialsJson(db: Db, kind: string, json: string): string {
  const doc = parseObject(json);
  return doc ? JSON.stringify(openPaths(db, doc, poolSecretKeys(kind, doc))) : json;
}

/** An app_settings document as stored: the secrets of its key sealed. */
export function sealSettingsDoc(db: Db, key: string, doc: Obj): string {
  return JSON.stringify(sealPaths(db, doc, SETTINGS_SECRET_PATHS[key] ?? []));
}

/** A stored app_settings document with its secrets opened (text that is not a JSON object is returned as it is). */
export function openSettingsJson(db: Db, key: string, json: string): string {
  const doc = parseObject(json);
  return doc ? JSON.stringify(openPaths(db, doc, SETTINGS_SECRET_PATHS[key] ?? [])) : json;
}
