/** Read queries for rigs as screens and the API show them. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Connectivity, Reading } from '../../domain/reading';
import { rigLocationOf } from '../../domain/rig-location';
import type { RigView } from '../../views/contracts';
import type { Db } from '../client';
import { rigStatus, rigs, sites } from '../schema';

function selectRigViews(db: Db) {
  return db.orm
    .select({
      id: rigs.id,
      name: rigs.name,
      siteId: rigs.siteId,
      siteName: sites.name,
      address: rigs.address,
      port: rigs.port,
      driver: rigs.driver,
      model: rigs.model,
      connectivity: rigStatus.connectivity,
      lastSeenMs: rigStatus.lastSeenMs,
      lastError: rigStatus.lastError,
      readingJson: rigStatus.readingJson,
      locationBuilding: rigs.locationBuilding,
      locationRack: rigs.locationRack,
      locationPosition: rigs.locationPosition,
    })
    .from(rigs)
    .innerJoin(sites, eq(sites.id, rigs.siteId))
    .leftJoin(rigStatus, eq(rigStatus.rigId, rigs.id));
}

type RigViewRow = Awaited<ReturnType<ReturnType<typeof selectRigViews>['all']>>[number];

function toRigView(row: RigViewRow): RigView {
  const reading = row.readingJson ? (JSON.parse(row.readingJson) as Reading) : null;
  return {
    id: row.id,
    name: row.name,
    siteId: row.siteId,
    siteName: row.siteName,
    address: row.address,
    port: row.port,
    driver: row.driver,
    model: reading?.model || row.model,
    connectivity: (row.connectivity as Connectivity | null) ?? 'offline',
    lastSeenMs: row.lastSeenMs ?? null,
    lastError: row.connectivity === null ? 'not polled yet' : (row.lastError ?? null),
    reading,
    location: rigLocationOf(row.locationBuilding, row.locationRack, row.locationPosition),
  };
}

/** Every rig with its latest state, ordered by name. */
export function listRigViews(db: Db): RigView[] {
  return selectRigViews(db).orderBy(asc(rigs.name)).all().map(toRigView);
}

/** The given rigs with their latest state (for deltas). */
export function rigViewsByIds(db: Db, ids: readonly number[]): RigView[] {
  if (ids.length === 0) return [];
  return selectRigViews(db)
    .where(inArray(rigs.id, [...ids]))
    .all()
    .map(toRigView);
}

/** Rigs to poll: id, site, address, port, driver and model. */
export function listPollTargets(db: Db) {
  return db.orm
    .select({
      id: rigs.id,
      siteId: rigs.siteId,
      name: rigs.name,
      address: rigs.address,
      port: rigs.port,
      driver: rigs.driver,
      model: rigs.model,
    })
    .from(rigs)
    .orderBy(asc(rigs.id))
    .all();
}

/** Every rig by "address:port" (id and name): which devices a scan found are already registered. */
export function rigsByEndpoint(db: Db): Map<string, { id: number; name: string }> {
  const rows = db.orm.select({ id: rigs.id, name: rigs.name, address: rigs.address, port: rigs.port }).from(rigs).all();
  return new Map(rows.map((r) => [`${r.address}:${r.port}`, { id: r.id, name: r.name }]));
}

/** The site of rig `id`, or null when there is no such rig. */
export function rigSiteId(db: Db, id: number): number | null {
  return db.orm.select({ siteId: rigs.siteId }).from(rigs).where(eq(rigs.id, id)).get()?.siteId ?? null;
}

/** Every rig's site, by rig id. */
export function rigSiteIds(db: Db): Map<number, number> {
  return new Map(
    db.orm
      .select({ id: rigs.id, siteId: rigs.siteId })
      .from(rigs)
      .all()
      .map((r) => [r.id, r.siteId]),
  );
}

/** True when a site with this id exists. */
export function siteExists(db: Db, id: number): boolean {
  return db.orm.select({ id: sites.id }).from(sites).where(eq(sites.id, id)).get() !== undefined;
}

/** A rig's editable settings (the settings screen's edit form), or null. */
export function getRigSettings(db: Db, id: number) {
  return (
    db.orm
      .select({
        id: rigs.id,
        name: rigs.name,
        siteId: rigs.siteId,
        address: rigs.address,
        port: rigs.port,
        driver: rigs.driver,
        model: rigs.model,
        nameplateHashrateThs: rigs.nameplateHashrateThs,
        nameplatePowerW: rigs.nameplatePowerW,
        locationBuilding: rigs.locationBuilding,
        locationRack: rigs.locationRack,
        locationPosition: rigs.locationPosition,
        isDemo: rigs.isDemo,
      })
      .from(rigs)
      .where(eq(rigs.id, id))
      .get() ?? null
  );
}

/** What getRigSettings returns. */
export type RigSettings = NonNullable<ReturnType<typeof getRigSettings>>;

/** Every rig as the CSV carries it (site by name, location parts), by site name then rig name. */
export function rigsForCsv(db: Db) {
  return db.orm
    .select({
      id: rigs.id,
      name: rigs.name,
      address: rigs.address,
      port: rigs.port,
      driver: rigs.driver,
      site: sites.name,
      building: rigs.locationBuilding,
      rack: rigs.locationRack,
      position: rigs.locationPosition,
    })
    .from(rigs)
    .innerJoin(sites, eq(sites.id, rigs.siteId))
    .orderBy(asc(sites.name), asc(rigs.name))
    .all();
}

/** Every site's id and name (what a CSV's site column may name). */
export function siteNames(db: Db): { id: number; name: string }[] {
  return db.orm.select({ id: sites.id, name: sites.name }).from(sites).orderBy(asc(sites.id)).all();
}
