/**
 * Everything the web process reads from its environment, parsed once by server.ts, and the one holder
 * through which Next's route modules and pages (bundled apart from server.ts, so they cannot be handed it
 * as an argument) read it: set once at start, shared through globalThis as lib/db/app-db.ts shares the
 * database.
 */
import type { Config } from './core';
import { loadConfig } from './core';
import type { Env } from './env';
import { loadEnvSources, type EnvSources } from './sources';
import { loadWebConfig, type WebConfig } from './web';

/** The web process's settings: the shared ones, the web server's own, and the environment's source settings. */
export interface AppConfig {
  config: Config;
  web: WebConfig;
  sources: EnvSources;
}

/** Parses every setting the web process reads; a malformed shared or web setting throws its ConfigError. */
export function loadAppConfig(env: Env): AppConfig {
  return { config: loadConfig(env), web: loadWebConfig(env), sources: loadEnvSources(env) };
}

const KEY = Symbol.for('hashwatt.appConfig');
type Holder = { [KEY]?: AppConfig };

/** Hands the parsed settings to the route modules and pages; server.ts calls it once, before Next starts. */
export function setAppConfig(appConfig: AppConfig): void {
  (globalThis as Holder)[KEY] = appConfig;
}

/** The web process's settings, as server.ts set them; throws when read in a process server.ts did not start. */
export function getAppConfig(): AppConfig {
  const appConfig = (globalThis as Holder)[KEY];
  if (!appConfig) {
    throw new Error('the web settings are not loaded: server.ts sets them at start (setAppConfig) before any route or page runs');
  }
  return appConfig;
}
