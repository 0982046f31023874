/**
 * The children's environments are cut from an allow-list: each gets the settings it reads and the system
 * basics, never a password only the supervisor or the CLI uses, nor anything else the shell carries; and
 * every HASHWATT_ setting the code reads is listed for some child (or withheld on purpose), so a new one
 * cannot silently miss the process that needs it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHILD_ENV_ALLOWED, childEnv, NOT_FOR_CHILDREN } from '../../../bin/supervisor/child-env';

const PARENT = {
  PATH: '/usr/bin',
  HOME: '/home/miner',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  TZ: 'Europe/Berlin',
  NODE_ENV: 'production',
  NODE_OPTIONS: '--max-old-space-size=512',
  NODE_EXTRA_CA_CERTS: '/etc/ssl/lan-ca.pem',
  PORT: '3000',
  HASHWATT_DB: '/var/lib/hashwatt/hashwatt.db',
  HASHWATT_POLL_INTERVAL_S: '10',
  HASHWATT_PUBLIC_URL: 'https://hashwatt.example.com',
  HASHWATT_BITCOIND_PASSWORD: 'rpc-pass',
  HASHWATT_TLS_KEY: '/etc/hashwatt/key.pem',
  HASHWATT_SIM_SUBNET: '127.0.1',
  HASHWATT_ADMIN_USER: 'boss',
  HASHWATT_ADMIN_PASSWORD: 'first-admin-password',
  HASHWATT_USER_PASSWORD: 'cli-password',
  AWS_SECRET_ACCESS_KEY: 'cloud-key',
  GITHUB_TOKEN: 'gh-token',
  DATABASE_URL: 'postgres://x:y@z/db',
  NEXT_TELEMETRY_DISABLED: '1',
  SSH_AUTH_SOCK: '/tmp/ssh-agent',
};

describe('childEnv', () => {
  it('gives the collector its settings and the system basics, nothing else', () => {
    expect(childEnv('collector', PARENT)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/miner',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      TZ: 'Europe/Berlin',
      NODE_ENV: 'production',
      NODE_OPTIONS: '--max-old-space-size=512',
      NODE_EXTRA_CA_CERTS: '/etc/ssl/lan-ca.pem',
      PORT: '3000',
      HASHWATT_DB: '/var/lib/hashwatt/hashwatt.db',
      HASHWATT_POLL_INTERVAL_S: '10',
      HASHWATT_PUBLIC_URL: 'https://hashwatt.example.com',
      HASHWATT_BITCOIND_PASSWORD: 'rpc-pass',
      HASHWATT_SIM_SUBNET: '127.0.1',
    });
  });

  it('gives the web server the same plus its TLS files and Next.js settings', () => {
    const web = childEnv('web', PARENT);
    expect(web).toMatchObject({
      HASHWATT_TLS_KEY: '/etc/hashwatt/key.pem',
      NEXT_TELEMETRY_DISABLED: '1',
      HASHWATT_DB: '/var/lib/hashwatt/hashwatt.db',
    });
    for (const withheld of [
      'HASHWATT_ADMIN_USER',
      'HASHWATT_ADMIN_PASSWORD',
      'HASHWATT_USER_PASSWORD',
      'AWS_SECRET_ACCESS_KEY',
      'GITHUB_TOKEN',
      'DATABASE_URL',
      'SSH_AUTH_SOCK',
    ]) {
      expect(web).not.toHaveProperty(withheld);
    }
  });

  it('gives the simulator its own settings only: not even where the database is', () => {
    expect(childEnv('simulator', PARENT, { HASHWATT_DEMO_MINERS: '48' })).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/miner',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      TZ: 'Europe/Berlin',
      NODE_ENV: 'production',
      NODE_OPTIONS: '--max-old-space-size=512',
      NODE_EXTRA_CA_CERTS: '/etc/ssl/lan-ca.pem',
      HASHWATT_SIM_SUBNET: '127.0.1',
      HASHWATT_DEMO_MINERS: '48',
    });
  });
});

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** Where the code names settings: the children's, and the supervisor's and the CLI's own (bin/, withheld on purpose). */
const SOURCES = ['app', 'lib', 'collectors', 'bin', 'server.ts', 'instrumentation.ts', 'proxy.ts'];
/** Names that look like settings but are not read from the environment. */
const NOT_SETTINGS = new Set(['HASHWATT_DB_REPLACED']);

function files(path: string): string[] {
  const full = join(ROOT, path);
  try {
    if (!statSync(full).isDirectory()) return [full];
  } catch {
    return [];
  }
  return readdirSync(full).flatMap((name) => (name === 'node_modules' ? [] : files(join(path, name))));
}

describe('completeness', () => {
  it('every HASHWATT_ setting the code names is given to some child, or withheld on purpose', () => {
    const named = new Set<string>();
    for (const file of SOURCES.flatMap(files).filter((f) => /\.(ts|tsx|mjs|cjs|js)$/.test(f))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bHASHWATT_[A-Z0-9_]*[A-Z0-9]\b/g)) named.add(m[0]);
    }
    expect(named.size).toBeGreaterThan(30);
    const listed = new Set([...Object.values(CHILD_ENV_ALLOWED).flatMap((c) => c.names), ...NOT_FOR_CHILDREN]);
    expect([...named].filter((n) => !listed.has(n) && !NOT_SETTINGS.has(n)).sort()).toEqual([]);
  });
});
