/**
 * A site's economic settings (PUE, default pool fee, currency) and why a change of them is invalid: the
 * rule the API and the CLI check input with and lib/db/mutations/site-settings.ts checks again before it
 * writes, kept here below both so the input side never imports the database.
 */
import { CURRENCIES } from '../domain/network';
import { MAX_POOL_FEE_PCT } from './pool-fee';

/** The settings `setSiteEconomics` may change; absent ones are left as they are. */
export interface SiteEconomicsSettings {
  /** Facility overhead factor, 1..3. */
  pue?: number;
  /** Default pool fee for the site's rigs, percent 0..100. */
  poolFeePct?: number;
  /** One of CURRENCIES; tariff prices are read in it. */
  currency?: string;
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
