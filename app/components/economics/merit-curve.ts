/**
 * The merit-order curve as the chart draws it: rigs ranked by their own breakeven price (cheapest to
 * switch off first), each a step as wide as its power, in MW. Ranking and cumulative MW come from
 * lib/economics (meritOrder).
 *
 * Sites price power differently (a Texas time-of-use rate, a flat Quebec rate in CAD), so "curtail now"
 * compares each rig's breakeven with its own site's price now. When every rig pays the same price (one
 * site, or a what-if tariff) that is meritOrder's single price line and its curtailMw exactly; with
 * mixed prices one fleet-wide line would shade rigs that are in fact profitable at their own site.
 */
import { meritOrder } from '../../../lib/economics';
import type { FleetSnapshot } from '../../../lib/views/contracts';
import { fxRate } from './fx';

/** One rig on the curve: it occupies [fromMw, toMw] at the height of its breakeven. */
export interface MeritStep {
  rigId: number;
  name: string;
  fromMw: number;
  toMw: number;
  breakevenPricePerKwh: number;
  /** What this rig's site charges now; null when unknown. */
  pricePerKwh: number | null;
  /** Its breakeven is below its price: it loses money now. */
  curtail: boolean;
}

/** Everything MeritOrderChart draws. Prices per kWh in `currency`. */
export interface MeritCurve {
  currency: string;
  steps: MeritStep[];
  /** The one price every rig pays, drawn as a horizontal line; null when prices differ or are unknown. */
  pricePerKwh: number | null;
  /** True when rigs pay different prices: the chart draws each rig's own price as a step line. */
  mixedPrices: boolean;
  /** MW of rigs whose breakeven is below their price: what should be switched off now. */
  curtailMw: number;
  totalMw: number;
  /** Rigs left off the curve: no breakeven (no power figure) or no quote to convert their currency. */
  excluded: number;
}

/** A rig as the curve needs it, breakeven and price already in the curve's currency. */
export interface MeritRig {
  rigId: number;
  name: string;
  powerW: number;
  breakevenPricePerKwh: number | null;
  /** The rig's own price now; null when its site has no tariff (then it is never shaded). */
  pricePerKwh: number | null;
  /**
   * Whether the engine found the rig losing money now (its profit per kWh now < 0, in its site currency).
   * Given, it decides the shading, so "curtail now" is the losing rigs of every other screen, rig for rig,
   * whatever float dust the currency conversion leaves; absent (the what-if), breakeven < price decides.
   */
  losingNow?: boolean;
}

const W_PER_MW = 1e6;

/** Prices closer than this (relative) are one price: conversions through BTC quotes leave float dust. */
const SAME_PRICE = 1e-9;

function samePrice(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_PRICE * Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

/** Builds the curve from rigs that each carry their own price now. */
export function buildMeritCurve(rigs: readonly MeritRig[], currency: string): MeritCurve {
  // Rigs without a breakeven cannot be placed on a price axis: they are left off (and counted), so the
  // x axis holds only MW that have a strike price.
  const placed = rigs.filter((r) => r.breakevenPricePerKwh !== null && r.powerW > 0);
  const order = meritOrder(placed, Number.NEGATIVE_INFINITY);
  let curtailW = 0;
  const steps: MeritStep[] = order.rigs.map((r) => {
    const price = r.pricePerKwh;
    const breakeven = r.breakevenPricePerKwh ?? 0;
    const curtail = r.losingNow ?? (price !== null && breakeven < price);
    if (curtail) curtailW += r.powerW;
    const fromMw = r.cumulativeMw - r.powerW / W_PER_MW;
    return { rigId: r.rigId, name: r.name, fromMw, toMw: r.cumulativeMw, breakevenPricePerKwh: breakeven, pricePerKwh: price, curtail };
  });
  const first = steps[0]?.pricePerKwh ?? null;
  const uniform = first !== null && steps.every((s) => s.pricePerKwh !== null && samePrice(s.pricePerKwh, first));
  return {
    currency,
    steps,
    pricePerKwh: uniform ? first : null,
    mixedPrices: !uniform && steps.some((s) => s.pricePerKwh !== null),
    curtailMw: curtailW / W_PER_MW,
    totalMw: order.totalMw,
    excluded: rigs.length - placed.length,
  };
}

/**
 * The live curve from the latest sweep: online rigs only (an offline rig draws nothing to curtail), each
 * breakeven and price converted from its site currency to the fleet's.
 */
export function liveMeritCurve(snapshot: FleetSnapshot): MeritCurve {
  const { economics, market } = snapshot;
  const rigs: MeritRig[] = [];
  for (const rig of snapshot.rigs) {
    const e = economics.rigs[rig.id];
    // A GPU rig whose revenue is not set has no strike price: the merit order is over rigs with known revenue.
    if (!e || rig.connectivity !== 'online' || e.gpuRevenueUnset) continue;
    const rate = fxRate(market.prices, e.currency, market.currency);
    // Without a quote to convert with, the rig cannot be placed: it is counted as left out, not dropped.
    const be = e.breakevenPricePerKwh === null || rate === null ? null : e.breakevenPricePerKwh * rate;
    const price = e.pricePerKwh === null || rate === null ? null : e.pricePerKwh * rate;
    const losingNow = e.profitPerKwh !== null && e.profitPerKwh < 0;
    rigs.push({ rigId: rig.id, name: rig.name, powerW: e.powerW, breakevenPricePerKwh: be, pricePerKwh: price, losingNow });
  }
  return buildMeritCurve(rigs, market.currency);
}
