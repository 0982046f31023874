/** Read queries for fleet totals, the fleet history chart and the page snapshot. */
import { asc, desc, gte, max } from 'drizzle-orm';
import type { FleetPoint, FleetSnapshot, FleetTotals } from '../../views/contracts';
import type { Db } from '../client';
import { changes, sweeps } from '../schema';
import { activeAlerts } from './alerts';
import { economicsFor, type RigSelection } from './live-economics';
import { getMarketView } from './market';
import type { MarketPolicy } from '../../domain/market-policy';
import { listRigViews, rigViewsByIds } from './rigs';
import { HISTORY_WINDOW_MS } from '../../views/history-window';
import { readTransaction } from '../transactions';
import { fleetSummary, readCells, siteSummaries } from './fleet-cells';

/** End time of the last committed sweep, or null before the first. */
export function lastSweepEndMs(db: Db): number | null {
  const row = db.orm.select().from(sweeps).orderBy(desc(sweeps.id)).limit(1).get();
  return row ? row.startedAtMs + row.durationMs : null;
}

/** Fleet totals now: the last sweep's summary (one row, not every rig). */
export function getFleetTotals(db: Db): FleetTotals {
  return fleetSummary(db, lastSweepEndMs(db)).fleet;
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

/** What a page asks of the snapshot beyond the summary. */
export interface SnapshotOptions {
  /** Full views (and economics) of these rigs; 'all' for the pages that still list the whole fleet. */
  rigs?: RigSelection;
  /** Every heat-map cell (a socket's resync); pages leave them out of their HTML. */
  cells?: boolean;
}

/**
 * A consistent snapshot (one read transaction): cursor, fleet and site summaries, the last hour, fleet and
 * site economics, market, alerts; the rigs and cells only when asked (cheap at 10,000 rigs otherwise).
 */
export function getFleetSnapshot(db: Db, nowMs: number, market: MarketPolicy, opts: SnapshotOptions = {}): FleetSnapshot {
  return readTransaction(db, () => {
    const cursor = currentCursor(db);
    const selection = opts.rigs ?? [];
    const rigs = selection === 'all' ? listRigViews(db) : rigViewsByIds(db, selection);
    const summary = fleetSummary(db, lastSweepEndMs(db));
    return {
      cursor,
      fleet: summary.fleet,
      counts: summary.counts,
      sites: siteSummaries(db, summary),
      cells: opts.cells ? readCells(db, nowMs) : null,
      rigs,
      history: fleetHistory(db, nowMs - HISTORY_WINDOW_MS),
      economics: economicsFor(db, selection),
      market: getMarketView(db, nowMs, market),
      alerts: activeAlerts(db),
    };
  });
}
