/** Every pool adapter by its pools.kind value. */
import type { PoolKind } from '../../../lib/domain/pool-kinds';
import { antpoolAdapter } from './antpool';
import { braiinsAdapter } from './braiins';
import { f2poolAdapter } from './f2pool';
import { luxorAdapter } from './luxor';
import { oceanAdapter } from './ocean';
import type { PoolAdapter } from './types';
import { viabtcAdapter } from './viabtc';

/**
 * The registry, keyed by the pool kinds the settings screen describes (lib/domain/pool-kinds.ts): the type
 * makes it name every kind once. Adding a pool is its module, its POOL_KINDS entry and one line here.
 */
export const POOL_ADAPTERS = {
  braiins: braiinsAdapter,
  ocean: oceanAdapter,
  viabtc: viabtcAdapter,
  antpool: antpoolAdapter,
  f2pool: f2poolAdapter,
  luxor: luxorAdapter,
} as const satisfies Readonly<Record<PoolKind, PoolAdapter>>;

/** The adapter for `kind`, or null when no such pool is supported. */
export function poolAdapter(kind: string): PoolAdapter | null {
  return Object.hasOwn(POOL_ADAPTERS, kind) ? POOL_ADAPTERS[kind as PoolKind] : null;
}

export type { PoolAccountRef, PoolAdapter, PoolFetchOptions } from './types';
