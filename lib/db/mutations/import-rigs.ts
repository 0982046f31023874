/**
 * Writes an imported rig list: new rigs inserted, listed rigs updated (name, driver, site, location), in
 * the caller's write transaction, and one 'rigs-changed' change per site touched so the collector's next
 * sweep and every open screen follow. The caller checked the rows (app/rigs/rig-csv-io.ts).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { changes, rigs } from '../schema';

/** A rig as the import writes it. */
export interface ImportedRig {
  name: string;
  siteId: number;
  address: string;
  port: number;
  driver: string;
  building: string | null;
  rack: string | null;
  position: string | null;
}

/** Inserts `added`, updates `updated` (by id); returns the ids of the new rigs. Run inside writeTransaction. */
export function writeImportedRigs(
  db: Db,
  added: readonly ImportedRig[],
  updated: readonly (ImportedRig & { id: number; oldSiteId: number })[],
  nowMs: number,
): number[] {
  const touchedSites = new Set<number>();
  const ids: number[] = [];
  // Renames are applied in two steps: a swap of two names would trip the unique index half way.
  for (const r of updated)
    db.orm
      .update(rigs)
      .set({ name: `\u0000import-${r.id}` })
      .where(eq(rigs.id, r.id))
      .run();
  for (const r of updated) {
    db.orm
      .update(rigs)
      .set({
        name: r.name,
        siteId: r.siteId,
        driver: r.driver,
        locationBuilding: r.building,
        locationRack: r.rack,
        locationPosition: r.position,
      })
      .where(eq(rigs.id, r.id))
      .run();
    touchedSites.add(r.siteId).add(r.oldSiteId);
  }
  for (const r of added) {
    const row = db.orm
      .insert(rigs)
      .values({
        name: r.name,
        siteId: r.siteId,
        address: r.address,
        port: r.port,
        driver: r.driver,
        model: null,
        algorithm: 'sha256',
        isDemo: false,
        createdAtMs: nowMs,
        locationBuilding: r.building,
        locationRack: r.rack,
        locationPosition: r.position,
      })
      .returning({ id: rigs.id })
      .get();
    ids.push(row.id);
    touchedSites.add(r.siteId);
  }
  for (const siteId of touchedSites) db.orm.insert(changes).values({ tsMs: nowMs, kind: 'rigs-changed', siteId }).run();
  return ids;
}
