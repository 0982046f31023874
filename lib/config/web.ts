/**
 * The web server's own settings: HTTPS served directly (HASHWATT_TLS_CERT + HASHWATT_TLS_KEY, PEM file
 * paths), the reverse proxies whose X-Forwarded-* headers are believed (HASHWATT_TRUSTED_PROXIES, comma
 * separated IP addresses), and how long a sign-in lasts: HASHWATT_SESSION_TTL_H without use, renewed while in
 * use, and at most HASHWATT_SESSION_MAX_AGE_D after it began. Pure.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { SessionLifetime } from '../auth/session-lifetime';
import { normaliseAddress } from '../net/normalise-address';
import type { Env } from './env';
import { ConfigError, intVariable, parseEnv, variable } from './variable';

/** The web server's settings (TLS, trusted proxies, session lifetime). */
export interface WebConfig {
  tls: { certPath: string; keyPath: string } | null;
  /** Normalised addresses (IPv4-mapped IPv6 written as IPv4). */
  trustedProxies: string[];
  /** idleMs from HASHWATT_SESSION_TTL_H, maxAgeMs from HASHWATT_SESSION_MAX_AGE_D. */
  session: SessionLifetime;
}

function trustedProxies(raw: string | undefined): string[] {
  const addresses = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const address of addresses) {
    if (!isIP(address))
      throw new ConfigError(
        `HASHWATT_TRUSTED_PROXIES: ${JSON.stringify(address)} is not an IP address (list the proxies' addresses, comma separated)`,
      );
  }
  return addresses.map(normaliseAddress);
}

const trimmed = (raw: string | undefined) => raw?.trim() || '';

const webSchema = z
  .object({
    HASHWATT_TLS_CERT: variable(trimmed),
    HASHWATT_TLS_KEY: variable(trimmed),
    HASHWATT_TRUSTED_PROXIES: variable(trustedProxies),
    HASHWATT_SESSION_TTL_H: intVariable('HASHWATT_SESSION_TTL_H', 24 * 30, 1, 24 * 400),
    HASHWATT_SESSION_MAX_AGE_D: intVariable('HASHWATT_SESSION_MAX_AGE_D', 90, 1, 400),
  })
  .superRefine((v, ctx) => {
    if ((v.HASHWATT_TLS_CERT === '') !== (v.HASHWATT_TLS_KEY === '')) {
      ctx.addIssue({
        code: 'custom',
        message: 'HASHWATT_TLS_CERT and HASHWATT_TLS_KEY must be set together (PEM certificate and private key files)',
      });
    }
  })
  .transform((v): WebConfig => ({
    tls: v.HASHWATT_TLS_CERT
      ? { certPath: resolve(/*turbopackIgnore: true*/ v.HASHWATT_TLS_CERT), keyPath: resolve(/*turbopackIgnore: true*/ v.HASHWATT_TLS_KEY) }
      : null,
    trustedProxies: v.HASHWATT_TRUSTED_PROXIES,
    session: { idleMs: v.HASHWATT_SESSION_TTL_H * 3_600_000, maxAgeMs: v.HASHWATT_SESSION_MAX_AGE_D * 86_400_000 },
  }));

/** Reads and validates the web server's settings from `env`. */
export function loadWebConfig(env: Env): WebConfig {
  return parseEnv(webSchema, env);
}
