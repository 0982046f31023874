/** How many demo and real rigs there are, and whether the demo was removed: what start and the banner decide by. */
import { count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { appSettings, rigs } from '../schema';

/** app_settings key set by `hashwatt demo remove`: the demo does not come back by itself. */
export const DEMO_REMOVED_KEY = 'demo-removed';

/** Demo (is_demo = 1) and real rigs, in `siteIds` only when given. */
export function rigCounts(db: Db, siteIds: readonly number[] | null = null): { demo: number; real: number } {
  const q = db.orm.select({ isDemo: rigs.isDemo, n: count() }).from(rigs);
  const rows = (siteIds === null ? q : q.where(inArray(rigs.siteId, [...siteIds]))).groupBy(rigs.isDemo).all();
  return { demo: rows.find((r) => r.isDemo)?.n ?? 0, real: rows.find((r) => !r.isDemo)?.n ?? 0 };
}

/** When `hashwatt demo remove` last ran, or null. */
export function demoRemovedAtMs(db: Db): number | null {
  const row = db.orm.select({ valueJson: appSettings.valueJson }).from(appSettings).where(eq(appSettings.key, DEMO_REMOVED_KEY)).get();
  if (!row) return null;
  try {
    const atMs = (JSON.parse(row.valueJson) as { atMs?: unknown }).atMs;
    return typeof atMs === 'number' ? atMs : null;
  } catch {
    return null;
  }
}
