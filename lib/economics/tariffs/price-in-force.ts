/**
 * The one rule for the price of power at an instant, for every tariff kind (economics.md "Now, per day,
 * and realized"): the flat price; the time-of-use band in force in the site's time zone; or a real-time
 * feed's last price, flagged stale once the feed has stopped, until the feed's fallback time passes, then
 * the configured fallback price, flagged. The figures "now" (profit per kWh, losing money, the merit
 * order, alerts), "per day at today's tariff" and realized intervals all read prices from here, so they
 * cannot disagree on which price was in force.
 */
import type { FeedValue, TariffPrice } from './contract';
import type { RealtimeTariff, Tariff, TouTariff } from './schema';
import { touPriceAt } from './tou';

/** What a price in force is based on. */
export type PriceBasis = 'flat' | 'tou' | 'feed' | 'fallback';

/** The price in force at one instant, per kWh in the site's currency, and how far to trust it. */
export interface PriceInForce {
  pricePerKwh: number;
  basis: PriceBasis;
  /** The feed has stopped: this is its last price (basis 'feed') or the fallback (basis 'fallback'). */
  stale: boolean;
}

const MS_PER_S = 1000;
const MS_PER_DAY = 86_400_000;
/**
 * Every offset in the IANA database is a multiple of 15 minutes, so a local hour boundary always falls
 * on a UTC quarter-hour: integrating a time-of-use tariff by quarter-hours is exact.
 */
const QUARTER_HOUR_MS = 900_000;

/** Seconds after a feed's last price at which the fallback applies: fallbackAfterS, or 4 x staleAfterS. */
export function feedFallbackAfterS(tariff: RealtimeTariff): number {
  return tariff.fallbackAfterS ?? tariff.staleAfterS * 4;
}

/** The age of a feed value at `atMs`: from its own time when that is older than the fetch. */
function feedAgeMs(feed: FeedValue, atMs: number): number {
  return atMs - Math.min(feed.fetchedAtMs, feed.atMs ?? feed.fetchedAtMs);
}

function realtimeInForce(tariff: RealtimeTariff, feed: FeedValue | null | undefined, atMs: number): PriceInForce {
  const fallback: PriceInForce = { pricePerKwh: tariff.fallbackPricePerKwh, basis: 'fallback', stale: true };
  if (!feed || !Number.isFinite(feed.pricePerKwh)) return fallback;
  const ageMs = feedAgeMs(feed, atMs);
  if (ageMs > feedFallbackAfterS(tariff) * MS_PER_S) return fallback;
  // A feed still serving an old interval, or whose last read failed, has stopped: its last price holds, flagged.
  const stopped = ageMs > tariff.staleAfterS * MS_PER_S || feed.failing === true;
  return { pricePerKwh: feed.pricePerKwh, basis: 'feed', stale: stopped };
}

/**
 * The price in force at `atMs` under `tariff` for a site in `timeZone`, given the last value read from
 * its real-time feed (ignored by flat and time-of-use tariffs). Pure; never reads the clock.
 */
export function priceInForce(tariff: Tariff, feed: FeedValue | null | undefined, atMs: number, timeZone: string): PriceInForce {
  switch (tariff.kind) {
    case 'flat':
      return { pricePerKwh: tariff.pricePerKwh, basis: 'flat', stale: false };
    case 'tou':
      return { pricePerKwh: touPriceAt(tariff, atMs, timeZone), basis: 'tou', stale: false };
    case 'realtime':
      return realtimeInForce(tariff, feed, atMs);
  }
}

/**
 * Time-weighted mean of a time-of-use tariff over [fromMs, toMs): each local hour counts for the time it
 * lasts inside the window, so a window that starts mid-hour counts the rest of that hour, and a DST day
 * prices its 23 or 25 local hours as they happen.
 */
export function touMeanPrice(tariff: TouTariff, fromMs: number, toMs: number, timeZone: string): number {
  if (!(toMs > fromMs)) return touPriceAt(tariff, fromMs, timeZone);
  let weighted = 0;
  for (let t = fromMs; t < toMs;) {
    const next = Math.min(toMs, (Math.floor(t / QUARTER_HOUR_MS) + 1) * QUARTER_HOUR_MS);
    weighted += touPriceAt(tariff, t, timeZone) * (next - t);
    t = next;
  }
  return weighted / (toMs - fromMs);
}

/**
 * The price now and the mean per kWh over the next 24 hours ("per day at today's tariff") for a rig
 * drawing constant power: time of use integrated over the day; a real-time feed held at the price in
 * force now (there is no forecast), with the same stale and fallback flags.
 */
export function tariffPrice(tariff: Tariff, feed: FeedValue | null | undefined, nowMs: number, timeZone: string): TariffPrice {
  const now = priceInForce(tariff, feed, nowMs, timeZone);
  const dayAvgPricePerKwh = tariff.kind === 'tou' ? touMeanPrice(tariff, nowMs, nowMs + MS_PER_DAY, timeZone) : now.pricePerKwh;
  return { pricePerKwh: now.pricePerKwh, dayAvgPricePerKwh, stale: now.stale, fallback: now.basis === 'fallback' };
}
