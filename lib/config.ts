/**
 * Configuration by environment, with the documented defaults. Read once by each entry point and passed
 * down; nothing reads process.env at import time.
 */
import { resolve } from 'node:path';

/** Every setting, typed and with units in the names. */
export interface Config {
  port: number;
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
  manifestPath: string;
}

/** A malformed setting: names the variable, the value and what was expected. */
export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not a whole number from ${min} to ${max}`);
  }
  return n;
}

function demoMode(raw: string | undefined): Config['demo'] {
  if (raw === undefined || raw === '' || raw === 'auto') return 'auto';
  if (raw === '1' || raw === 'true' || raw === 'on') return 'on';
  if (raw === '0' || raw === 'false' || raw === 'off') return 'off';
  throw new ConfigError(`HASHWATT_DEMO=${JSON.stringify(raw)} must be 1 (on), 0 (off) or unset (auto)`);
}

/** Reads and validates the configuration from `env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const pollIntervalS = int(env, 'HASHWATT_POLL_INTERVAL_S', 10, 1, 3600);
  const staleAfterPolls = int(env, 'HASHWATT_STALE_AFTER_POLLS', 2, 1, 1000);
  const offlineAfterPolls = int(env, 'HASHWATT_OFFLINE_AFTER_POLLS', 6, 1, 1000);
  if (offlineAfterPolls < staleAfterPolls) {
    throw new ConfigError(
      `HASHWATT_OFFLINE_AFTER_POLLS (${offlineAfterPolls}) must not be less than HASHWATT_STALE_AFTER_POLLS (${staleAfterPolls})`,
    );
  }
  const dbPath = resolve(env.HASHWATT_DB || './data/hashwatt.db');
  return {
    port: int(env, 'PORT', 3000, 1, 65535),
    dbPath,
    demo: demoMode(env.HASHWATT_DEMO),
    demoMiners: int(env, 'HASHWATT_DEMO_MINERS', 48, 1, 5000),
    pollIntervalS,
    staleAfterPolls,
    offlineAfterPolls,
    requestTimeoutMs: int(env, 'HASHWATT_REQUEST_TIMEOUT_MS', Math.min(3000, pollIntervalS * 1000), 100, 60_000),
    pollConcurrency: int(env, 'HASHWATT_POLL_CONCURRENCY', 64, 1, 4096),
    manifestPath: resolve(env.HASHWATT_SIM_MANIFEST || `${dbPath}.simulator-manifest.json`),
  };
}
