/**
 * The settings the collector, the web server and the CLI share, parsed from the environment with the
 * documented defaults (one zod field per variable). Pure: the environment comes in as an argument.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { CURRENCIES, type Currency } from '../domain/network';
import { parsePrivateHosts, PRIVATE_HOSTS_VARIABLE, type PrivateHostList } from '../net/outbound-policy';
import { parseSecretKey } from '../secrets/secret-box';
import type { Env } from './env';
import { ConfigError, intVariable, parseEnv, variable, wholeNumber } from './variable';

/**
 * Poll results the collector holds in memory at most while storage fails (a sweep holds one per rig):
 * about 1.6 KB each (measured on the demo fleet's readings), so ~80 MB at this default.
 */
export const DEFAULT_HELD_READINGS_MAX = 50_000;

/** Every setting, typed and with units in the names. */
export interface Config {
  port: number;
  /** Address the web server listens on (HASHWATT_HOST); null: every interface. */
  host: string | null;
  dbPath: string;
  /** 'auto': on while no real rig (is_demo = 0) is configured. */
  demo: 'auto' | 'on' | 'off';
  demoMiners: number;
  pollIntervalS: number;
  staleAfterPolls: number;
  offlineAfterPolls: number;
  /** Per-request timeout of a device poll. */
  requestTimeoutMs: number;
  /** How many devices are polled at once. */
  pollConcurrency: number;
  /** Poll results the collector holds in memory while storage fails (HASHWATT_HELD_READINGS_MAX). */
  heldReadingsMax: number;
  manifestPath: string;
  /** Raw samples are kept this many hours (HASHWATT_RAW_RETENTION_H). */
  rawRetentionH: number;
  /** 1-minute, 5-minute and 1-hour rollups are kept this many days (HASHWATT_ROLLUP_1M_RETENTION_D, _5M_, _1H_). */
  rollup1mRetentionD: number;
  rollup5mRetentionD: number;
  rollup1hRetentionD: number;
  /** Fleet currency for totals (HASHWATT_CURRENCY). */
  currency: string;
  /** Network state older than this flags economics as stale (HASHWATT_NETWORK_STALE_AFTER_S). */
  networkStaleAfterS: number;
  /** BTC price older than this flags economics as stale (HASHWATT_PRICE_STALE_AFTER_S). */
  priceStaleAfterS: number;
  /** First three octets of the demo simulator's loopback addresses (miner i on <subnet>.<i>). */
  simSubnet: string;
  /** The dashboard's address as people reach it (HASHWATT_PUBLIC_URL), linked from notifications; null: no link. */
  publicUrl: string | null;
  /** Private hosts alert channels may reach (HASHWATT_NOTIFY_PRIVATE_HOSTS); push endpoints never. */
  notifyPrivateHosts: PrivateHostList;
  /** The key that seals stored secrets (HASHWATT_SECRET_KEY); null: the key file beside the database. */
  secretKey: Buffer | null;
}

function demoMode(raw: string | undefined): Config['demo'] {
  if (raw === undefined || raw === '' || raw === 'auto') return 'auto';
  if (raw === '1' || raw === 'true' || raw === 'on') return 'on';
  if (raw === '0' || raw === 'false' || raw === 'off') return 'off';
  throw new ConfigError(`HASHWATT_DEMO=${JSON.stringify(raw)} must be 1 (on), 0 (off) or unset (auto)`);
}

/** A currency code from CURRENCIES (default USD), or a ConfigError naming HASHWATT_CURRENCY. */
export function envCurrency(raw: string | undefined): Currency {
  const code = (raw?.trim() || 'USD').toUpperCase();
  if (!(CURRENCIES as readonly string[]).includes(code)) {
    throw new ConfigError(`HASHWATT_CURRENCY=${JSON.stringify(raw)} must be one of ${CURRENCIES.join(', ')}`);
  }
  return code as Currency;
}

function simSubnet(raw: string | undefined): string {
  if (raw === undefined || raw === '') return '127.0.1';
  const octets = raw.split('.').map(Number);
  if (octets.length !== 3 || octets[0] !== 127 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) {
    throw new ConfigError(`HASHWATT_SIM_SUBNET=${JSON.stringify(raw)} must be three octets of the loopback range, e.g. 127.0.1`);
  }
  return raw;
}

function publicUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`HASHWATT_PUBLIC_URL=${JSON.stringify(raw)} is not a URL; use e.g. https://hashwatt.example.com`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`HASHWATT_PUBLIC_URL=${JSON.stringify(raw)} must be an http or https URL`);
  return url.href.replace(/\/+$/, '');
}

function notifyPrivateHosts(raw: string | undefined): PrivateHostList {
  try {
    return parsePrivateHosts(raw);
  } catch (err) {
    throw new ConfigError(`${PRIVATE_HOSTS_VARIABLE}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** An IP address of this machine, or `localhost`; unset: every interface. */
function listenHost(raw: string | undefined): string | null {
  const host = (raw?.trim() ?? '').replace(/^\[(.*)\]$/, '$1'); // [::1] as written in URLs
  if (host === '') return null;
  if (host === 'localhost' || isIP(host)) return host;
  throw new ConfigError(
    `HASHWATT_HOST=${JSON.stringify(raw)} is not an IP address: use 127.0.0.1 (this machine only, e.g. behind a reverse proxy), ` +
      'an address of this machine on your LAN (e.g. 192.168.1.10), or leave it unset for every interface',
  );
}

/** HASHWATT_SECRET_KEY: 32 bytes as 64 hex digits or base64; unset: null. */
function secretKey(raw: string | undefined): Buffer | null {
  if (raw === undefined || raw.trim() === '') return null;
  const key = parseSecretKey(raw);
  // Never echo the value: it is a key, and a near miss is still most of one.
  if (!key)
    throw new ConfigError('HASHWATT_SECRET_KEY is not a key: give 32 bytes as 64 hex digits or as base64 (e.g. `openssl rand -base64 32`)');
  return key;
}

/** Unset or blank: null (the default is derived from other settings). */
function optionalText(raw: string | undefined): string | null {
  return raw === undefined || raw === '' ? null : raw;
}

/** The variables of Config, each with its default and its message, in the order they are checked. */
const configSchema = z
  .object({
    HASHWATT_POLL_INTERVAL_S: intVariable('HASHWATT_POLL_INTERVAL_S', 10, 1, 3600),
    HASHWATT_STALE_AFTER_POLLS: intVariable('HASHWATT_STALE_AFTER_POLLS', 2, 1, 1000),
    HASHWATT_OFFLINE_AFTER_POLLS: intVariable('HASHWATT_OFFLINE_AFTER_POLLS', 6, 1, 1000),
    HASHWATT_DB: variable(optionalText),
    PORT: intVariable('PORT', 3000, 1, 65535),
    HASHWATT_HOST: variable(listenHost),
    HASHWATT_DEMO: variable(demoMode),
    HASHWATT_DEMO_MINERS: intVariable('HASHWATT_DEMO_MINERS', 48, 1, 10000),
    // Its default depends on the poll interval: checked here, filled in below.
    HASHWATT_REQUEST_TIMEOUT_MS: variable((raw) => (raw?.trim() ? wholeNumber('HASHWATT_REQUEST_TIMEOUT_MS', raw, 0, 100, 60_000) : null)),
    HASHWATT_POLL_CONCURRENCY: intVariable('HASHWATT_POLL_CONCURRENCY', 64, 1, 4096),
    HASHWATT_HELD_READINGS_MAX: intVariable('HASHWATT_HELD_READINGS_MAX', DEFAULT_HELD_READINGS_MAX, 1, 10_000_000),
    HASHWATT_RAW_RETENTION_H: intVariable('HASHWATT_RAW_RETENTION_H', 24, 1, 24 * 365 * 10),
    HASHWATT_ROLLUP_1M_RETENTION_D: intVariable('HASHWATT_ROLLUP_1M_RETENTION_D', 7, 1, 3650),
    HASHWATT_ROLLUP_5M_RETENTION_D: intVariable('HASHWATT_ROLLUP_5M_RETENTION_D', 90, 1, 36500),
    HASHWATT_ROLLUP_1H_RETENTION_D: intVariable('HASHWATT_ROLLUP_1H_RETENTION_D', 730, 1, 36500),
    HASHWATT_CURRENCY: variable(envCurrency),
    HASHWATT_NETWORK_STALE_AFTER_S: intVariable('HASHWATT_NETWORK_STALE_AFTER_S', 1800, 10, 7 * 86400),
    HASHWATT_PRICE_STALE_AFTER_S: intVariable('HASHWATT_PRICE_STALE_AFTER_S', 1800, 10, 7 * 86400),
    HASHWATT_SIM_MANIFEST: variable(optionalText),
    HASHWATT_SIM_SUBNET: variable(simSubnet),
    HASHWATT_PUBLIC_URL: variable(publicUrl),
    [PRIVATE_HOSTS_VARIABLE]: variable(notifyPrivateHosts),
    HASHWATT_SECRET_KEY: variable(secretKey),
  })
  .superRefine((v, ctx) => {
    if (v.HASHWATT_OFFLINE_AFTER_POLLS < v.HASHWATT_STALE_AFTER_POLLS) {
      ctx.addIssue({
        code: 'custom',
        message: `HASHWATT_OFFLINE_AFTER_POLLS (${v.HASHWATT_OFFLINE_AFTER_POLLS}) must not be less than HASHWATT_STALE_AFTER_POLLS (${v.HASHWATT_STALE_AFTER_POLLS})`,
      });
    }
    // The demo gives each miner its own loopback address, 254 per third octet (127.0.1.1 .. 127.0.40.94 for
    // 10,000): a fleet that runs past 127.0.255.x is refused here, not when the simulator starts.
    const lastOctet = Number(v.HASHWATT_SIM_SUBNET.split('.')[2]) + Math.floor((v.HASHWATT_DEMO_MINERS - 1) / 254);
    if (lastOctet > 255) {
      ctx.addIssue({
        code: 'custom',
        message: `HASHWATT_DEMO_MINERS (${v.HASHWATT_DEMO_MINERS}) do not fit in HASHWATT_SIM_SUBNET ${v.HASHWATT_SIM_SUBNET}.x (254 miners per third octet, the last would be ${lastOctet}): choose a lower third octet`,
      });
    }
  })
  .transform((v): Config => {
    // Paths are the operator's, resolved at run time: keep the bundler from tracing them.
    const dbPath = resolve(/*turbopackIgnore: true*/ v.HASHWATT_DB ?? './data/hashwatt.db');
    const pollIntervalS = v.HASHWATT_POLL_INTERVAL_S;
    return {
      port: v.PORT,
      host: v.HASHWATT_HOST,
      dbPath,
      demo: v.HASHWATT_DEMO,
      demoMiners: v.HASHWATT_DEMO_MINERS,
      pollIntervalS,
      staleAfterPolls: v.HASHWATT_STALE_AFTER_POLLS,
      offlineAfterPolls: v.HASHWATT_OFFLINE_AFTER_POLLS,
      requestTimeoutMs: v.HASHWATT_REQUEST_TIMEOUT_MS ?? Math.min(3000, pollIntervalS * 1000),
      pollConcurrency: v.HASHWATT_POLL_CONCURRENCY,
      heldReadingsMax: v.HASHWATT_HELD_READINGS_MAX,
      rawRetentionH: v.HASHWATT_RAW_RETENTION_H,
      rollup1mRetentionD: v.HASHWATT_ROLLUP_1M_RETENTION_D,
      rollup5mRetentionD: v.HASHWATT_ROLLUP_5M_RETENTION_D,
      rollup1hRetentionD: v.HASHWATT_ROLLUP_1H_RETENTION_D,
      currency: v.HASHWATT_CURRENCY,
      networkStaleAfterS: v.HASHWATT_NETWORK_STALE_AFTER_S,
      priceStaleAfterS: v.HASHWATT_PRICE_STALE_AFTER_S,
      manifestPath: resolve(/*turbopackIgnore: true*/ v.HASHWATT_SIM_MANIFEST ?? `${dbPath}.simulator-manifest.json`),
      simSubnet: v.HASHWATT_SIM_SUBNET,
      publicUrl: v.HASHWATT_PUBLIC_URL,
      notifyPrivateHosts: v[PRIVATE_HOSTS_VARIABLE],
      secretKey: v.HASHWATT_SECRET_KEY,
    };
  });

/** Reads and validates the configuration from `env` (the entry point's processEnv()). */
export function loadConfig(env: Env): Config {
  return parseEnv(configSchema, env);
}

/** The market staleness policy the web and the collector share. */
export function marketPolicy(config: Config) {
  return {
    currency: config.currency,
    networkStaleAfterMs: config.networkStaleAfterS * 1000,
    priceStaleAfterMs: config.priceStaleAfterS * 1000,
  };
}

/** How long each history tier is kept, from the retention settings (the collector and the storage screen share it). */
export function historyRetention(config: Config) {
  return {
    rawRetentionMs: config.rawRetentionH * 3_600_000,
    m1RetentionMs: config.rollup1mRetentionD * 86_400_000,
    m5RetentionMs: config.rollup5mRetentionD * 86_400_000,
    h1RetentionMs: config.rollup1hRetentionD * 86_400_000,
  };
}
