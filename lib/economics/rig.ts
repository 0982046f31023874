/**
 * One rig's economics, exactly as economics.md formulas 2 and 6-12 write them. Pure: the tariff price
 * and its 24 h mean are resolved by the caller (tariffs/), the market comes from the stored sources.
 *
 * Two bases (economics.md "Now, per day, and realized"): per-kWh figures are *now* (profit per kWh =
 * breakeven - the price in force now); per-day figures (cost, profit, breakeven BTC price) are *per day
 * at today's tariff* (the tariff's mean over the next 24 h).
 *
 * Null rules (never Infinity or NaN): per-kWh figures and both breakevens are null when the rig has no
 * energy (power 0 or unknown) or no hash rate. A rig at 0 TH/s drawing power has no meaningful strike
 * price (c* would be 0: it loses money at any positive price), so it is left to the alerts as a fault
 * rather than ranked by price; its cost and negative profit per day still count in every total.
 * breakevenBtcPrice is also null when the rig earns no BTC (a 100 % pool fee).
 */
import { assertNetworkInputs, blocksPerDay, hashpricePerThDay, SATS_PER_BTC } from './hashprice';
import type { EconomicsFigures, MarketInputs, RigEconomicsInput } from './types';

const HOURS_PER_DAY = 24;
const W_PER_KW = 1000;

/**
 * The first input outside its physical range, as a message naming the field and the value; null when every
 * input is in range. Callers that must not throw (the collector's economics step) skip the rig with it.
 */
export function rigInputProblem(rig: RigEconomicsInput): string | null {
  const finite = Number.isFinite;
  if (!(finite(rig.hashrateThs) && rig.hashrateThs >= 0)) return `hashrateThs must be >= 0 (got ${rig.hashrateThs})`;
  if (!(rig.powerW === null || (finite(rig.powerW) && rig.powerW >= 0))) return `powerW must be >= 0 or null (got ${rig.powerW})`;
  if (!(finite(rig.poolFeeFraction) && rig.poolFeeFraction >= 0 && rig.poolFeeFraction <= 1))
    return `poolFeeFraction must be 0..1 (got ${rig.poolFeeFraction})`;
  if (!(finite(rig.pue) && rig.pue > 0)) return `pue must be > 0 (got ${rig.pue})`;
  // Prices may be negative: real-time feeds do pay consumers at times. They must be numbers.
  if (!finite(rig.pricePerKwh)) return `pricePerKwh must be a finite number (got ${rig.pricePerKwh})`;
  if (!finite(rig.dayAvgPricePerKwh)) return `dayAvgPricePerKwh must be a finite number (got ${rig.dayAvgPricePerKwh})`;
  return null;
}

/** Refuses inputs outside their physical range with a RangeError naming the field and the value. */
export function assertRigInput(rig: RigEconomicsInput): void {
  const problem = rigInputProblem(rig);
  if (problem !== null) throw new RangeError(problem);
}

/** Energy per day at the wall including facility overhead: P * PUE * 24 / 1000 (0 when power is unknown). */
export function kwhPerDay(powerW: number | null, pue: number): number {
  return ((powerW ?? 0) * pue * HOURS_PER_DAY) / W_PER_KW;
}

/** Every figure for one rig in the market's currency; throws RangeError on inputs outside their range. */
export function rigEconomics(market: MarketInputs, rig: RigEconomicsInput): EconomicsFigures {
  assertNetworkInputs(market);
  assertRigInput(rig);
  const grossBtcPerDay = (blocksPerDay(rig.hashrateThs, market.difficulty) * (market.subsidySats + market.feesPerBlockSats)) / SATS_PER_BTC;
  const btcPerDay = grossBtcPerDay * (1 - rig.poolFeeFraction);
  const revenuePerDay = btcPerDay * market.btcPrice;
  const kwh = kwhPerDay(rig.powerW, rig.pue);
  // Per day at today's tariff: the tariff integrated over the next 24 h the energy is used (formula 9).
  const costPerDay = kwh * rig.dayAvgPricePerKwh;
  const profitPerDay = revenuePerDay - costPerDay;
  const perKwh = kwh > 0 && rig.hashrateThs > 0;
  return {
    currency: market.currency,
    hashrateThs: rig.hashrateThs,
    powerW: rig.powerW ?? 0,
    kwhPerDay: kwh,
    btcPerDay,
    revenuePerDay,
    costPerDay,
    profitPerDay,
    revenuePerKwh: perKwh ? revenuePerDay / kwh : null,
    // Now: breakeven minus the price in force now, so "losing money" is exactly price now > breakeven.
    profitPerKwh: perKwh ? revenuePerDay / kwh - rig.pricePerKwh : null,
    breakevenPricePerKwh: perKwh ? revenuePerDay / kwh : null,
    breakevenBtcPrice: perKwh && btcPerDay > 0 ? costPerDay / btcPerDay : null,
    hashpricePerThDay: hashpricePerThDay(market),
    pricePerKwh: rig.pricePerKwh,
    powerEstimatedShare: rig.powerEstimated ? 1 : 0,
  };
}
