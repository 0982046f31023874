/**
 * Currency conversion through the BTC price feed: the feed quotes BTC in every supported currency, so
 * the ratio of two quotes is the exchange rate the economics engine itself uses. No second FX source
 * that could disagree with it.
 */
import type { BtcPrices } from '../../../lib/domain/network';

/** Multiplier from `from` to `to` (1 for the same currency); null when either quote is missing. */
export function fxRate(prices: BtcPrices | null, from: string, to: string): number | null {
  if (from === to) return 1;
  const a = prices?.[from];
  const b = prices?.[to];
  return typeof a === 'number' && typeof b === 'number' && a > 0 && b > 0 ? b / a : null;
}
