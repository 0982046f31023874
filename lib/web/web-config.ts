/**
 * The web server's own settings: HTTPS served directly (HASHWATT_TLS_CERT + HASHWATT_TLS_KEY, PEM file
 * paths), the reverse proxies whose X-Forwarded-* headers are believed (HASHWATT_TRUSTED_PROXIES, comma
 * separated IP addresses), and how long a sign-in lasts: HASHWATT_SESSION_TTL_H without use, renewed while in
 * use, and at most HASHWATT_SESSION_MAX_AGE_D after it began. Pure.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import type { SessionLifetime } from '../auth/session-lifetime';
import { ConfigError, envInt, type Env } from '../config';

export interface WebConfig {
  tls: { certPath: string; keyPath: string } | null;
  /** Normalised addresses (IPv4-mapped IPv6 written as IPv4). */
  trustedProxies: string[];
  /** idleMs from HASHWATT_SESSION_TTL_H, maxAgeMs from HASHWATT_SESSION_MAX_AGE_D. */
  session: SessionLifetime;
}

/** `::ffff:10.0.0.1` → `10.0.0.1`; other addresses unchanged. */
export function normaliseAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

export function loadWebConfig(env: Env = process.env): WebConfig {
  const cert = env.HASHWATT_TLS_CERT?.trim() || '';
  const key = env.HASHWATT_TLS_KEY?.trim() || '';
  if ((cert === '') !== (key === '')) {
    throw new ConfigError('HASHWATT_TLS_CERT and HASHWATT_TLS_KEY must be set together (PEM certificate and private key files)');
  }
  const trustedProxies = (env.HASHWATT_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const address of trustedProxies) {
    if (!isIP(address)) throw new ConfigError(`HASHWATT_TRUSTED_PROXIES: ${JSON.stringify(address)} is not an IP address (list the proxies' addresses, comma separated)`);
  }
  return {
    tls: cert ? { certPath: resolve(/*turbopackIgnore: true*/ cert), keyPath: resolve(/*turbopackIgnore: true*/ key) } : null,
    trustedProxies: trustedProxies.map(normaliseAddress),
    session: {
      idleMs: envInt(env, 'HASHWATT_SESSION_TTL_H', 24 * 30, 1, 24 * 400) * 3_600_000,
      maxAgeMs: envInt(env, 'HASHWATT_SESSION_MAX_AGE_D', 90, 1, 400) * 86_400_000,
    },
  };
}
