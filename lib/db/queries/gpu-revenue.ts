/** The GPU revenue the operator set, per site and algorithm (app_settings 'gpu-revenue'). */
import { eq } from 'drizzle-orm';
import { GPU_REVENUE_KEY, readGpuRevenueDoc, type SiteGpuRevenue } from '../../settings/gpu-revenue';
import type { Db } from '../client';
import { appSettings } from '../schema';

/** Every site's GPU revenue per MH/s per day by algorithm, keyed by site id; sites without any are absent. */
export function gpuRevenueBySite(db: Db): Map<number, SiteGpuRevenue> {
  const row = db.orm.select({ valueJson: appSettings.valueJson }).from(appSettings).where(eq(appSettings.key, GPU_REVENUE_KEY)).get();
  const doc = readGpuRevenueDoc(row?.valueJson);
  return new Map(Object.entries(doc.sites).map(([id, v]) => [Number(id), v]));
}
