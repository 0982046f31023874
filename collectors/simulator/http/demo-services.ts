/**
 * What the demo's HTTP services stand for: which rigs hash into the demo pool account, and the manifest
 * entry the supervisor turns into a network source and a pools row.
 */
import { DEMO_POOL_NAME } from '../../../lib/domain/demo';
import type { PoolConfig } from '../../../lib/domain/pool-config';
import type { RigPlan } from '../fleet-plan';
import { minerStateAt } from '../miner-state';
import type { RunningHttpServices } from './server';

/** Default port of the demo's HTTP services (mempool-compatible and pool APIs) on <subnet>.250. */
export const DEFAULT_HTTP_PORT = 8999;
/** Stratum host the demo's Braiins-compatible pool account stands for (Rockdale's primary pool). */
export const DEMO_POOL_HOST = 'btc.pool-one.example';
/** Token the demo pool API accepts. */
export const DEMO_POOL_TOKEN = 'demo-token';

/** A pool account the demo serves, as the supervisor registers it in the pools table. */
export type SimManifestPool = PoolConfig;

/** The demo's HTTP services: a mempool-compatible API and pool account APIs. */
export interface SimManifestServices {
  mempoolBaseUrl: string;
  pools: SimManifestPool[];
}

/**
 * Each rig's own rate by pool worker name ("hashwattdemo.rockdale-a01"), for rigs whose active (first)
 * pool is the demo pool; 0 while a rig is off the network or forced into a fault.
 */
export function demoPoolRates(rigs: Iterable<{ plan: RigPlan; forced: unknown }>, seed: number, tMs: number): Map<string, number> {
  const rates = new Map<string, number>();
  for (const rig of rigs) {
    if (!rig.plan.site.poolUrls[0]?.includes(DEMO_POOL_HOST)) continue;
    const state = minerStateAt(rig.plan, seed, tMs);
    // The 30-minute rate is the closest the miner has to a pool's one-hour window.
    rates.set(`${rig.plan.site.poolAccount}.${rig.plan.name}`, state.online && rig.forced === null ? state.hashrate30mThs : 0);
  }
  return rates;
}

/** The manifest's `services` for running services. */
export function demoServices(http: Pick<RunningHttpServices, 'baseUrl' | 'mempoolBaseUrl'>): SimManifestServices {
  return {
    mempoolBaseUrl: http.mempoolBaseUrl,
    pools: [
      {
        name: DEMO_POOL_NAME,
        kind: 'braiins',
        baseUrl: http.baseUrl,
        credentials: { token: DEMO_POOL_TOKEN },
        feePct: 2,
        matchUrl: DEMO_POOL_HOST,
      },
    ],
  };
}
