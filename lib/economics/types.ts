/**
 * The economics engine's inputs and outputs (shared/design/economics.md). Pure data: money in the
 * scope's currency, energy in kWh, BTC as numbers of bitcoin, satoshis as integers.
 */

/** What a terahash earns: the four network variables and the price, in one currency. */
export interface MarketInputs {
  difficulty: number;
  /** Block subsidy at the tip, integer satoshis. */
  subsidySats: number;
  /** Mean fees per block, satoshis. */
  feesPerBlockSats: number;
  /** BTC price in `currency`. */
  btcPrice: number;
  currency: string;
}

/** One rig's measured figures and what its site charges. */
export interface RigEconomicsInput {
  hashrateThs: number;
  /** Wall power; null when unknown (then energy, cost and per-kWh figures are null/zero). */
  powerW: number | null;
  powerEstimated: boolean;
  /** Pool fee as a fraction (0.02 = 2 %). */
  poolFeeFraction: number;
  /** Facility overhead factor, >= 1. */
  pue: number;
  /** The tariff's price now, per kWh in the market currency. */
  pricePerKwh: number;
  /**
   * Energy-weighted mean price over the next 24 h (time-of-use tariffs integrate over the day);
   * equal to pricePerKwh for a flat tariff.
   */
  dayAvgPricePerKwh: number;
}

/** Every figure for a rig, a site or the fleet. Aggregates are sums, then ratios of the sums. */
export interface EconomicsFigures {
  currency: string;
  hashrateThs: number;
  powerW: number;
  kwhPerDay: number;
  /**
   * The part of kwhPerDay drawn by rigs whose revenue is unknown (GPU rigs without a revenue setting): in
   * cost and every per-day total, but not in revenue per kWh, breakeven or profit per kWh. 0 when absent.
   */
  kwhRevenueUnknownPerDay?: number;
  /** Net of the pool fee. Money per day is "per day at today's tariff": the next 24 h at its mean price. */
  btcPerDay: number;
  revenuePerDay: number;
  costPerDay: number;
  profitPerDay: number;
  /** Null when there is no energy (0 W, or unknown power). Never Infinity or NaN. */
  revenuePerKwh: number | null;
  /** Now: breakeven - the price in force now (energy-weighted for aggregates); negative = losing money now. */
  profitPerKwh: number | null;
  /** The electricity price at which revenue equals cost (curtailment strike). */
  breakevenPricePerKwh: number | null;
  /** The BTC price at which revenue equals cost. */
  breakevenBtcPrice: number | null;
  /** Revenue per TH/s per day before the pool fee, in the currency. */
  hashpricePerThDay: number;
  /** Current tariff price per kWh (energy-weighted for aggregates); null when unknown. */
  pricePerKwh: number | null;
  /** Share of power that is estimated from nameplates (0..1). */
  powerEstimatedShare: number;
}
