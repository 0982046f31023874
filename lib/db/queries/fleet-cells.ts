/**
 * The heat map's view of the fleet: one cell per rig, read lean (a few columns and the hottest sensor out of
 * the stored reading, no whole reading parsed), and each site's totals and state counts from the last
 * sweep's change row (the collector summarized them when it wrote the sweep).
 */
import type { Statement } from 'better-sqlite3';
import { desc, eq } from 'drizzle-orm';
import { rigCellOf, locationOf, type RigCell } from '../../domain/rig-cell';
import { summarizeFleet } from '../../domain/fleet-summary';
import type { SweepChangePayload } from '../mutations/sweep-change';
import { rigThresholds } from '../../alerts/scope-thresholds';
import type { Connectivity, MinerStatus } from '../../domain/reading';
import type { SiteSummary } from '../../views/contracts';
import type { Db } from '../client';
import { changes } from '../schema';
import { loadAlertSettings } from './alert-settings';
import { latestEconomicsSweepId } from './economics';
import { listRigViews } from './rigs';
import { listSites } from './sites';

type CellRow = [
  id: number,
  siteId: number,
  name: string,
  building: string | null,
  rack: string | null,
  position: string | null,
  connectivity: string | null,
  status: string | null,
  tempMaxC: number | null,
];

/**
 * The statements behind readCells, prepared once per connection: at 10,000 rigs building the query and
 * mapping rows to objects cost more than SQLite itself. Status is its own column of rig_status; only the
 * hottest sensor comes from the rig's newest sample (a key lookup: parsing the stored reading of 10,000 rigs
 * cost 100-150 ms).
 */
const statements = new WeakMap<Db, { rigs: Statement; margins: Statement }>();
function prepared(db: Db) {
  let s = statements.get(db);
  if (!s) {
    s = {
      rigs: db.sqlite
        .prepare(
          `select r.id, r.site_id, r.name, r.location_building, r.location_rack, r.location_position, s.connectivity, s.status,
             case when s.connectivity = 'online'
               then (select x.temp_max_c from samples x where x.rig_id = r.id and x.ts_ms = s.last_seen_ms) end
           from rigs r left join rig_status s on s.rig_id = r.id order by r.name`,
        )
        .raw(),
      margins: db.sqlite.prepare(`select rig_id, breakeven_price_per_kwh, price_per_kwh from rig_economics where sweep_id = ?`).raw(),
    };
    statements.set(db, s);
  }
  return s;
}

/** Every rig's cell now, by name. */
export function readCells(db: Db, nowMs: number): RigCell[] {
  const { rigs, margins } = prepared(db);
  const sweepId = latestEconomicsSweepId(db);
  const margin = new Map<number, [number | null, number | null]>();
  if (sweepId !== null)
    for (const [id, breakeven, price] of margins.all(sweepId) as [number, number | null, number | null][])
      margin.set(id, [breakeven, price]);
  const settings = loadAlertSettings(db, nowMs);
  return (rigs.all() as CellRow[]).map(([id, siteId, name, building, rack, position, connectivity, status, tempMaxC]) => {
    const m = margin.get(id);
    return rigCellOf(
      {
        id,
        siteId,
        name,
        connectivity: (connectivity as Connectivity | null) ?? 'offline',
        reading: status === null ? null : { status: status as MinerStatus, tempMaxC },
      },
      {
        location: locationOf(building, rack, position),
        breakevenPricePerKwh: m?.[0] ?? null,
        pricePerKwh: m?.[1] ?? null,
        warnC: rigThresholds(settings, id, siteId)['temp-high'].maxC,
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
