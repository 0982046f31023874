/**
 * The pool accounts Hashwatt can read, as the settings screen describes them: a label, the public API
 * base used when none is given, and each credential the adapter needs with whether it is a secret
 * (secrets are shown as "<redacted>"). The adapters themselves are collectors/sources/pools; a unit test
 * keeps this table and theirs in step.
 */

/** One credential a pool adapter reads from pools.credentials_json. */
export interface PoolCredentialField {
  key: string;
  label: string;
  /** Shown as "<redacted>" and kept when sent back so. */
  secret: boolean;
  placeholder?: string;
}

/** A pool kind as the settings screen shows it. */
export interface PoolKindInfo {
  label: string;
  defaultBaseUrl: string;
  credentials: readonly PoolCredentialField[];
}

/** Every supported pool kind, by its pools.kind value. */
export const POOL_KINDS = {
  braiins: {
    label: 'Braiins Pool',
    defaultBaseUrl: 'https://pool.braiins.com',
    credentials: [{ key: 'token', label: 'API token', secret: true }],
  },
  ocean: {
    label: 'OCEAN',
    defaultBaseUrl: 'https://api.ocean.xyz',
    credentials: [{ key: 'address', label: 'Payout address', secret: false, placeholder: 'bc1q…' }],
  },
  viabtc: {
    label: 'ViaBTC',
    defaultBaseUrl: 'https://www.viabtc.net',
    credentials: [{ key: 'apiKey', label: 'API key (read-only)', secret: true }],
  },
  antpool: {
    label: 'AntPool',
    defaultBaseUrl: 'https://antpool.com',
    credentials: [
      { key: 'userId', label: 'User ID', secret: false },
      { key: 'apiKey', label: 'API key', secret: true },
      { key: 'apiSecret', label: 'API secret', secret: true },
    ],
  },
  f2pool: {
    label: 'F2Pool',
    defaultBaseUrl: 'https://api.f2pool.com',
    credentials: [{ key: 'user', label: 'Account name', secret: false }],
  },
  luxor: {
    label: 'Luxor',
    defaultBaseUrl: 'https://app.luxor.tech/api',
    credentials: [
      { key: 'apiKey', label: 'API key', secret: true },
      { key: 'subaccount', label: 'Subaccount', secret: false },
    ],
  },
} as const satisfies Record<string, PoolKindInfo>;

/** A pool kind's pools.kind value, one of POOL_KINDS. */
export type PoolKind = keyof typeof POOL_KINDS;
/** Every pool kind's name, in the order the settings screen offers them. */
export const POOL_KIND_NAMES = Object.keys(POOL_KINDS) as PoolKind[];

/** The kind's description, or null for a kind Hashwatt cannot read. */
export function poolKindInfo(kind: string): PoolKindInfo | null {
  return Object.hasOwn(POOL_KINDS, kind) ? POOL_KINDS[kind as PoolKind] : null;
}
