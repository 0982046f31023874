/** Read queries for fleet totals, the fleet history chart and the page snapshot. */
import { asc, desc, gte, max } from 'drizzle-orm';
import { fleetTotals } from '../../domain/fleet';
import type { FleetPoint, FleetSnapshot, FleetTotals } from '../../views/contracts';
import type { Db } from '../client';
import { changes, sweeps } from '../schema';
import { activeAlerts } from './alerts';
import { latestEconomics } from './economics';
import { getMarketView, type MarketPolicy } from './market';
import { listRigViews } from './rigs';
import { HISTORY_WINDOW_MS } from '../../views/history-window';
import { readTransaction } from '../transactions';
import { countStates } from '../../domain/rig-cell';
import { rigCells, siteSummaries } from './fleet-cells';

/** End time of the last committed sweep, or null before the first. */
export function lastSweepEndMs(db: Db): number | null {
  const row = db.orm.select().from(sweeps).orderBy(desc(sweeps.id)).limit(1).get();
  return row ? row.startedAtMs + row.durationMs : null;
}

/** Fleet totals now. */
export function getFleetTotals(db: Db): FleetTotals {
  return fleetTotals(listRigViews(db), lastSweepEndMs(db));
}

/** One point per sweep since `sinceMs`, oldest first. */
export function fleetHistory(db: Db, sinceMs: number): FleetPoint[] {
  return db.orm
    .select({ tsMs: sweeps.startedAtMs, hashrateThs: sweeps.hashrateThs, powerW: sweeps.powerW })
    .from(sweeps)
    .where(gte(sweeps.startedAtMs, sinceMs))
    .orderBy(asc(sweeps.startedAtMs))
    .all();
}

/** Highest change id: the live cursor a snapshot corresponds to. */
export function currentCursor(db: Db): number {
  return (
    db.orm
      .select({ id: max(changes.id) })
      .from(changes)
      .get()?.id ?? 0
  );
}

export { HISTORY_WINDOW_MS };

/** A consistent snapshot (one read transaction): cursor, totals, rigs, the last hour, economics, market. */
export function getFleetSnapshot(db: Db, nowMs: number, market: MarketPolicy): FleetSnapshot {
  return readTransaction(db, () => {
    const cursor = currentCursor(db);
    const rigs = listRigViews(db);
    const economics = latestEconomics(db);
    const updatedAtMs = lastSweepEndMs(db);
    const cells = rigCells(db, rigs, economics, nowMs);
    return {
      cursor,
      fleet: fleetTotals(rigs, updatedAtMs),
      counts: countStates(cells),
      sites: siteSummaries(db, rigs, cells, updatedAtMs),
      cells,
      rigs,
      history: fleetHistory(db, nowMs - HISTORY_WINDOW_MS),
      economics,
      market: getMarketView(db, nowMs, market),
      alerts: activeAlerts(db),
    };
  });
}
