/**
 * Tariffs: their schemas, the price in force at an instant (price-in-force.ts, one rule for every kind)
 * and the real-time feed parser.
 */
import type { TariffContext, TariffPrice } from './contract';
import { tariffPrice } from './price-in-force';
import type { Tariff } from './schema';

/** A site's price now and over the next 24 h from its tariff, the clock, its time zone and the last feed value. */
export function currentPrice(tariff: Tariff, ctx: TariffContext): TariffPrice {
  return tariffPrice(tariff, ctx.feed, ctx.nowMs, ctx.timeZone);
}

export type { FeedValue, TariffContext, TariffPrice } from './contract';
export { feedFallbackAfterS, priceInForce, tariffPrice, touMeanPrice, type PriceBasis, type PriceInForce } from './price-in-force';
export { parseRealtimeFeed, type FeedFormat, type FeedPrice } from './realtime';
export {
  TARIFF_KIND_LIST,
  tariffFieldLabel,
  tariffKindInfo,
  tariffKindNamesText,
  type TariffEditorForm,
  type TariffFormField,
  type TariffKindInfo,
  type TariffKindName,
} from './kinds';
export {
  parseTariff,
  tariffWarnings,
  PRICE_CEILING_PER_KWH,
  PRICE_WARN_ABOVE_PER_KWH,
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
export { hourOfWeek, touPriceAt } from './tou';
export { touBandErrors } from './tou-bands';
