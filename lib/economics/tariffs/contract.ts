/** The one interface every tariff kind implements: its price now and its mean over the next day. */
import type { Tariff } from './schema';

/** The last value read from a real-time feed, with when it was fetched and (when the feed says) its own time. */
export interface FeedValue {
  pricePerKwh: number;
  fetchedAtMs: number;
  atMs?: number | null;
}

/** What pricing needs besides the tariff: the clock, the site's IANA time zone and the last feed value. */
export interface TariffContext {
  nowMs: number;
  timeZone: string;
  feed?: FeedValue | null;
}

/** A site's power price now and over the next 24 h, per kWh in the site's currency. */
export interface TariffPrice {
  pricePerKwh: number;
  /** Mean over the next 24 hours: what a rig drawing constant power pays per kWh today. */
  dayAvgPricePerKwh: number;
  /** True when the price is a fallback for a feed that stopped. */
  stale: boolean;
}

/** One tariff kind's pricing. */
export interface TariffPricing<T extends Tariff> {
  price(tariff: T, ctx: TariffContext): TariffPrice;
}
