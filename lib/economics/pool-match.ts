/** Which configured pool a rig hashes for: the first alive pool whose URL contains a pool's match text. */
import type { Reading } from '../domain/reading';

/** A configured pool as matching needs it. */
export interface PoolMatcher {
  id: number;
  feePct: number;
  matchUrl: string;
}

/** The rig's active pool: the first one reported alive (firmware lists pools by priority). */
export function activePoolUrl(reading: Reading): string | null {
  const alive = reading.pools.find((p) => /alive/i.test(p.status)) ?? reading.pools[0];
  return alive?.url ?? null;
}

/** The configured pool the rig points at, or null. */
export function matchPool<P extends PoolMatcher>(reading: Reading, pools: readonly P[]): P | null {
  const url = activePoolUrl(reading)?.toLowerCase();
  if (!url) return null;
  return pools.find((p) => p.matchUrl !== '' && url.includes(p.matchUrl.toLowerCase())) ?? null;
}

/** The fee of the pool the rig points at, in percent; null when it matches no configured pool. */
export function poolFeeForRig(reading: Reading, pools: readonly PoolMatcher[]): number | null {
  return matchPool(reading, pools)?.feePct ?? null;
}

/** Ids of the configured pools that any of `readings` points at (the pools a set of rigs uses). */
export function poolIdsInUse<P extends PoolMatcher>(readings: readonly (Reading | null)[], pools: readonly P[]): Set<number> {
  const ids = new Set<number>();
  for (const reading of readings) {
    const pool = reading ? matchPool(reading, pools) : null;
    if (pool) ids.add(pool.id);
  }
  return ids;
}
