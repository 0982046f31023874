/** The network and market panel, read from the stored source values with their ages. */
import type { BtcPrices, NetworkState } from '../../domain/network';
import { hashpricePerThDay } from '../../economics/hashprice';
import type { MarketView } from '../../views/contracts';
import type { Db } from '../client';
import { isStale, type MarketPolicy } from '../../domain/market-policy';
import { getSourced } from './source-state';

/** The market as the overview's network panel shows it. */
export function getMarketView(db: Db, nowMs: number, policy: MarketPolicy): MarketView {
  const network = getSourced<NetworkState>(db, 'network');
  const price = getSourced<BtcPrices>(db, 'price');
  const btcPrice = price.value?.[policy.currency] ?? null;
  const n = network.value;
  return {
    currency: policy.currency,
    network: n,
    networkSource: network.source,
    networkFetchedAtMs: network.fetchedAtMs,
    networkError: network.lastError,
    prices: price.value,
    btcPrice,
    priceSource: price.source,
    priceFetchedAtMs: price.fetchedAtMs,
    priceError: price.lastError,
    hashpricePerThDay:
      n && btcPrice !== null
        ? hashpricePerThDay({
            difficulty: n.difficulty,
            subsidySats: n.subsidySats,
            feesPerBlockSats: n.feesPerBlockSats,
            btcPrice,
            currency: policy.currency,
          })
        : null,
    stale: isStale(network.fetchedAtMs, nowMs, policy.networkStaleAfterMs) || isStale(price.fetchedAtMs, nowMs, policy.priceStaleAfterMs),
  };
}
