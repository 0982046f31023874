/**
 * The heat map's view of the fleet: one cell per rig, read lean (a few columns and the hottest sensor out of
 * the stored reading, no whole reading parsed), and each site's totals and state counts from the last
 * sweep's change row (the collector summarized them when it wrote the sweep).
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { rigCellOf, locationOf, type RigCell } from '../../domain/rig-cell';
import { summarizeFleet } from '../../domain/fleet-summary';
import type { SweepChangePayload } from '../mutations/sweep-change';
import { rigThresholds } from '../../alerts/scope-thresholds';
import type { Connectivity, MinerStatus } from '../../domain/reading';
import type { SiteSummary } from '../../views/contracts';
import type { Db } from '../client';
import { changes, economics, rigStatus, rigs } from '../schema';
import { loadAlertSettings } from './alert-settings';
import { latestEconomicsSweepId } from './economics';
import { listRigViews } from './rigs';
import { listSites } from './sites';

/** Every rig's cell now, by name. */
export function readCells(db: Db, nowMs: number): RigCell[] {
  const sweepId = latestEconomicsSweepId(db);
  const margins = new Map<number, { breakeven: number | null; price: number | null }>();
  if (sweepId !== null) {
    const rows = db.orm
      .select({ id: economics.scopeId, breakeven: economics.breakevenPricePerKwh, price: economics.pricePerKwh })
      .from(economics)
      .where(and(eq(economics.sweepId, sweepId), eq(economics.scope, 'rig')))
      .all();
    for (const r of rows) margins.set(r.id, { breakeven: r.breakeven, price: r.price });
  }
  const settings = loadAlertSettings(db, nowMs);
  const rows = db.orm
    .select({
      id: rigs.id,
      siteId: rigs.siteId,
      name: rigs.name,
      building: rigs.locationBuilding,
      rack: rigs.locationRack,
      position: rigs.locationPosition,
      connectivity: rigStatus.connectivity,
      status: sql<string | null>`json_extract(${rigStatus.readingJson}, '$.status')`,
      tempMaxC: sql<number | null>`json_extract(${rigStatus.readingJson}, '$.tempMaxC')`,
    })
    .from(rigs)
    .leftJoin(rigStatus, eq(rigStatus.rigId, rigs.id))
    .orderBy(asc(rigs.name))
    .all();
  return rows.map((r) => {
    const m = margins.get(r.id);
    const connectivity = (r.connectivity as Connectivity | null) ?? 'offline';
    const reading = r.status === null ? null : { status: r.status as MinerStatus, tempMaxC: r.tempMaxC };
    return rigCellOf(
      { id: r.id, siteId: r.siteId, name: r.name, connectivity, reading },
      {
        location: locationOf(r.building, r.rack, r.position),
        breakevenPricePerKwh: m?.breakeven ?? null,
        pricePerKwh: m?.price ?? null,
        warnC: rigThresholds(settings, r.id, r.siteId)['temp-high'].maxC,
      },
    );
  });
}

/** The last sweep's change-row payload, or null before the first sweep (or one written by an older version). */
export function lastSweepSummary(db: Db): SweepChangePayload | null {
  const row = db.orm
    .select({ payload: changes.payload })
    .from(changes)
    .where(eq(changes.kind, 'sweep'))
    .orderBy(desc(changes.id))
    .limit(1)
    .get();
  if (!row) return null;
  try {
    const p = JSON.parse(row.payload) as Partial<SweepChangePayload>;
    return p.fleet && p.counts && Array.isArray(p.sites) && p.point ? (p as SweepChangePayload) : null;
  } catch {
    return null;
  }
}

/**
 * The fleet summary now: the last sweep's, or (before the first sweep, or after an upgrade) computed from
 * the rig views.
 */
export function fleetSummary(db: Db, updatedAtMs: number | null): Omit<SweepChangePayload, 'point'> {
  return lastSweepSummary(db) ?? summarizeFleet(listRigViews(db), updatedAtMs);
}

/** Every site with its totals and counts from `summary`, by name (a site without rigs has zeros). */
export function siteSummaries(db: Db, summary: Omit<SweepChangePayload, 'point'>): SiteSummary[] {
  const bySite = new Map(summary.sites.map((s) => [s.siteId, s]));
  const empty = summarizeFleet([], summary.fleet.updatedAtMs).fleet;
  return listSites(db)
    .map((site) => ({
      id: site.id,
      name: site.name,
      timeZone: site.timeZone,
      totals: bySite.get(site.id)?.totals ?? empty,
      counts: bySite.get(site.id)?.counts ?? summarizeFleet([], null).counts,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
