/** Reads the economics the collector stored after each sweep. */
import { and, asc, desc, eq, gte } from 'drizzle-orm';
import type { EconomicsSnapshot, EconomicsView } from '../../views/contracts';
import { GPU_REVENUE_UNSET } from '../../economics/fleet-economics';
import type { Db } from '../client';
import { economics, rigEconomics, type EconomicsRow, type RigEconomicsRow } from '../schema';

/** A stored row as the screens show it. */
export function toEconomicsView(row: EconomicsRow | RigEconomicsRow): EconomicsView {
  const flags = JSON.parse(row.staleJson) as string[];
  const gpuRevenueUnset = flags.includes(GPU_REVENUE_UNSET);
  // Not stored as a column: the kWh of rigs with known revenue is revenue over breakeven (breakeven is over them).
  const known = row.breakevenPricePerKwh !== null && row.breakevenPricePerKwh > 0 ? row.revenuePerDay / row.breakevenPricePerKwh : 0;
  return {
    currency: row.currency,
    tsMs: row.tsMs,
    hashrateThs: row.hashrateThs,
    powerW: row.powerW,
    kwhPerDay: row.kwhPerDay,
    btcPerDay: row.btcPerDay,
    revenuePerDay: row.revenuePerDay,
    costPerDay: row.costPerDay,
    profitPerDay: row.profitPerDay,
    revenuePerKwh: row.revenuePerKwh,
    profitPerKwh: row.profitPerKwh,
    breakevenPricePerKwh: row.breakevenPricePerKwh,
    breakevenBtcPrice: row.breakevenBtcPrice,
    hashpricePerThDay: row.hashpricePerThDay,
    pricePerKwh: row.pricePerKwh,
    powerEstimatedShare: row.powerEstimatedShare,
    stale: flags.filter((f) => f !== GPU_REVENUE_UNSET),
    gpuRevenueUnset,
    kwhRevenueUnknownPerDay: gpuRevenueUnset ? Math.max(0, row.kwhPerDay - known) : 0,
  };
}

/** Id of the newest sweep that has economics, or null. */
export function latestEconomicsSweepId(db: Db): number | null {
  const row = db.orm
    .select({ sweepId: economics.sweepId })
    .from(economics)
    .where(eq(economics.scope, 'fleet'))
    .orderBy(desc(economics.sweepId))
    .limit(1)
    .get();
  return row?.sweepId ?? null;
}

/**
 * The economics of one sweep by scope (empty when the sweep has none). Rigs' figures are kept only as each
 * rig's latest row: the rigs whose latest row is of this sweep (all of them for the newest sweep).
 */
export function economicsOfSweep(db: Db, sweepId: number | null): EconomicsSnapshot {
  const snapshot: EconomicsSnapshot = { fleet: null, sites: {}, rigs: {} };
  if (sweepId === null) return snapshot;
  for (const row of db.orm.select().from(economics).where(eq(economics.sweepId, sweepId)).all()) {
    const view = toEconomicsView(row);
    if (row.scope === 'fleet') snapshot.fleet = view;
    else if (row.scope === 'site') snapshot.sites[row.scopeId] = view;
  }
  for (const row of db.orm.select().from(rigEconomics).where(eq(rigEconomics.sweepId, sweepId)).all())
    snapshot.rigs[row.rigId] = toEconomicsView(row);
  return snapshot;
}

/** The latest economics by scope. */
export function latestEconomics(db: Db): EconomicsSnapshot {
  return economicsOfSweep(db, latestEconomicsSweepId(db));
}

/** Fleet economics history (one point per sweep) since `sinceMs`, oldest first. */
export function fleetEconomicsHistory(db: Db, sinceMs: number) {
  return db.orm
    .select({
      tsMs: economics.tsMs,
      profitPerKwh: economics.profitPerKwh,
      profitPerDay: economics.profitPerDay,
      pricePerKwh: economics.pricePerKwh,
    })
    .from(economics)
    .where(and(eq(economics.scope, 'fleet'), eq(economics.scopeId, 0), gte(economics.tsMs, sinceMs)))
    .orderBy(asc(economics.tsMs))
    .all();
}
