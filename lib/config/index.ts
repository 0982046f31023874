/**
 * The one configuration module: the environment is read by lib/config/env.ts alone, parsed with zod by
 * the schemas here (one per process concern) and passed down as typed objects by the entry points.
 */
export { getAppConfig, loadAppConfig, setAppConfig, type AppConfig } from './app-config';
export { DEFAULT_HELD_READINGS_MAX, envCurrency, historyRetention, loadConfig, marketPolicy, type Config } from './core';
export { processEnv, type Env } from './env';
export { loadSimulatorConfig, type SimulatorConfig } from './simulator';
export {
  DEFAULT_BITCOIND_URL,
  DEFAULT_MEMPOOL_URL,
  envBitcoindCookie,
  loadEnvSources,
  loadSourcesConfig,
  PUBLIC_MEMPOOL_URL,
  type EnvSources,
} from './sources';
export { ConfigError, envInt } from './variable';
export { loadWebConfig, type WebConfig } from './web';
