/** Sites with their economic settings (currency, time zone, tariff, PUE, default pool fee). */
import { asc, count, eq } from 'drizzle-orm';
import { parseTariff, type Tariff } from '../../economics';
import type { SiteGpuRevenue } from '../../settings/gpu-revenue';
import type { Db } from '../client';
import { gpuRevenueBySite } from './gpu-revenue';
import { rigs, sites, type Site } from '../schema';

/** Every site, by id. */
export function listSites(db: Db): Site[] {
  return db.orm.select().from(sites).orderBy(asc(sites.id)).all();
}

/** The site named `name` (exact match), or null. */
export function getSiteByName(db: Db, name: string): Site | null {
  return db.orm.select().from(sites).where(eq(sites.name, name)).get() ?? null;
}

/**
 * The site's tariff, or null when none is set. Tariffs are validated on write, so a stored one that no
 * longer validates (a hand-edited row) also reads as null rather than pricing with half a tariff.
 */
export function siteTariff(db: Db, siteId: number): Tariff | null {
  const row = db.orm.select({ tariffJson: sites.tariffJson }).from(sites).where(eq(sites.id, siteId)).get();
  if (!row?.tariffJson) return null;
  let json: unknown;
  try {
    json = JSON.parse(row.tariffJson);
  } catch {
    return null;
  }
  const parsed = parseTariff(json);
  return parsed.ok ? parsed.value : null;
}

/** A site as the settings screen and the sites API show it: its fields, tariff and how many rigs it has. */
export interface SiteSettingsView {
  id: number;
  name: string;
  timeZone: string;
  currency: string;
  pue: number;
  poolFeePct: number;
  tariff: Tariff | null;
  /** GPU revenue per MH/s per day by algorithm, in the site currency; {} when none is set. */
  gpuRevenuePerMhsDay: SiteGpuRevenue;
  rigCount: number;
}

/** Every site with its settings and rig count, by id. */
export function listSiteSettings(db: Db): SiteSettingsView[] {
  const counts = new Map(
    db.orm
      .select({ siteId: rigs.siteId, n: count() })
      .from(rigs)
      .groupBy(rigs.siteId)
      .all()
      .map((r) => [r.siteId, r.n]),
  );
  const gpuRevenue = gpuRevenueBySite(db);
  return listSites(db).map((s) => ({
    id: s.id,
    name: s.name,
    timeZone: s.timeZone,
    currency: s.currency,
    pue: s.pue,
    poolFeePct: s.poolFeePct,
    tariff: siteTariff(db, s.id),
    gpuRevenuePerMhsDay: gpuRevenue.get(s.id) ?? {},
    rigCount: counts.get(s.id) ?? 0,
  }));
}
