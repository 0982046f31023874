/**
 * A site's economic settings: its tariff, PUE, default pool fee and currency. Each write and its change
 * row (which tells browsers to refetch the site) commit in one transaction.
 */
import { MAX_POOL_FEE_PCT } from '../../settings/pool-fee';
import { eq } from 'drizzle-orm';
import { CURRENCIES } from '../../domain/network';
import { parseTariff, type Tariff } from '../../economics';
import type { Db } from '../client';
import { changes, sites } from '../schema';
import { writeTransaction } from '../transactions';

/** The settings `setSiteEconomics` may change; absent ones are left as they are. */
export interface SiteEconomicsSettings {
  /** Facility overhead factor, 1..3. */
  pue?: number;
  /** Default pool fee for the site's rigs, percent 0..100. */
  poolFeePct?: number;
  /** One of CURRENCIES; tariff prices are read in it. */
  currency?: string;
}

function update(db: Db, siteId: number, values: Partial<typeof sites.$inferInsert>, nowMs: number): void {
  writeTransaction(db, () => {
    const res = db.orm.update(sites).set(values).where(eq(sites.id, siteId)).run();
    if (res.changes === 0) throw new Error(`no site with id ${siteId}`);
    db.orm.insert(changes).values({ tsMs: nowMs, kind: 'site-settings', siteId }).run();
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

/** Why the settings are invalid, one message per field; empty when they are valid. */
export function siteEconomicsErrors(settings: SiteEconomicsSettings): string[] {
  const errors: string[] = [];
  const { pue, poolFeePct, currency } = settings;
  if (pue !== undefined && !(Number.isFinite(pue) && pue >= 1 && pue <= 3)) errors.push(`pue must be from 1 to 3 (got ${pue})`);
  if (poolFeePct !== undefined && !(Number.isFinite(poolFeePct) && poolFeePct >= 0 && poolFeePct <= MAX_POOL_FEE_PCT)) {
    errors.push(`poolFeePct must be from 0 to ${MAX_POOL_FEE_PCT} percent (got ${poolFeePct})`);
  }
  if (currency !== undefined && !(CURRENCIES as readonly string[]).includes(currency)) {
    errors.push(`currency must be one of ${CURRENCIES.join(', ')} (got ${JSON.stringify(currency)})`);
  }
  return errors;
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
