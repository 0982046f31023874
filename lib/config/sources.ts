/**
 * Settings of the external sources, from the environment: the defaults the settings screen's stored
 * document replaces. No public endpoint is a default: with neither HASHWATT_MEMPOOL_URL nor
 * HASHWATT_NETWORK_SOURCE=bitcoind set, the network source is 'none' and nothing is fetched (the public
 * mempool.space API works when the operator sets it). Malformed values fail fast with a ConfigError
 * naming the variable.
 */
import type { BitcoindSettings as BitcoindConfig, EnvCookie, SourcesSettings as SourcesConfig } from '../settings/sources-settings';
import { envCurrency } from './core';
import type { Env } from './env';
import { ConfigError, envInt } from './variable';

/** The public mempool.space API: suggested to operators, used only when they set it. */
export const PUBLIC_MEMPOOL_URL = 'https://mempool.space/api';

/** @deprecated No longer a default (nothing public is contacted unless configured); use PUBLIC_MEMPOOL_URL. */
export const DEFAULT_MEMPOOL_URL = PUBLIC_MEMPOOL_URL;

/** Default RPC endpoint of a mainnet node on the same machine. */
export const DEFAULT_BITCOIND_URL = 'http://127.0.0.1:8332/';

function httpUrl(env: Env, name: string, example: string): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not a URL (expected e.g. ${example})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`${name} must be an http:// or https:// URL, got ${url.protocol}`);
  return raw;
}

function optional(env: Env, name: string): string | null {
  const raw = env[name];
  return raw === undefined || raw === '' ? null : raw;
}

function bitcoindConfig(env: Env): BitcoindConfig {
  const user = optional(env, 'HASHWATT_BITCOIND_USER');
  const password = optional(env, 'HASHWATT_BITCOIND_PASSWORD');
  const cookiePath = optional(env, 'HASHWATT_BITCOIND_COOKIE');
  if ((user === null) !== (password === null)) {
    throw new ConfigError('HASHWATT_BITCOIND_USER and HASHWATT_BITCOIND_PASSWORD must be set together');
  }
  if (user === null && cookiePath === null) {
    throw new ConfigError(
      'HASHWATT_NETWORK_SOURCE=bitcoind needs HASHWATT_BITCOIND_USER and HASHWATT_BITCOIND_PASSWORD, or HASHWATT_BITCOIND_COOKIE (path of the .cookie file)',
    );
  }
  return {
    url: httpUrl(env, 'HASHWATT_BITCOIND_URL', DEFAULT_BITCOIND_URL) ?? DEFAULT_BITCOIND_URL,
    user,
    password,
    cookiePath,
    feeBlocks: envInt(env, 'HASHWATT_BITCOIND_FEE_BLOCKS', 144, 1, 2016),
  };
}

function fixedPrice(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === '') return null;
  const n = Number(raw.trim());
  if (!Number.isFinite(n) || n <= 0)
    throw new ConfigError(`HASHWATT_BTC_PRICE=${JSON.stringify(raw)} is not a positive number (e.g. 90000)`);
  return n;
}

/** Reads and validates the source settings from `env`. */
export function loadSourcesConfig(env: Env): SourcesConfig {
  const mempoolBaseUrl = httpUrl(env, 'HASHWATT_MEMPOOL_URL', PUBLIC_MEMPOOL_URL)?.replace(/\/+$/, '') ?? null;
  const kind = env.HASHWATT_NETWORK_SOURCE?.trim().toLowerCase() || (mempoolBaseUrl ? 'mempool' : 'none');
  if (kind !== 'mempool' && kind !== 'bitcoind' && kind !== 'none') {
    throw new ConfigError(`HASHWATT_NETWORK_SOURCE=${JSON.stringify(env.HASHWATT_NETWORK_SOURCE)} must be mempool, bitcoind or none`);
  }
  if (kind === 'mempool' && mempoolBaseUrl === null) {
    throw new ConfigError(
      `HASHWATT_NETWORK_SOURCE=mempool needs HASHWATT_MEMPOOL_URL (your own instance, or ${PUBLIC_MEMPOOL_URL} for the public one)`,
    );
  }
  return {
    networkSource: kind,
    mempoolBaseUrl,
    bitcoind: kind === 'bitcoind' ? bitcoindConfig(env) : null,
    fixedBtcPrice: fixedPrice(env.HASHWATT_BTC_PRICE),
    currency: envCurrency(env.HASHWATT_CURRENCY),
    intervalS: envInt(env, 'HASHWATT_SOURCE_INTERVAL_S', 60, 5, 86_400),
    timeoutMs: envInt(env, 'HASHWATT_SOURCE_TIMEOUT_MS', 5000, 100, 120_000),
  };
}

/**
 * The bitcoind cookie file the environment names (HASHWATT_BITCOIND_COOKIE) and the node it is for
 * (HASHWATT_BITCOIND_URL or the default): what the stored settings may use, nothing else.
 */
export function envBitcoindCookie(env: Env): Exclude<EnvCookie, 'unchecked'> {
  const cookiePath = optional(env, 'HASHWATT_BITCOIND_COOKIE');
  if (cookiePath === null) return null;
  return { cookiePath, url: env.HASHWATT_BITCOIND_URL?.trim() || DEFAULT_BITCOIND_URL };
}

/**
 * The environment's source settings as the web shows them: the settings, or why they are malformed
 * (the settings screen names the variable instead of failing), and the cookie file the environment names.
 */
export interface EnvSources {
  settings: SourcesConfig | null;
  error: string | null;
  bitcoindCookie: Exclude<EnvCookie, 'unchecked'>;
}

/** Reads the source settings of `env` without throwing on a malformed one (its message is kept). */
export function loadEnvSources(env: Env): EnvSources {
  const bitcoindCookie = envBitcoindCookie(env);
  try {
    return { settings: loadSourcesConfig(env), error: null, bitcoindCookie };
  } catch (err) {
    return { settings: null, error: err instanceof Error ? err.message : String(err), bitcoindCookie };
  }
}
