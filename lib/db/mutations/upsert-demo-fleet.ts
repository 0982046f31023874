/** Registers the simulator's rigs by stable name (is_demo = 1), so ids and history survive restarts. */
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { rigs, sites } from '../schema';
import { logChange } from './change-log';
import { writeTransaction } from '../transactions';

/** What the supervisor reads from the simulator's manifest. */
export interface DemoFleet {
  sites: { name: string; timeZone: string; currency: string }[];
  rigs: {
    name: string;
    site: string;
    address: string;
    port: number;
    driver: string;
    model: string;
    /** Absent in manifests written before GPU rigs: SHA-256. */
    algorithm?: string;
    nameplateHashrateThs: number;
    nameplatePowerW: number;
  }[];
}

/**
 * Upserts sites and demo rigs by name in one transaction, and logs a 'rigs-changed' change when anything
 * was added or moved. Never touches a real rig (is_demo = 0) of the same name: that is an error.
 */
export function upsertDemoFleet(db: Db, fleet: DemoFleet, nowMs: number): { added: number; updated: number } {
  return writeTransaction(db, () => {
    const siteIds = new Map<string, number>();
    for (const s of fleet.sites) {
      const row = db.orm
        .insert(sites)
        .values({ name: s.name, timeZone: s.timeZone, currency: s.currency, createdAtMs: nowMs })
        .onConflictDoUpdate({ target: sites.name, set: { timeZone: s.timeZone, currency: s.currency } })
        .returning({ id: sites.id })
        .get();
      siteIds.set(s.name, row.id);
    }
    let added = 0;
    let updated = 0;
    for (const r of fleet.rigs) {
      const siteId = siteIds.get(r.site);
      if (siteId === undefined) throw new Error(`manifest rig ${r.name} names unknown site ${JSON.stringify(r.site)}`);
      const values = {
        siteId,
        address: r.address,
        port: r.port,
        driver: r.driver,
        model: r.model,
        algorithm: r.algorithm ?? 'sha256',
        nameplateHashrateThs: r.nameplateHashrateThs,
        nameplatePowerW: r.nameplatePowerW,
      };
      const existing = db.orm.select().from(rigs).where(eq(rigs.name, r.name)).get();
      if (!existing) {
        db.orm
          .insert(rigs)
          .values({ ...values, name: r.name, isDemo: true, createdAtMs: nowMs })
          .run();
        added++;
      } else if (!existing.isDemo) {
        throw new Error(`a real rig is already named ${JSON.stringify(r.name)}; rename it or turn demo mode off`);
      } else if (Object.entries(values).some(([k, v]) => existing[k as keyof typeof existing] !== v)) {
        db.orm.update(rigs).set(values).where(eq(rigs.id, existing.id)).run();
        updated++;
      }
    }
    if (added + updated > 0) logChange(db, { tsMs: nowMs, kind: 'rigs-changed' });
    return { added, updated };
  });
}
