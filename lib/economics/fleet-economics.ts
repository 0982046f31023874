/**
 * Economics of one sweep for every rig, site and the fleet (pure): each rig in its site's currency and
 * tariff, sites as sums of their rigs, the fleet as the sum of its sites converted to the fleet currency.
 */
import type { BtcPrices, NetworkState } from '../domain/network';
import { hashesSha256, type Reading } from '../domain/reading';
import { aggregateEconomics, convertFigures } from './aggregate';
import { gpuRatePerMhsDay, gpuRigEconomics, MHS_PER_THS } from './gpu';
import { hashpricePerThDay, marketInputProblem } from './hashprice';
import { rigEconomics, rigInputProblem } from './rig';
import type { EconomicsFigures } from './types';

/** A site's economic settings with its current power price (already resolved from its tariff). */
export interface SiteEconomicsInput {
  id: number;
  currency: string;
  pue: number;
  poolFeePct: number;
  /** Null when the site has no tariff: cost is then 0 and flagged. */
  price: { pricePerKwh: number; dayAvgPricePerKwh: number; stale: boolean; fallback?: boolean } | null;
  /** GPU revenue the operator set, per MH/s per day in the site currency, by algorithm; absent = none set. */
  gpuRevenuePerMhsDay?: Readonly<Record<string, number>>;
}

/** The flag on a rig, site or fleet figure some of whose rigs' revenue is unknown: "excluding GPU revenue". */
export const GPU_REVENUE_UNSET = 'gpu-revenue-unset';

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

/** A rig left out of a sweep's economics, and why (an input outside its range, named with its value). */
export interface SkippedRig {
  rigId: number;
  reason: string;
}

export interface SweepEconomics {
  fleet: Flagged | null;
  sites: Map<number, Flagged>;
  rigs: Map<number, Flagged>;
  /** Rigs whose inputs were out of range: left out of every figure, never thrown. */
  skipped: SkippedRig[];
}

function flags(input: SweepEconomicsInput, site: SiteEconomicsInput): string[] {
  const stale: string[] = [];
  if (input.networkStale) stale.push('network');
  if (input.priceStale) stale.push('price');
  if (site.price === null) stale.push('no-tariff');
  else if (site.price.fallback) stale.push('tariff-fallback');
  else if (site.price.stale) stale.push('tariff');
  return stale;
}

const validPrice = (p: number | undefined): p is number => p !== undefined && Number.isFinite(p) && p > 0;

/** A GPU rig's figures (revenue from the site's setting for its algorithm, or unknown), or why it is left out. */
function gpuFigures(rig: RigEconomicsSource, site: SiteEconomicsInput, currency: string, hashprice: number): EconomicsFigures | string {
  const r = rig.reading;
  const powerOk = r.powerW === null || (Number.isFinite(r.powerW) && r.powerW >= 0);
  if (!powerOk || !Number.isFinite(r.hashrateThs) || !(Number.isFinite(site.pue) && site.pue > 0)) {
    return `GPU rig inputs out of range (hash rate ${r.hashrateThs}, power ${r.powerW}, PUE ${site.pue})`;
  }
  return gpuRigEconomics(
    {
      hashrateMhs: r.hashrateThs * MHS_PER_THS,
      powerW: r.powerW,
      powerEstimated: r.powerSource === 'estimated',
      pue: site.pue,
      pricePerKwh: site.price?.pricePerKwh ?? 0,
      dayAvgPricePerKwh: site.price?.dayAvgPricePerKwh ?? 0,
      revenuePerMhsDay: gpuRatePerMhsDay(r.algorithm, site.gpuRevenuePerMhsDay),
    },
    currency,
    hashprice,
  );
}

const withGpuFlag = (stale: string[], f: EconomicsFigures) =>
  (f.kwhRevenueUnknownPerDay ?? 0) > 0 ? [...stale, GPU_REVENUE_UNSET] : stale;

/**
 * Computes the sweep's economics; sites whose currency has no BTC price are left out (and the fleet flags
 * it). Never throws on data: a rig whose inputs are out of range (a negative hash rate stored before the
 * plausibility check existed, a PUE of 0, a network state of difficulty 0) is listed in `skipped` instead.
 */
export function sweepEconomics(input: SweepEconomicsInput): SweepEconomics {
  const result: SweepEconomics = { fleet: null, sites: new Map(), rigs: new Map(), skipped: [] };
  const fleetPrice = input.prices[input.fleetCurrency];
  const fleetParts: EconomicsFigures[] = [];
  const fleetStale = new Set<string>();
  for (const site of input.sites) {
    const btcPrice = input.prices[site.currency];
    const siteRigs = input.rigs.filter((r) => r.siteId === site.id);
    if (!validPrice(btcPrice)) {
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
    const marketProblem = marketInputProblem(market);
    const figures: EconomicsFigures[] = [];
    const hashprice = marketProblem === null ? hashpricePerThDay(market) : 0;
    for (const rig of siteRigs) {
      if (!hashesSha256(rig.reading)) {
        if (marketProblem !== null) {
          result.skipped.push({ rigId: rig.id, reason: marketProblem });
          continue;
        }
        const f = gpuFigures(rig, site, site.currency, hashprice);
        if (typeof f === 'string') {
          result.skipped.push({ rigId: rig.id, reason: f });
          continue;
        }
        result.rigs.set(rig.id, { ...f, pricePerKwh: site.price ? f.pricePerKwh : null, stale: withGpuFlag(stale, f) });
        figures.push(f);
        continue;
      }
      const rigInput = {
        hashrateThs: rig.reading.hashrateThs,
        powerW: rig.reading.powerW,
        powerEstimated: rig.reading.powerSource === 'estimated',
        poolFeeFraction: (rig.poolFeePct ?? site.poolFeePct) / 100,
        pue: site.pue,
        pricePerKwh: site.price?.pricePerKwh ?? 0,
        dayAvgPricePerKwh: site.price?.dayAvgPricePerKwh ?? 0,
      };
      const problem = marketProblem ?? rigInputProblem(rigInput);
      if (problem !== null) {
        result.skipped.push({ rigId: rig.id, reason: problem });
        continue;
      }
      const f = rigEconomics(market, rigInput);
      result.rigs.set(rig.id, { ...f, pricePerKwh: site.price ? f.pricePerKwh : null, stale });
      figures.push(f);
    }
    if (figures.length === 0) continue;
    const siteFigures = aggregateEconomics(figures, site.currency);
    const siteStale = withGpuFlag(stale, siteFigures);
    result.sites.set(site.id, { ...siteFigures, pricePerKwh: site.price ? siteFigures.pricePerKwh : null, stale: siteStale });
    siteStale.forEach((s) => fleetStale.add(s));
    if (validPrice(fleetPrice)) fleetParts.push(convertFigures(siteFigures, fleetPrice / btcPrice, input.fleetCurrency));
  }
  if (validPrice(fleetPrice) && fleetParts.length > 0) {
    result.fleet = { ...aggregateEconomics(fleetParts, input.fleetCurrency), stale: [...fleetStale] };
  }
  return result;
}
