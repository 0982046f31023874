/**
 * The environment each child of `hashwatt start` gets: built from an allow-list, never the supervisor's
 * whole environment. A child holds only what it reads (its settings and the system's basics), so the
 * first admin's password (HASHWATT_ADMIN_PASSWORD, used by the supervisor alone), a CLI password
 * (HASHWATT_USER_PASSWORD) and whatever else the shell or the service manager carries (cloud keys, tokens)
 * never sit in a process that talks to devices and the network. A variable not listed here does not reach
 * any child: a new setting is added to the table of the child that reads it (a unit test fails for any
 * HASHWATT_ name the code reads that no list names). Pure.
 */

export type ChildName = 'simulator' | 'collector' | 'web';

/** What every child may need from the system: where programs and home are, locale, time zone, temp, TLS trust. */
const SYSTEM_NAMES = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TMP',
  'TEMP',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'NO_COLOR',
  'FORCE_COLOR',
];
/** Prefixes of the same: locale categories, Node's own settings (NODE_OPTIONS, NODE_EXTRA_CA_CERTS), tsx's. */
const SYSTEM_PREFIXES = ['LC_', 'NODE_', 'TSX_'];

/** The settings of lib/config/core.ts (loadConfig), which the collector and the web server both read. */
const CONFIG_NAMES = [
  'PORT',
  'HASHWATT_HOST',
  'HASHWATT_DB',
  'HASHWATT_DEMO',
  'HASHWATT_DEMO_MINERS',
  'HASHWATT_POLL_INTERVAL_S',
  'HASHWATT_STALE_AFTER_POLLS',
  'HASHWATT_OFFLINE_AFTER_POLLS',
  'HASHWATT_REQUEST_TIMEOUT_MS',
  'HASHWATT_POLL_CONCURRENCY',
  'HASHWATT_HELD_READINGS_MAX',
  'HASHWATT_RAW_RETENTION_H',
  'HASHWATT_ROLLUP_1M_RETENTION_D',
  'HASHWATT_ROLLUP_5M_RETENTION_D',
  'HASHWATT_ROLLUP_1H_RETENTION_D',
  'HASHWATT_CURRENCY',
  'HASHWATT_NETWORK_STALE_AFTER_S',
  'HASHWATT_PRICE_STALE_AFTER_S',
  'HASHWATT_SIM_MANIFEST',
  'HASHWATT_SIM_SUBNET',
  'HASHWATT_PUBLIC_URL',
  'HASHWATT_NOTIFY_PRIVATE_HOSTS',
  // The key of the secrets stored in the database (encrypted at rest): both processes read them.
  'HASHWATT_SECRET_KEY',
];

/** The network and price sources (lib/config/sources.ts): the collector fetches, the settings screen shows them. */
const SOURCE_NAMES = [
  'HASHWATT_NETWORK_SOURCE',
  'HASHWATT_MEMPOOL_URL',
  'HASHWATT_BITCOIND_URL',
  'HASHWATT_BITCOIND_USER',
  'HASHWATT_BITCOIND_PASSWORD',
  'HASHWATT_BITCOIND_COOKIE',
  'HASHWATT_BITCOIND_FEE_BLOCKS',
  'HASHWATT_BTC_PRICE',
  'HASHWATT_SOURCE_INTERVAL_S',
  'HASHWATT_SOURCE_TIMEOUT_MS',
];

/** The web server's own (lib/config/web.ts), and Next.js's. */
const WEB_NAMES = [
  'HASHWATT_TLS_CERT',
  'HASHWATT_TLS_KEY',
  'HASHWATT_TRUSTED_PROXIES',
  'HASHWATT_SESSION_TTL_H',
  'HASHWATT_SESSION_MAX_AGE_D',
];
const WEB_PREFIXES = ['NEXT_'];

/** The demo simulator's (collectors/simulator/main.ts). */
const SIMULATOR_NAMES = [
  'HASHWATT_DEMO_MINERS',
  'HASHWATT_SIM_MANIFEST',
  'HASHWATT_SIM_SUBNET',
  'HASHWATT_SIM_PORT',
  'HASHWATT_SIM_HTTP_PORT',
  'HASHWATT_SIM_SEED',
];

/** Which names, and which prefixes, each child gets. */
export const CHILD_ENV_ALLOWED: Readonly<Record<ChildName, { names: readonly string[]; prefixes: readonly string[] }>> = {
  simulator: { names: [...SYSTEM_NAMES, ...SIMULATOR_NAMES], prefixes: SYSTEM_PREFIXES },
  collector: { names: [...SYSTEM_NAMES, ...CONFIG_NAMES, ...SOURCE_NAMES], prefixes: SYSTEM_PREFIXES },
  web: { names: [...SYSTEM_NAMES, ...CONFIG_NAMES, ...SOURCE_NAMES, ...WEB_NAMES], prefixes: [...SYSTEM_PREFIXES, ...WEB_PREFIXES] },
};

/**
 * Settings read only by the supervisor or the CLI, never by a child: listed so the completeness test
 * knows they are withheld on purpose.
 */
export const NOT_FOR_CHILDREN = ['HASHWATT_ADMIN_USER', 'HASHWATT_ADMIN_PASSWORD', 'HASHWATT_USER_PASSWORD'] as const;

/** `child`'s environment: the allowed variables of `from`, then `extra` (the supervisor's own settings for it). */
export function childEnv(
  child: ChildName,
  from: Readonly<Record<string, string | undefined>>,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const { names, prefixes } = CHILD_ENV_ALLOWED[child];
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(from)) {
    if (value === undefined) continue;
    if (names.includes(key) || prefixes.some((p) => key.startsWith(p))) out[key] = value;
  }
  // Next's types make NODE_ENV required; the supervisor always sets it, and a child reads it as it comes.
  return { ...out, ...extra } as NodeJS.ProcessEnv;
}
