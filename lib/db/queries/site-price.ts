/** A site's power price now, from its stored tariff and (for a real-time tariff) the last fetched feed value. */
import { currentPrice, parseTariff, type FeedValue } from '../../economics';
import type { Db } from '../client';
import type { Site } from '../schema';
import { getSourced } from './source-state';

/** The site's price now and its 24 h mean, or null when no valid tariff is set. */
export function sitePriceNow(db: Db, site: Site, nowMs: number) {
  if (!site.tariffJson) return null;
  const parsed = parseTariff(JSON.parse(site.tariffJson));
  if (!parsed.ok) return null;
  return currentPrice(parsed.value, { nowMs, timeZone: site.timeZone, feed: siteFeedValue(db, site.id) });
}

/**
 * The last value of a site's real-time feed as pricing needs it: its price, when it was fetched, its own
 * time (a feed still serving an old interval is stale) and whether the latest read failed.
 */
export function siteFeedValue(db: Db, siteId: number): FeedValue | null {
  const feed = getSourced<{ pricePerKwh: number; atMs?: number | null }>(db, `tariff:${siteId}`);
  if (!feed.value || feed.fetchedAtMs === null) return null;
  const failing = feed.attemptedAtMs !== null && feed.attemptedAtMs > feed.fetchedAtMs && feed.lastError !== null;
  return { pricePerKwh: feed.value.pricePerKwh, fetchedAtMs: feed.fetchedAtMs, atMs: feed.value.atMs ?? null, failing };
}
