/**
 * Economics of one sweep for every rig, site and the fleet (pure): each rig in its site's currency and
 * tariff, sites as sums of their rigs, the fleet as the sum of its sites converted to the fleet currency.
 */
import type { BtcPrices, NetworkState } from '../domain/network';
import type { Reading } from '../domain/reading';
import { aggregateEconomics, convertFigures } from './aggregate';
import { rigEconomics } from './rig';
import type { EconomicsFigures } from './types';

/** A site's economic settings with its current power price (already resolved from its tariff). */
export interface SiteEconomicsInput {
  id: number;
  currency: string;
  pue: number;
  poolFeePct: number;
  /** Null when the site has no tariff: cost is then 0 and flagged. */
  price: { pricePerKwh: number; dayAvgPricePerKwh: number; stale: boolean } | null;
}

/** An online rig's reading in this sweep, with the pool fee of the pool it points at, if configured. */
export interface RigEconomicsSource {
  id: number;
  siteId: number;
  reading: Reading;
  poolFeePct: number | null;
}

export interface SweepEconomicsInput {
  network: NetworkState;
  prices: BtcPrices;
  fleetCurrency: string;
  networkStale: boolean;
  priceStale: boolean;
  sites: SiteEconomicsInput[];
  rigs: RigEconomicsSource[];
}

export type Flagged = EconomicsFigures & { stale: string[] };

export interface SweepEconomics {
  fleet: Flagged | null;
  sites: Map<number, Flagged>;
  rigs: Map<number, Flagged>;
}

function flags(input: SweepEconomicsInput, site: SiteEconomicsInput): string[] {
  const stale: string[] = [];
  if (input.networkStale) stale.push('network');
  if (input.priceStale) stale.push('price');
  if (site.price === null) stale.push('no-tariff');
  else if (site.price.stale) stale.push('tariff');
  return stale;
}

/** Computes the sweep's economics; sites whose currency has no BTC price are left out (and the fleet flags it). */
export function sweepEconomics(input: SweepEconomicsInput): SweepEconomics {
  const result: SweepEconomics = { fleet: null, sites: new Map(), rigs: new Map() };
  const fleetPrice = input.prices[input.fleetCurrency];
  const fleetParts: EconomicsFigures[] = [];
  const fleetStale = new Set<string>();
  for (const site of input.sites) {
    const btcPrice = input.prices[site.currency];
    const siteRigs = input.rigs.filter((r) => r.siteId === site.id);
    if (!(btcPrice > 0)) {
      if (siteRigs.length > 0) fleetStale.add(`no-price-${site.currency}`);
      continue;
    }
    const market = {
      difficulty: input.network.difficulty,
      subsidySats: input.network.subsidySats,
      feesPerBlockSats: input.network.feesPerBlockSats,
      btcPrice,
      currency: site.currency,
    };
    const stale = flags(input, site);
    const figures = siteRigs.map((rig) => {
      const f = rigEconomics(market, {
        hashrateThs: rig.reading.hashrateThs,
        powerW: rig.reading.powerW,
        powerEstimated: rig.reading.powerSource === 'estimated',
        poolFeeFraction: (rig.poolFeePct ?? site.poolFeePct) / 100,
        pue: site.pue,
        pricePerKwh: site.price?.pricePerKwh ?? 0,
        dayAvgPricePerKwh: site.price?.dayAvgPricePerKwh ?? 0,
      });
      const flagged = { ...f, pricePerKwh: site.price ? f.pricePerKwh : null, stale };
      result.rigs.set(rig.id, flagged);
      return f;
    });
    if (figures.length === 0) continue;
    const siteFigures = aggregateEconomics(figures, site.currency);
    result.sites.set(site.id, { ...siteFigures, pricePerKwh: site.price ? siteFigures.pricePerKwh : null, stale });
    stale.forEach((s) => fleetStale.add(s));
    if (fleetPrice > 0) fleetParts.push(convertFigures(siteFigures, fleetPrice / btcPrice, input.fleetCurrency));
  }
  if (fleetPrice > 0 && fleetParts.length > 0) {
    result.fleet = { ...aggregateEconomics(fleetParts, input.fleetCurrency), stale: [...fleetStale] };
  }
  return result;
}
