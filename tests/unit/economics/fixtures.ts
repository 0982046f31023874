/** The worked example of economics.md (an Antminer S21 at 90,000 USD), as engine inputs. */
import type { MarketInputs, RigEconomicsInput } from '../../../lib/economics';

export const EXAMPLE_MARKET: MarketInputs = {
  difficulty: 1.48e14,
  subsidySats: 312_500_000,
  feesPerBlockSats: 3_600_000,
  btcPrice: 90_000,
  currency: 'USD',
};

export const EXAMPLE_RIG: RigEconomicsInput = {
  hashrateThs: 200,
  powerW: 3500,
  powerEstimated: false,
  poolFeeFraction: 0.02,
  pue: 1,
  pricePerKwh: 0.05,
  dayAvgPricePerKwh: 0.05,
};

/** A number rounded to 5 significant figures, the precision of the worked example's table. */
export function sig5(n: number | null): number | null {
  return n === null ? null : Number(n.toPrecision(5));
}
