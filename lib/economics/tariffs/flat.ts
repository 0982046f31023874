/** A flat tariff: one price per kWh at every hour. */
import type { TariffPricing } from './contract';
import type { FlatTariff } from './schema';

/** Flat pricing: the price now is the day's mean. */
export const flatPricing: TariffPricing<FlatTariff> = {
  price: (tariff) => ({ pricePerKwh: tariff.pricePerKwh, dayAvgPricePerKwh: tariff.pricePerKwh, stale: false }),
};
