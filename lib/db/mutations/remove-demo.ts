/**
 * `hashwatt demo remove`: the demo rigs with their history (as removing any rig does), the demo sites
 * once no rig is left in them, the demo pool account, and the network and price values the simulator
 * served, in one IMMEDIATE transaction; then a marker so the demo does not come back by itself.
 * Real rigs, and sites that still hold one, are never touched.
 */
import { eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../client';
import { writeTransaction } from '../transactions';
import { appSettings, pools, rigs, sites as sitesTable, sourceState } from '../schema';
import { DEMO_REMOVED_KEY } from '../queries/demo';
import { removeRig } from './edit-rigs';
import { deletePool } from './pools';
import { deleteSite, siteRigCount } from './sites';

/** What was removed. */
export interface DemoRemoval {
  rigs: number;
  samples: number;
  sites: string[];
  pools: string[];
  /** Source values ('network', 'price') the simulator had served. */
  sources: string[];
}

/** What marks the demo's own records: its pool accounts' names, and the labels of sources it served. */
export interface DemoMarks {
  poolNames: readonly string[];
  isDemoSource: (sourceLabel: string) => boolean;
}

/** Deletes the network and price values that came from the simulator; returns their keys. */
export function dropDemoSourceValues(db: Db, isDemoSource: DemoMarks['isDemoSource']): string[] {
  const rows = db.orm
    .select({ key: sourceState.key, source: sourceState.source })
    .from(sourceState)
    .where(or(eq(sourceState.key, 'network'), eq(sourceState.key, 'price')))
    .all();
  const keys = rows.filter((r) => isDemoSource(r.source)).map((r) => r.key);
  if (keys.length > 0) db.orm.delete(sourceState).where(inArray(sourceState.key, keys)).run();
  return keys;
}

/** Removes the demo (see the file comment). */
export function removeDemo(db: Db, marks: DemoMarks, nowMs: number): DemoRemoval {
  return writeTransaction(db, (): DemoRemoval => {
    const demoRigs = db.orm.select({ id: rigs.id, siteId: rigs.siteId }).from(rigs).where(eq(rigs.isDemo, true)).all();
    let samples = 0;
    for (const rig of demoRigs) {
      const removed = removeRig(db, rig.id, nowMs);
      if (removed.removed) samples += removed.samples;
    }
    const sites: string[] = [];
    for (const siteId of new Set(demoRigs.map((r) => r.siteId))) {
      if (siteRigCount(db, siteId) > 0) continue; // a real rig lives there too: the site is the operator's
      const site = db.orm.select({ name: sitesTable.name }).from(sitesTable).where(eq(sitesTable.id, siteId)).get();
      if (site && deleteSite(db, siteId, nowMs).ok) sites.push(site.name);
    }
    const removedPools: string[] = [];
    const demoPools =
      marks.poolNames.length > 0
        ? db.orm
            .select({ id: pools.id, name: pools.name })
            .from(pools)
            .where(inArray(pools.name, [...marks.poolNames]))
            .all()
        : [];
    for (const pool of demoPools) if (deletePool(db, pool.id, nowMs).ok) removedPools.push(pool.name);
    const sources = dropDemoSourceValues(db, marks.isDemoSource);
    const valueJson = JSON.stringify({ atMs: nowMs });
    db.orm
      .insert(appSettings)
      .values({ key: DEMO_REMOVED_KEY, valueJson, updatedAtMs: nowMs })
      .onConflictDoUpdate({ target: appSettings.key, set: { valueJson, updatedAtMs: nowMs } })
      .run();
    return { rigs: demoRigs.length, samples, sites, pools: removedPools, sources };
  });
}
