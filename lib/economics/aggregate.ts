/**
 * Site and fleet figures (economics.md formula 13): sums of hash rate, power, energy, BTC, revenue, cost
 * and profit, then every ratio recomputed from those sums. Averaging per-rig ratios would weight a 100 W
 * rig like a 3 kW one. The aggregate of one part equals that part.
 */
import type { EconomicsFigures } from './types';

/** Sum of (value * weight) / sum of weights; the plain mean when the weights sum to 0; null without values. */
function weightedMean(items: { value: number | null; weight: number }[]): number | null {
  const known = items.filter((i): i is { value: number; weight: number } => i.value !== null);
  if (known.length === 0) return null;
  const weight = known.reduce((s, i) => s + i.weight, 0);
  if (weight > 0) return known.reduce((s, i) => s + i.value * i.weight, 0) / weight;
  return known.reduce((s, i) => s + i.value, 0) / known.length;
}

function sum(
  parts: EconomicsFigures[],
  key: 'hashrateThs' | 'powerW' | 'kwhPerDay' | 'btcPerDay' | 'revenuePerDay' | 'costPerDay' | 'profitPerDay',
): number {
  return parts.reduce((s, p) => s + p[key], 0);
}

/**
 * Aggregates parts that are all in `currency` (convert first with convertFigures). Ratios follow the rig
 * null rules on the sums: null per-kWh and breakeven figures without energy or without hash rate.
 * Hashprice is revenue before the pool fee over hash rate, i.e. the hash-rate-weighted mean of the
 * parts' hashprices (each part's is the market's); with no hash rate at all, their plain mean. The price
 * per kWh is energy-weighted, the estimated share power-weighted.
 */
export function aggregateEconomics(parts: EconomicsFigures[], currency: string): EconomicsFigures {
  const foreign = parts.find((p) => p.currency !== currency);
  if (foreign) throw new Error(`cannot add ${foreign.currency} figures to a ${currency} total: convert them first`);
  const hashrateThs = sum(parts, 'hashrateThs');
  const kwhPerDay = sum(parts, 'kwhPerDay');
  const btcPerDay = sum(parts, 'btcPerDay');
  const revenuePerDay = sum(parts, 'revenuePerDay');
  const costPerDay = sum(parts, 'costPerDay');
  const profitPerDay = sum(parts, 'profitPerDay');
  // Per-kWh figures are over the energy of parts whose revenue is known (GPU rigs without a revenue
  // setting draw power that earns nothing known: their cost counts, their kWh do not dilute breakeven).
  const kwhRevenueUnknownPerDay = parts.reduce((s, p) => s + (p.kwhRevenueUnknownPerDay ?? 0), 0);
  const kwhKnown = parts.reduce((s, p) => s + p.kwhPerDay - (p.kwhRevenueUnknownPerDay ?? 0), 0);
  const perKwh = kwhKnown > 0 && (hashrateThs > 0 || revenuePerDay > 0);
  // What that energy costs at the prices in force now (a part without a price counts as free, as its cost does).
  const costNowPerDay = parts.reduce((s, p) => s + (p.kwhPerDay - (p.kwhRevenueUnknownPerDay ?? 0)) * (p.pricePerKwh ?? 0), 0);
  return {
    currency,
    hashrateThs,
    powerW: sum(parts, 'powerW'),
    kwhPerDay,
    // Only when there is some: the aggregate of one SHA-256 part is that part.
    ...(kwhRevenueUnknownPerDay > 0 && { kwhRevenueUnknownPerDay }),
    btcPerDay,
    revenuePerDay,
    costPerDay,
    profitPerDay,
    revenuePerKwh: perKwh ? revenuePerDay / kwhKnown : null,
    profitPerKwh: perKwh ? revenuePerDay / kwhKnown - costNowPerDay / kwhKnown : null,
    breakevenPricePerKwh: perKwh ? revenuePerDay / kwhKnown : null,
    breakevenBtcPrice: perKwh && btcPerDay > 0 ? costPerDay / btcPerDay : null,
    hashpricePerThDay: weightedMean(parts.map((p) => ({ value: p.hashpricePerThDay, weight: p.hashrateThs }))) ?? 0,
    pricePerKwh: weightedMean(parts.map((p) => ({ value: p.pricePerKwh, weight: p.kwhPerDay }))),
    powerEstimatedShare: weightedMean(parts.map((p) => ({ value: p.powerEstimatedShare, weight: p.powerW }))) ?? 0,
  };
}

/**
 * The same figures in another currency: money figures scale by `rate`, BTC, energy and hash rate do not.
 * `rate` is the price of BTC in the target currency over its price in the figures' currency: the price
 * source is the exchange rate, so no second FX feed can disagree with it.
 */
export function convertFigures(f: EconomicsFigures, rate: number, currency: string): EconomicsFigures {
  if (!Number.isFinite(rate) || rate <= 0) throw new RangeError(`conversion rate must be > 0 (got ${rate})`);
  const money = (v: number) => v * rate;
  const maybe = (v: number | null) => (v === null ? null : v * rate);
  return {
    ...f,
    currency,
    revenuePerDay: money(f.revenuePerDay),
    costPerDay: money(f.costPerDay),
    profitPerDay: money(f.profitPerDay),
    revenuePerKwh: maybe(f.revenuePerKwh),
    profitPerKwh: maybe(f.profitPerKwh),
    breakevenPricePerKwh: maybe(f.breakevenPricePerKwh),
    breakevenBtcPrice: maybe(f.breakevenBtcPrice),
    hashpricePerThDay: money(f.hashpricePerThDay),
    pricePerKwh: maybe(f.pricePerKwh),
  };
}
