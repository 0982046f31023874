/** The stored network/price source settings (app_settings 'sources') and every source's last outcome. */
import { asc, eq } from 'drizzle-orm';
import type { EnvSources } from '../../config/sources';
import {
  parseSourcesSettings,
  redactSourcesSettings,
  SOURCES_SETTINGS_KEY,
  type EnvCookie,
  type SourcesSettings,
} from '../../settings/sources-settings';
import type { Db } from '../client';
import { appSettings, sourceState } from '../schema';
import { openSettingsJson, SETTINGS_SECRET_PATHS, unreadableSecretPaths, unreadableSecretText } from '../secret-fields';

/** The stored document: null settings when none is stored; an error when the stored one no longer validates. */
export interface StoredSourcesSettings {
  settings: SourcesSettings | null;
  updatedAtMs: number | null;
  error: string | null;
}

/**
 * Reads and validates the stored settings (validated again: a hand-edited row, or one stored before a
 * rule existed, must not half-apply); a cookie path must be `envCookie`'s (none by default).
 */
export function getStoredSourcesSettings(db: Db, envCookie: EnvCookie = null): StoredSourcesSettings {
  const row = db.orm.select().from(appSettings).where(eq(appSettings.key, SOURCES_SETTINGS_KEY)).get();
  if (!row) return { settings: null, updatedAtMs: null, error: null };
  let json: unknown;
  try {
    json = JSON.parse(openSettingsJson(db, SOURCES_SETTINGS_KEY, row.valueJson));
  } catch {
    return { settings: null, updatedAtMs: row.updatedAtMs, error: 'the stored source settings are not valid JSON' };
  }
  const unreadable = unreadableSecretPaths(json as Record<string, unknown>, SETTINGS_SECRET_PATHS[SOURCES_SETTINGS_KEY]);
  if (unreadable.length > 0)
    return {
      settings: null,
      updatedAtMs: row.updatedAtMs,
      error: `the stored source settings cannot be used: ${unreadableSecretText(unreadable.join(', '))}`,
    };
  const parsed = parseSourcesSettings(json, null, envCookie);
  if (!parsed.ok)
    return { settings: null, updatedAtMs: row.updatedAtMs, error: `the stored source settings are invalid: ${parsed.error.join('; ')}` };
  return { settings: parsed.value, updatedAtMs: row.updatedAtMs, error: null };
}

/** One external source's last outcome, without its value. */
export interface SourceStateView {
  /** 'network', 'price', 'pool:<id>' or 'tariff:<site id>'. */
  key: string;
  source: string;
  fetchedAtMs: number | null;
  attemptedAtMs: number | null;
  lastError: string | null;
}

/** Every source's last success, attempt and error, by key. */
export function listSourceStates(db: Db): SourceStateView[] {
  return db.orm
    .select({
      key: sourceState.key,
      source: sourceState.source,
      fetchedAtMs: sourceState.fetchedAtMs,
      attemptedAtMs: sourceState.attemptedAtMs,
      lastError: sourceState.lastError,
    })
    .from(sourceState)
    .orderBy(asc(sourceState.key))
    .all();
}

/** The settings that apply now (unredacted): the stored document, else the environment's; null when neither is valid. */
export function appliedSourcesSettings(
  db: Db,
  env: EnvSources,
): {
  settings: SourcesSettings | null;
  from: 'stored' | 'environment';
  storedError: string | null;
  envError: string | null;
  updatedAtMs: number | null;
} {
  const stored = getStoredSourcesSettings(db, env.bitcoindCookie);
  const fromEnv = env.settings;
  const envError = env.error;
  if (stored.settings) return { settings: stored.settings, from: 'stored', storedError: null, envError, updatedAtMs: stored.updatedAtMs };
  return { settings: fromEnv, from: 'environment', storedError: stored.error, envError, updatedAtMs: stored.updatedAtMs };
}

/** What the network settings screen and GET /api/settings/sources show: the applied settings (password redacted) and every source's state. */
export interface SourcesSettingsView {
  settings: SourcesSettings | null;
  from: 'stored' | 'environment';
  /** Why a stored document is ignored, or why the environment's settings are invalid. */
  storedError: string | null;
  envError: string | null;
  updatedAtMs: number | null;
  states: SourceStateView[];
}

/** The applied settings, redacted, with every source's last outcome. */
export function sourcesSettingsView(db: Db, env: EnvSources): SourcesSettingsView {
  const applied = appliedSourcesSettings(db, env);
  return { ...applied, settings: applied.settings && redactSourcesSettings(applied.settings), states: listSourceStates(db) };
}
