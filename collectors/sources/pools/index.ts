/** Every pool adapter by its pools.kind value. */
import { antpoolAdapter } from './antpool';
import { braiinsAdapter } from './braiins';
import { f2poolAdapter } from './f2pool';
import { luxorAdapter } from './luxor';
import { oceanAdapter } from './ocean';
import type { PoolAdapter } from './types';
import { viabtcAdapter } from './viabtc';

/** The registry: adding a pool is one module and one entry here. */
export const POOL_ADAPTERS: Readonly<Record<string, PoolAdapter>> = Object.fromEntries(
  [braiinsAdapter, oceanAdapter, viabtcAdapter, antpoolAdapter, f2poolAdapter, luxorAdapter].map((a) => [a.kind, a]),
);

/** The adapter for `kind`, or null when no such pool is supported. */
export function poolAdapter(kind: string): PoolAdapter | null {
  return Object.hasOwn(POOL_ADAPTERS, kind) ? POOL_ADAPTERS[kind] : null;
}

export type { PoolAccountRef, PoolAdapter, PoolFetchOptions } from './types';
