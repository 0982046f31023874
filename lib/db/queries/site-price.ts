/** A site's power price now, from its stored tariff and (for a real-time tariff) the last fetched feed value. */
import { currentPrice, parseTariff } from '../../economics';
import type { Db } from '../client';
import type { Site } from '../schema';
import { getSourced } from './source-state';

/** The site's price now and its 24 h mean, or null when no valid tariff is set. */
export function sitePriceNow(db: Db, site: Site, nowMs: number) {
  if (!site.tariffJson) return null;
  const parsed = parseTariff(JSON.parse(site.tariffJson));
  if (!parsed.ok) return null;
  const feed = getSourced<{ pricePerKwh: number }>(db, `tariff:${site.id}`);
  return currentPrice(parsed.tariff, {
    nowMs,
    timeZone: site.timeZone,
    feed: feed.value && feed.fetchedAtMs !== null ? { pricePerKwh: feed.value.pricePerKwh, fetchedAtMs: feed.fetchedAtMs } : null,
  });
}
