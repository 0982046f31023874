/**
 * The power price in force at an instant (economics.md "Now, per day, and realized"): the time-of-use
 * band of that local hour, the real-time feed's last price while fresh at that instant (then the
 * fallback, flagged stale: the same rule as now), or the flat price. Realized cost prices each interval
 * with it; a TOU boundary is a local hour boundary, and intervals are split there (accumulate.ts).
 */
import { realtimePriceNow, touPriceAt, type FeedValue, type Tariff } from '../economics';

/** A price in force, per kWh in the site's currency; stale when a real-time feed's fallback applies. */
export interface PriceInForce {
  pricePerKwh: number;
  stale: boolean;
}

/** The price of `tariff` in force at instant `atMs` in the site's `timeZone`, with the last feed value. */
export function priceInForceAt(tariff: Tariff, atMs: number, timeZone: string, feed?: FeedValue | null): PriceInForce {
  switch (tariff.kind) {
    case 'flat':
      return { pricePerKwh: tariff.pricePerKwh, stale: false };
    case 'tou':
      return { pricePerKwh: touPriceAt(tariff, atMs, timeZone), stale: false };
    case 'realtime': {
      const p = realtimePriceNow(tariff, feed, atMs);
      return { pricePerKwh: p.pricePerKwh, stale: p.stale };
    }
  }
}
