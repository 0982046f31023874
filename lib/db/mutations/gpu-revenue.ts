/** Sets one site's GPU revenue figures (already validated), in one write transaction. */
import { eq } from 'drizzle-orm';
import { GPU_REVENUE_KEY, readGpuRevenueDoc, type SiteGpuRevenue } from '../../settings/gpu-revenue';
import type { Db } from '../client';
import { appSettings } from '../schema';
import { logChange } from './change-log';
import { writeTransaction } from '../transactions';

/** Replaces site `siteId`'s figures (an empty object clears them) and tells browsers the site changed. */
export function setSiteGpuRevenue(db: Db, siteId: number, figures: SiteGpuRevenue, nowMs: number): void {
  writeTransaction(db, () => {
    const row = db.orm.select({ valueJson: appSettings.valueJson }).from(appSettings).where(eq(appSettings.key, GPU_REVENUE_KEY)).get();
    const doc = readGpuRevenueDoc(row?.valueJson);
    if (Object.keys(figures).length === 0) delete doc.sites[String(siteId)];
    else doc.sites[String(siteId)] = figures;
    const valueJson = JSON.stringify(doc);
    db.orm
      .insert(appSettings)
      .values({ key: GPU_REVENUE_KEY, valueJson, updatedAtMs: nowMs })
      .onConflictDoUpdate({ target: appSettings.key, set: { valueJson, updatedAtMs: nowMs } })
      .run();
    logChange(db, { tsMs: nowMs, kind: 'site-settings', siteId, payload: { gpuRevenue: true } });
  });
}
