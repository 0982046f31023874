/**
 * The web server's memory of the fleet between batches of changes: every heat-map cell as last sent, so a
 * batch sends only the cells that changed (sameCell). Computed once per batch for all sockets; each socket
 * then only filters by its sites and adds the rigs it watches.
 */
import { countStates, sameCell, type RigCell } from '../domain/rig-cell';
import type { Db } from '../db/client';
import { fleetSummary, lastSweepSummary, readCells, siteSummaries } from '../db/queries/fleet-cells';
import { lastSweepEndMs } from '../db/queries/fleet';
import type { FleetPoint, FleetTotals, SiteSummary } from '../views/contracts';
import type { StateCounts } from '../domain/rig-cell';

/** Where the whole fleet stands at a cursor (before any socket's scope). */
export interface FleetFrame {
  /** The last change id it includes. */
  cursor: number;
  fleet: FleetTotals;
  counts: StateCounts;
  /** Totals from the last sweep, counts from the cells. */
  sites: SiteSummary[];
  /** Every cell, by site then name. */
  cells: RigCell[];
  /** The last sweep's chart point. */
  point: FleetPoint | null;
}

/** Reads the frame at the database's current state; call inside a read transaction that also read `cursor`. */
export function readFrame(db: Db, cursor: number, nowMs: number): FleetFrame {
  const cells = readCells(db, nowMs);
  const summary = fleetSummary(db, lastSweepEndMs(db));
  const bySite = new Map<number, RigCell[]>();
  for (const c of cells) {
    const list = bySite.get(c.siteId);
    if (list) list.push(c);
    else bySite.set(c.siteId, [c]);
  }
  const sites = siteSummaries(db, summary).map((s) => ({ ...s, counts: countStates(bySite.get(s.id) ?? []) }));
  return { cursor, fleet: summary.fleet, counts: countStates(cells), sites, cells, point: lastSweepSummary(db)?.point ?? null };
}

/** The cells of `next` that differ from `prev` (new ones included). */
export function changedCells(prev: ReadonlyMap<number, RigCell>, next: readonly RigCell[]): RigCell[] {
  return next.filter((c) => {
    const before = prev.get(c.id);
    return !before || !sameCell(before, c);
  });
}

/** Cells by id. */
export function cellIndex(cells: readonly RigCell[]): Map<number, RigCell> {
  return new Map(cells.map((c) => [c.id, c]));
}
