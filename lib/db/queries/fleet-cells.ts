/** The heat map's view of the fleet: one cell per rig, and each site's totals and state counts. */
import { fleetTotals, type RigView } from '../../domain/fleet';
import { countStates, locationOf, rigCellOf, type RigCell, type RigLocation } from '../../domain/rig-cell';
import { rigThresholds } from '../../alerts/scope-thresholds';
import type { EconomicsSnapshot, SiteSummary } from '../../views/contracts';
import type { Db } from '../client';
import { rigs } from '../schema';
import { loadAlertSettings } from './alert-settings';
import { listSites } from './sites';

/** Every rig's location, by rig id (rigs without one are absent). */
export function rigLocations(db: Db): Map<number, RigLocation> {
  const out = new Map<number, RigLocation>();
  const rows = db.orm
    .select({ id: rigs.id, building: rigs.locationBuilding, rack: rigs.locationRack, position: rigs.locationPosition })
    .from(rigs)
    .all();
  for (const r of rows) {
    const location = locationOf(r.building, r.rack, r.position);
    if (location) out.set(r.id, location);
  }
  return out;
}

/** One cell per view, in the views' order; `economics` gives each rig's margin now. */
export function rigCells(db: Db, views: readonly RigView[], economics: EconomicsSnapshot, nowMs: number): RigCell[] {
  const locations = rigLocations(db);
  const settings = loadAlertSettings(db, nowMs);
  return views.map((v) => {
    const e = economics.rigs[v.id];
    return rigCellOf(v, {
      location: locations.get(v.id) ?? null,
      breakevenPricePerKwh: e?.breakevenPricePerKwh ?? null,
      pricePerKwh: e?.pricePerKwh ?? null,
      warnC: rigThresholds(settings, v.id, v.siteId)['temp-high'].maxC,
    });
  });
}

/** Every site with its totals and counts over `views` and `cells` (the same rigs), by name. */
export function siteSummaries(db: Db, views: readonly RigView[], cells: readonly RigCell[], updatedAtMs: number | null): SiteSummary[] {
  return listSites(db)
    .map((site) => ({
      id: site.id,
      name: site.name,
      timeZone: site.timeZone,
      totals: fleetTotals(
        views.filter((v) => v.siteId === site.id),
        updatedAtMs,
      ),
      counts: countStates(cells.filter((c) => c.siteId === site.id)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
