/**
 * Pool and fleet rules: a pool's hash rate over the last hour differs from its rigs' sum by more than the
 * limit (either way: the pool credits less than the rigs hash, or rigs report more than they deliver),
 * and network or price data older than their limit.
 */
import type { AlertInput, AlertSettings } from './inputs';
import type { AlertThresholds } from './thresholds';
import { FLEET_SUBJECT_ID, type Observation } from './types';

function poolGapObservations(input: AlertInput, t: AlertThresholds['pool-gap']): Observation[] {
  if (!t.enabled) return [];
  return input.pools.flatMap((pool): Observation[] => {
    if (pool.gapPct === null || !Number.isFinite(pool.gapPct)) return [];
    const detail = `pool ${pool.name} ${pool.poolHashrateThs1h ?? '?'} TH/s vs rigs ${pool.rigsHashrateThs1h} TH/s over 1 h: gap ${pool.gapPct} % (limit ${t.gapPct} %)`;
    return [{ rule: 'pool-gap', scope: 'pool', subjectId: pool.poolId, siteId: null, breached: Math.abs(pool.gapPct) > t.gapPct, value: pool.gapPct, detail }];
  });
}

function ageObservation(
  rule: 'network-stale' | 'price-stale',
  what: string,
  fetchedAtMs: number | null | undefined,
  nowMs: number,
  t: AlertThresholds['network-stale'],
): Observation[] {
  if (fetchedAtMs === undefined || !t.enabled) return [];
  const base = { rule, scope: 'fleet', subjectId: FLEET_SUBJECT_ID, siteId: null } as const;
  if (fetchedAtMs === null) return [{ ...base, breached: true, value: null, detail: `${what} data never fetched` }];
  const ageMs = nowMs - fetchedAtMs;
  const detail = `${what} data ${Math.round(ageMs / 60_000)} min old (limit ${t.afterMs / 60_000} min)`;
  return [{ ...base, breached: ageMs > t.afterMs, value: ageMs, detail }];
}

/** Pool-gap, network-stale and price-stale observations (global thresholds). */
export function fleetObservations(input: AlertInput, settings: AlertSettings): Observation[] {
  const t = settings.global;
  return [
    ...poolGapObservations(input, t['pool-gap']),
    ...ageObservation('network-stale', 'network', input.market.networkFetchedAtMs, input.nowMs, t['network-stale']),
    ...ageObservation('price-stale', 'price', input.market.priceFetchedAtMs, input.nowMs, t['price-stale']),
  ];
}
