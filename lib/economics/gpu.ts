/**
 * GPU rigs in the accounts (economics.md): every watt they draw costs money in all three bases, but the
 * Bitcoin hashprice says nothing about what they earn. Their revenue is known only when the operator sets
 * it for their algorithm (revenue per MH/s per day, in the site currency); until then it is unknown, never
 * zero profit: their kWh count as "revenue unknown" and stay out of breakeven, profit per kWh and the merit
 * order, while their cost counts in every per-day total ("profit excluding GPU revenue").
 */
import { kwhPerDay } from './rig';
import type { EconomicsFigures } from './types';

/** What a GPU rig's economics need: its hash rate in MH/s of its algorithm and what its site charges. */
export interface GpuRigInput {
  hashrateMhs: number;
  powerW: number | null;
  powerEstimated: boolean;
  pue: number;
  /** The price in force now, and the mean of the next 24 h (per day at today's tariff). */
  pricePerKwh: number;
  dayAvgPricePerKwh: number;
  /** What the operator says one MH/s earns per day in the site currency; null when not set. */
  revenuePerMhsDay: number | null;
}

/** MH/s in one TH/s: a GPU rig's hash rate is stored in TH/s like every reading's. */
export const MHS_PER_THS = 1e6;

/**
 * What the operator set for a GPU rig's algorithm at its site, per MH/s per day (`rates` by algorithm);
 * null when the rig names no algorithm or none is set for it: its revenue is unknown.
 */
export function gpuRatePerMhsDay(algorithm: string | null | undefined, rates: Readonly<Record<string, number>> | undefined): number | null {
  const rate = algorithm ? rates?.[algorithm] : undefined;
  return rate === undefined || !Number.isFinite(rate) ? null : rate;
}

/** The largest revenue per MH/s per day accepted: far above any coin's, so a larger figure is a unit slip. */
export const GPU_REVENUE_CEILING_PER_MHS_DAY = 100;

/**
 * A GPU rig's figures in `currency`. No BTC and no SHA-256 hash rate (hashrateThs 0, so site hash rate
 * and hashprice stay Bitcoin's); with revenue unknown, its whole energy is kwhRevenueUnknownPerDay and its
 * per-kWh figures are null.
 */
export function gpuRigEconomics(rig: GpuRigInput, currency: string, hashpricePerThDay: number): EconomicsFigures {
  const kwh = kwhPerDay(rig.powerW, rig.pue);
  const known = rig.revenuePerMhsDay !== null;
  const revenuePerDay = known ? Math.max(0, rig.hashrateMhs) * rig.revenuePerMhsDay! : 0;
  const costPerDay = kwh * rig.dayAvgPricePerKwh;
  const perKwh = known && kwh > 0 && rig.hashrateMhs > 0;
  return {
    currency,
    hashrateThs: 0,
    powerW: rig.powerW ?? 0,
    kwhPerDay: kwh,
    kwhRevenueUnknownPerDay: known ? 0 : kwh,
    btcPerDay: 0,
    revenuePerDay,
    costPerDay,
    profitPerDay: revenuePerDay - costPerDay,
    revenuePerKwh: perKwh ? revenuePerDay / kwh : null,
    profitPerKwh: perKwh ? revenuePerDay / kwh - rig.pricePerKwh : null,
    breakevenPricePerKwh: perKwh ? revenuePerDay / kwh : null,
    breakevenBtcPrice: null,
    hashpricePerThDay,
    pricePerKwh: rig.pricePerKwh,
    powerEstimatedShare: rig.powerEstimated ? 1 : 0,
  };
}
