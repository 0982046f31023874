/**
 * Tariffs behind one interface: each kind is a small module with a `price` function, registered here.
 * Adding a kind touches its module, its schema and this table.
 */
import type { TariffContext, TariffPrice, TariffPricing } from './contract';
import { flatPricing } from './flat';
import { realtimePricing } from './realtime';
import type { Tariff } from './schema';
import { touPricing } from './tou';

const PRICING: { [K in Tariff['kind']]: TariffPricing<Extract<Tariff, { kind: K }>> } = {
  flat: flatPricing,
  tou: touPricing,
  realtime: realtimePricing,
};

/** A site's price now and over the next 24 h from its tariff, the clock, its time zone and the last feed value. */
export function currentPrice(tariff: Tariff, ctx: TariffContext): TariffPrice {
  return (PRICING[tariff.kind] as TariffPricing<Tariff>).price(tariff, ctx);
}

export type { FeedValue, TariffContext, TariffPrice, TariffPricing } from './contract';
export { parseRealtimeFeed, realtimePriceNow, type FeedFormat, type FeedPrice } from './realtime';
export {
  parseTariff,
  TARIFF_KINDS,
  WEEKDAYS,
  type FlatTariff,
  type ParsedTariff,
  type RealtimeTariff,
  type Tariff,
  type TariffKind,
  type TouBand,
  type TouTariff,
  type Weekday,
} from './schema';
export { hourOfWeek, touBandErrors, touDayAvgPrice, touPriceAt } from './tou';
