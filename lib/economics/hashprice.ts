/**
 * What one TH/s earns per day (economics.md formulas 1, 3 and 7), before any pool fee. Every rig in a
 * market has the same hashprice: it is a property of the network and the BTC price, not of the rig.
 */
import type { MarketInputs } from './types';

/** Expected hashes per block per unit of difficulty. */
export const HASHES_PER_DIFFICULTY = 2 ** 32;
export const SECONDS_PER_DAY = 86_400;
export const SATS_PER_BTC = 1e8;
const H_PER_TH = 1e12;

/** The network part of the market: what `hashpriceBtcPerThDay` needs. */
export type NetworkInputs = Pick<MarketInputs, 'difficulty' | 'subsidySats' | 'feesPerBlockSats'>;

/** The first network input that would turn into Infinity or NaN downstream (a difficulty of 0 divides by zero), or null. */
export function networkInputProblem(n: NetworkInputs): string | null {
  if (!Number.isFinite(n.difficulty) || n.difficulty <= 0) return `difficulty must be > 0 (got ${n.difficulty})`;
  if (!Number.isFinite(n.subsidySats) || n.subsidySats < 0) return `subsidy must be >= 0 sats (got ${n.subsidySats})`;
  if (!Number.isFinite(n.feesPerBlockSats) || n.feesPerBlockSats < 0) return `fees per block must be >= 0 sats (got ${n.feesPerBlockSats})`;
  return null;
}

/** networkInputProblem, plus the BTC price (a finite number >= 0). */
export function marketInputProblem(market: MarketInputs): string | null {
  if (!Number.isFinite(market.btcPrice) || market.btcPrice < 0) return `BTC price must be >= 0 (got ${market.btcPrice})`;
  return networkInputProblem(market);
}

/** Refuses network inputs that would turn into Infinity or NaN downstream, with a RangeError naming them. */
export function assertNetworkInputs(n: NetworkInputs): void {
  const problem = networkInputProblem(n);
  if (problem !== null) throw new RangeError(problem);
}

/** Blocks per day credited to `hashrateThs` at `difficulty`: H * 86400 / (D * 2^32). */
export function blocksPerDay(hashrateThs: number, difficulty: number): number {
  return (hashrateThs * H_PER_TH * SECONDS_PER_DAY) / (difficulty * HASHES_PER_DIFFICULTY);
}

/** BTC earned per TH/s per day before the pool fee: 86400 * 1e12 * (S + F) / (D * 2^32). */
export function hashpriceBtcPerThDay(market: NetworkInputs): number {
  assertNetworkInputs(market);
  return (blocksPerDay(1, market.difficulty) * (market.subsidySats + market.feesPerBlockSats)) / SATS_PER_BTC;
}

/** Revenue per TH/s per day before the pool fee, in the market's currency. */
export function hashpricePerThDay(market: MarketInputs): number {
  const problem = marketInputProblem(market);
  if (problem !== null) throw new RangeError(problem);
  return hashpriceBtcPerThDay(market) * market.btcPrice;
}

/** Network hash rate implied by difficulty at the 600 s target: D * 2^32 / 600, in TH/s. */
export function networkHashrateThsFromDifficulty(difficulty: number): number {
  if (!Number.isFinite(difficulty) || difficulty <= 0) throw new RangeError(`difficulty must be > 0 (got ${difficulty})`);
  return (difficulty * HASHES_PER_DIFFICULTY) / 600 / H_PER_TH;
}
