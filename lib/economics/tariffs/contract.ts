/** What pricing a tariff needs besides the tariff (the clock, the site's zone, the feed) and what it yields. */

/** The last value read from a real-time feed, with when it was fetched and (when the feed says) its own time. */
export interface FeedValue {
  pricePerKwh: number;
  fetchedAtMs: number;
  atMs?: number | null;
  /** The feed's latest read failed (the value is the last good one): the feed has stopped. */
  failing?: boolean;
}

/** What pricing needs besides the tariff: the clock, the site's IANA time zone and the last feed value. */
export interface TariffContext {
  nowMs: number;
  timeZone: string;
  feed?: FeedValue | null;
}

/** A site's power price now and over the next 24 h, per kWh in the site's currency. */
export interface TariffPrice {
  /** The price in force now (priceInForce). */
  pricePerKwh: number;
  /** Mean over the next 24 hours: what a rig drawing constant power pays per kWh, per day at today's tariff. */
  dayAvgPricePerKwh: number;
  /** True when a real-time feed has stopped: its last price or, past its fallback time, the fallback. */
  stale: boolean;
  /** True when the price is the configured fallback of a feed that stopped. */
  fallback: boolean;
}
