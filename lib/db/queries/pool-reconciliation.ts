/** Pool-reported hash rate over the last hour against the sum of the rigs pointed at each pool. */
import type { PoolAccountState } from '../../domain/network';
import { matchPool } from '../../economics/pool-match';
import type { PoolReconciliation, RigView } from '../../views/contracts';
import type { Db } from '../client';
import { listPools } from './pools';
import { getSourced } from './source-state';

const HOUR_MS = 3_600_000;

/** Mean hash rate of each rig over [sinceMs, now], from raw samples. */
function meanHashrateByRig(db: Db, rigIds: number[], sinceMs: number): Map<number, number> {
  if (rigIds.length === 0) return new Map();
  const rows = db.sqlite
    .prepare(
      `select rig_id as rigId, avg(hashrate_ths) as ths from samples
       where ts_ms >= ? and rig_id in (${rigIds.map(() => '?').join(',')}) group by rig_id`,
    )
    .all(sinceMs, ...rigIds) as { rigId: number; ths: number }[];
  return new Map(rows.map((r) => [r.rigId, r.ths]));
}

/**
 * One row per configured pool, comparing over the last hour. `wholeFleet` false (a principal limited to
 * some sites, whose rigs `rigs` are): only the pools those rigs point at, and without the account's own
 * figures (its hash rate, the gap, its fetch state), which count every site's rigs.
 */
export function poolReconciliation(db: Db, rigs: readonly RigView[], nowMs: number, wholeFleet = true): PoolReconciliation[] {
  const rows = allPoolRows(db, rigs, nowMs);
  return wholeFleet
    ? rows
    : rows
        .filter((r) => r.rigs > 0)
        .map((r) => ({ ...r, poolHashrateThs1h: null, gapThs: null, gapPct: null, fetchedAtMs: null, lastError: null }));
}

function allPoolRows(db: Db, rigs: readonly RigView[], nowMs: number): PoolReconciliation[] {
  const pools = listPools(db);
  const byPool = new Map<number, number[]>();
  for (const rig of rigs) {
    const pool = rig.reading ? matchPool(rig.reading, pools) : null;
    if (pool) byPool.set(pool.id, [...(byPool.get(pool.id) ?? []), rig.id]);
  }
  const means = meanHashrateByRig(db, [...byPool.values()].flat(), nowMs - HOUR_MS);
  return pools.map((pool) => {
    const state = getSourced<PoolAccountState>(db, `pool:${pool.id}`);
    const ids = byPool.get(pool.id) ?? [];
    const rigsThs = ids.reduce((sum, id) => sum + (means.get(id) ?? 0), 0);
    const poolThs = state.value?.hashrateThs1h ?? null;
    const gapThs = poolThs === null ? null : poolThs - rigsThs;
    return {
      poolId: pool.id,
      name: pool.name,
      kind: pool.kind,
      poolHashrateThs1h: poolThs,
      rigsHashrateThs1h: rigsThs,
      rigs: ids.length,
      gapThs,
      gapPct: gapThs === null || rigsThs <= 0 ? null : (gapThs / rigsThs) * 100,
      fetchedAtMs: state.fetchedAtMs,
      lastError: state.lastError,
    };
  });
}
