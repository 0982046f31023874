/**
 * A site's economic settings: its tariff, PUE, default pool fee and currency. Each write and its change
 * row (which tells browsers to refetch the site) commit in one transaction.
 */
import { eq } from 'drizzle-orm';
import { parseTariff, type Tariff } from '../../economics';
import { siteEconomicsErrors, type SiteEconomicsSettings } from '../../settings/site-economics';
import type { Db } from '../client';
import { sites } from '../schema';
import { logChange } from './change-log';
import { writeTransaction } from '../transactions';

function update(db: Db, siteId: number, values: Partial<typeof sites.$inferInsert>, nowMs: number): void {
  writeTransaction(db, () => {
    const res = db.orm.update(sites).set(values).where(eq(sites.id, siteId)).run();
    if (res.changes === 0) throw new Error(`no site with id ${siteId}`);
    logChange(db, { tsMs: nowMs, kind: 'site-settings', siteId });
  });
}

/** Stores the site's tariff (validated again, so nothing unvalidated reaches the row); throws on an unknown site. */
export function setSiteTariff(db: Db, siteId: number, tariff: Tariff, nowMs: number): void {
  const parsed = parseTariff(tariff);
  if (!parsed.ok) throw new Error(`invalid tariff: ${parsed.error.join('; ')}`);
  update(db, siteId, { tariffJson: JSON.stringify(parsed.value) }, nowMs);
}

/** Removes the site's tariff: its power cost becomes unknown and its profit is no longer computed. */
export function clearSiteTariff(db: Db, siteId: number, nowMs: number): void {
  update(db, siteId, { tariffJson: null }, nowMs);
}

/** Updates the site's PUE, pool fee and/or currency after validating them; throws with every reason. */
export function setSiteEconomics(db: Db, siteId: number, settings: SiteEconomicsSettings, nowMs: number): void {
  const errors = siteEconomicsErrors(settings);
  if (errors.length > 0) throw new RangeError(errors.join('; '));
  const values: Partial<typeof sites.$inferInsert> = {};
  if (settings.pue !== undefined) values.pue = settings.pue;
  if (settings.poolFeePct !== undefined) values.poolFeePct = settings.poolFeePct;
  if (settings.currency !== undefined) values.currency = settings.currency;
  if (Object.keys(values).length === 0) return;
  update(db, siteId, values, nowMs);
}
