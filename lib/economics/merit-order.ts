/**
 * The merit order of curtailment (economics.md): rigs ranked by their own breakeven price, cheapest to
 * switch off first, with the cumulative MW at each step and the MW that lose money at a given price.
 */

/** A rig as the merit order needs it; breakeven and price in one currency per kWh. */
export interface MeritOrderRig {
  rigId: number;
  name: string;
  powerW: number;
  breakevenPricePerKwh: number | null;
}

/** One step of the curve: the rig, the MW up to and including it, and whether it loses money now. */
export type MeritOrderEntry<R extends MeritOrderRig = MeritOrderRig> = R & { cumulativeMw: number; curtail: boolean };

/** The ranked rigs and the totals. */
export interface MeritOrder<R extends MeritOrderRig = MeritOrderRig> {
  rigs: MeritOrderEntry<R>[];
  /** Power of the rigs whose breakeven is below the price: what to shed now. */
  curtailMw: number;
  totalMw: number;
}

const W_PER_MW = 1e6;

/**
 * Ranks `rigs` by breakeven ascending (ties by rig id, so the order is stable). Rigs without a breakeven
 * (no power figure, or no hash rate) come last and are never counted as curtailable: their price
 * decision is unknown, and a rig hashing nothing while drawing power is a fault for the alerts.
 * A rig is curtailable when its breakeven is strictly below `pricePerKwh`.
 */
export function meritOrder<R extends MeritOrderRig>(rigs: readonly R[], pricePerKwh: number): MeritOrder<R> {
  const ranked = [...rigs].sort((a, b) => {
    const ka = a.breakevenPricePerKwh ?? Number.POSITIVE_INFINITY;
    const kb = b.breakevenPricePerKwh ?? Number.POSITIVE_INFINITY;
    if (ka !== kb) return ka < kb ? -1 : 1;
    if ((a.breakevenPricePerKwh === null) !== (b.breakevenPricePerKwh === null)) return a.breakevenPricePerKwh === null ? 1 : -1;
    return a.rigId - b.rigId;
  });
  let cumulativeW = 0;
  let curtailW = 0;
  const entries = ranked.map((rig) => {
    const powerW = Math.max(0, rig.powerW);
    cumulativeW += powerW;
    const curtail = rig.breakevenPricePerKwh !== null && rig.breakevenPricePerKwh < pricePerKwh;
    if (curtail) curtailW += powerW;
    return { ...rig, cumulativeMw: cumulativeW / W_PER_MW, curtail };
  });
  return { rigs: entries, curtailMw: curtailW / W_PER_MW, totalMw: cumulativeW / W_PER_MW };
}
