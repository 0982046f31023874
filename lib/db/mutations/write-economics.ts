/** Stores a sweep's economics (rig, site and fleet rows) and tells browsers, in one transaction. */
import type { SweepEconomics, Flagged } from '../../economics/fleet-economics';
import type { Db } from '../client';
import { economics } from '../schema';
import { logChange } from './change-log';
import { writeTransaction } from '../transactions';

function row(sweepId: number, tsMs: number, scope: string, scopeId: number, f: Flagged) {
  return {
    sweepId,
    scope,
    scopeId,
    tsMs,
    currency: f.currency,
    hashrateThs: f.hashrateThs,
    powerW: f.powerW,
    kwhPerDay: f.kwhPerDay,
    btcPerDay: f.btcPerDay,
    revenuePerDay: f.revenuePerDay,
    costPerDay: f.costPerDay,
    profitPerDay: f.profitPerDay,
    revenuePerKwh: f.revenuePerKwh,
    profitPerKwh: f.profitPerKwh,
    breakevenPricePerKwh: f.breakevenPricePerKwh,
    breakevenBtcPrice: f.breakevenBtcPrice,
    hashpricePerThDay: f.hashpricePerThDay,
    pricePerKwh: f.pricePerKwh,
    powerEstimatedShare: f.powerEstimatedShare,
    staleJson: JSON.stringify(f.stale),
  };
}

/** Writes every scope of `result` for the sweep; returns the number of rows. */
export function writeEconomics(db: Db, sweepId: number, tsMs: number, result: SweepEconomics): number {
  const rows = [
    ...[...result.rigs].map(([id, f]) => row(sweepId, tsMs, 'rig', id, f)),
    ...[...result.sites].map(([id, f]) => row(sweepId, tsMs, 'site', id, f)),
    ...(result.fleet ? [row(sweepId, tsMs, 'fleet', 0, result.fleet)] : []),
  ];
  if (rows.length === 0) return 0;
  writeTransaction(db, () => {
    for (let i = 0; i < rows.length; i += 200)
      db.orm
        .insert(economics)
        .values(rows.slice(i, i + 200))
        .onConflictDoNothing()
        .run();
    logChange(db, { tsMs, kind: 'economics', payload: { sweepId } });
  });
  return rows.length;
}
