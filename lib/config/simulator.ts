/**
 * The demo simulator's settings when it runs as its own process (`node --import tsx
 * collectors/simulator/main.ts`, or forked by the supervisor, which sets the first three). Pure.
 */
import { z } from 'zod';
import type { Env } from './env';
import { ConfigError, parseEnv, variable } from './variable';

/** What the simulator process needs from the environment. */
export interface SimulatorConfig {
  miners: number;
  subnet: string;
  port: number;
  manifestPath: string;
  seed: number | undefined;
  httpPort: number;
}

/** A non-negative whole number; `fallback` when unset or blank. */
function nonNegative(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

const count = (name: string, fallback: number) => variable((raw) => nonNegative(name, raw, fallback));

const simulatorSchema = z
  .object({
    HASHWATT_DEMO_MINERS: count('HASHWATT_DEMO_MINERS', 48),
    HASHWATT_SIM_SUBNET: variable((raw) => raw || '127.0.1'),
    HASHWATT_SIM_PORT: count('HASHWATT_SIM_PORT', 4028),
    HASHWATT_SIM_MANIFEST: variable((raw) => raw || 'data/simulator-manifest.json'),
    // Unset or empty: a random fleet; a number replays the same one.
    HASHWATT_SIM_SEED: variable((raw) => (raw ? nonNegative('HASHWATT_SIM_SEED', raw, 0) : undefined)),
    HASHWATT_SIM_HTTP_PORT: count('HASHWATT_SIM_HTTP_PORT', 8999),
  })
  .transform((v): SimulatorConfig => ({
    miners: v.HASHWATT_DEMO_MINERS,
    subnet: v.HASHWATT_SIM_SUBNET,
    port: v.HASHWATT_SIM_PORT,
    manifestPath: v.HASHWATT_SIM_MANIFEST,
    seed: v.HASHWATT_SIM_SEED,
    httpPort: v.HASHWATT_SIM_HTTP_PORT,
  }));

/** Reads and validates the simulator process's settings from `env`. */
export function loadSimulatorConfig(env: Env): SimulatorConfig {
  return parseEnv(simulatorSchema, env);
}
