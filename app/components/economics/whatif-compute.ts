/**
 * The what-if recomputation (pure, runs in the browser): every rig through lib/economics' rigEconomics
 * with the user's BTC price, difficulty, fees and optional tariff, in its own site currency, then
 * converted to the fleet currency for the totals and the merit order. Conversion uses the live BTC
 * quotes, so a what-if BTC price moves every currency together.
 */
import { aggregateEconomics, convertFigures, rigEconomics, type EconomicsFigures } from '../../../lib/economics';
import type { BtcPrices } from '../../../lib/domain/network';
import type { WhatIfRig } from '../../../lib/views/contracts';
import { fxRate } from './fx';
import { buildMeritCurve, type MeritCurve } from './merit-curve';

/** The user's scenario. Prices in the fleet currency; fees in BTC per block. */
export interface WhatIfInputs {
  btcPrice: number;
  difficulty: number;
  feesPerBlockBtc: number;
  /** One price per kWh for every site, or null for each site's own tariff. */
  tariffPerKwh: number | null;
}

/** The live context the scenario is applied to. */
export interface WhatIfContext {
  currency: string;
  prices: BtcPrices | null;
  subsidySats: number;
}

/** One rig under the scenario: in its site currency, and converted to the fleet currency. */
export interface WhatIfRigResult {
  rig: WhatIfRig;
  site: EconomicsFigures;
  fleet: EconomicsFigures;
}

export interface WhatIfResult {
  fleet: EconomicsFigures;
  rigs: WhatIfRigResult[];
  losing: WhatIfRigResult[];
  /** Names of rigs left out: no BTC quote in their site currency, or figures the engine refused. */
  skipped: string[];
  /** Rigs priced at 0 because their site has no tariff and no override was given. */
  noTariff: number;
  merit: MeritCurve;
}

const SATS_PER_BTC = 1e8;
/** Every rig under the scenario, the fleet totals (sums, then ratios) and the merit-order curve. */
export function computeWhatIf(rigs: readonly WhatIfRig[], ctx: WhatIfContext, inputs: WhatIfInputs): WhatIfResult {
  const results: WhatIfRigResult[] = [];
  const skipped: string[] = [];
  let noTariff = 0;
  for (const rig of rigs) {
    const toSite = fxRate(ctx.prices, ctx.currency, rig.currency);
    if (toSite === null) {
      skipped.push(rig.name);
      continue;
    }
    const override = inputs.tariffPerKwh === null ? null : inputs.tariffPerKwh * toSite;
    const price = override ?? rig.pricePerKwh ?? 0;
    let site: EconomicsFigures;
    try {
      site = rigEconomics(
        {
          difficulty: inputs.difficulty,
          subsidySats: ctx.subsidySats,
          feesPerBlockSats: Math.round(inputs.feesPerBlockBtc * SATS_PER_BTC),
          btcPrice: inputs.btcPrice * toSite,
          currency: rig.currency,
        },
        {
          hashrateThs: rig.hashrateThs,
          powerW: rig.powerW,
          powerEstimated: rig.powerEstimated,
          poolFeeFraction: rig.poolFeePct / 100,
          pue: rig.pue,
          pricePerKwh: price,
          dayAvgPricePerKwh: override ?? rig.dayAvgPricePerKwh ?? price,
        },
      );
    } catch {
      // The engine refuses out-of-range settings (a PUE of 0, a pool fee over 100 %): one bad rig is
      // named as left out instead of blanking the whole scenario.
      skipped.push(rig.name);
      continue;
    }
    if (override === null && rig.pricePerKwh === null) noTariff += 1;
    results.push({ rig, site, fleet: convertFigures(site, 1 / toSite, ctx.currency) });
  }
  const fleet = aggregateEconomics(
    results.map((r) => r.fleet),
    ctx.currency,
  );
  const merit = buildMeritCurve(
    results.map((r) => ({
      rigId: r.rig.id,
      name: r.rig.name,
      powerW: r.fleet.powerW,
      breakevenPricePerKwh: r.fleet.breakevenPricePerKwh,
      // The price now, not the day average: the curve answers "what to switch off at this moment".
      // A site without a tariff has no price to compare with (the engine counted its power as free).
      pricePerKwh: inputs.tariffPerKwh === null && r.rig.pricePerKwh === null ? null : r.fleet.pricePerKwh,
    })),
    ctx.currency,
  );
  const losing = results.filter((r) => r.site.profitPerKwh !== null && r.site.profitPerKwh < 0);
  return { fleet, rigs: results, losing, skipped, noTariff, merit };
}
