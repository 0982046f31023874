/**
 * After a sweep commits: gather the stored network state, prices, site tariffs and the sweep's readings,
 * compute the economics (pure) and store them with the sweep.
 */
import type { Db } from '../lib/db/client';
import { writeEconomics } from '../lib/db/mutations/write-economics';
import { isStale, type MarketPolicy } from '../lib/domain/market-policy';
import { listRigViews } from '../lib/db/queries/rigs';
import type { RigView } from '../lib/views/contracts';
import { getSourced } from '../lib/db/queries/source-state';
import { listPools } from '../lib/db/queries/pools';
import { sitePriceNow } from '../lib/db/queries/site-price';
import { listSites } from '../lib/db/queries/sites';
import type { BtcPrices, NetworkState } from '../lib/domain/network';
import { gpuRevenueBySite } from '../lib/db/queries/gpu-revenue';
import { sweepEconomics, type SiteEconomicsInput } from '../lib/economics/fleet-economics';
import { networkInputProblem } from '../lib/economics/hashprice';
import { poolFeeForRig } from '../lib/economics/pool-match';

/** A rig left out of a sweep's economics, by name, and why. */
export interface SkippedRigEconomics {
  rigId: number;
  name: string;
  reason: string;
}

/**
 * How many rows were stored and which rigs were left out (an input out of range, or their site's tariff
 * could not be read); why economics were not computed for a sweep; or the error of a step that failed
 * (set by the collector, which never lets it stop a sweep).
 */
export type EconomicsOutcome = { stored: number; skippedRigs: SkippedRigEconomics[] } | { skipped: string } | { error: string };

/** The error's message, whatever was thrown. */
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Computes and stores the economics of sweep `sweepId`. Never throws for missing or out-of-range inputs:
 * it says why it skipped the sweep, or which rigs it left out and why. (A database error still throws.)
 */
export function storeSweepEconomics(
  db: Db,
  sweepId: number,
  sweepStartMs: number,
  nowMs: number,
  policy: MarketPolicy,
  /** The rigs as stored after the sweep, when the caller already read them. */
  rigViews: readonly RigView[] = listRigViews(db),
): EconomicsOutcome {
  const network = getSourced<NetworkState>(db, 'network');
  const prices = getSourced<BtcPrices>(db, 'price');
  if (!network.value) return { skipped: `no network state yet${network.lastError ? ` (${network.lastError})` : ''}` };
  if (!prices.value) return { skipped: `no BTC price yet${prices.lastError ? ` (${prices.lastError})` : ''}` };
  const networkProblem = networkInputProblem(network.value);
  if (networkProblem) return { skipped: `network state out of range: ${networkProblem}` };
  const sites: SiteEconomicsInput[] = [];
  const siteProblems = new Map<number, string>();
  const gpuRevenue = gpuRevenueBySite(db);
  for (const site of listSites(db)) {
    try {
      const price = sitePriceNow(db, site, nowMs);
      sites.push({
        id: site.id,
        currency: site.currency,
        pue: site.pue,
        poolFeePct: site.poolFeePct,
        price,
        gpuRevenuePerMhsDay: gpuRevenue.get(site.id),
      });
    } catch (err) {
      siteProblems.set(site.id, `the tariff of site "${site.name}" cannot be read: ${messageOf(err)}`);
    }
  }
  const pools = listPools(db);
  // GPU rigs too: their power costs money whatever they mine (their revenue is the operator's setting, or unknown).
  const online = rigViews.filter((r) => r.connectivity === 'online' && r.reading !== null);
  const names = new Map(rigViews.map((r) => [r.id, r.name]));
  const skippedRigs: SkippedRigEconomics[] = online
    .filter((r) => siteProblems.has(r.siteId))
    .map((r) => ({ rigId: r.id, name: r.name, reason: siteProblems.get(r.siteId)! }));
  const rigs = online
    .filter((r) => !siteProblems.has(r.siteId))
    .map((r) => ({ id: r.id, siteId: r.siteId, reading: r.reading!, poolFeePct: poolFeeForRig(r.reading!, pools) }));
  const result = sweepEconomics({
    network: network.value,
    prices: prices.value,
    fleetCurrency: policy.currency,
    networkStale: isStale(network.fetchedAtMs, nowMs, policy.networkStaleAfterMs),
    priceStale: isStale(prices.fetchedAtMs, nowMs, policy.priceStaleAfterMs),
    sites,
    rigs,
  });
  for (const { rigId, reason } of result.skipped) skippedRigs.push({ rigId, name: names.get(rigId) ?? `rig ${rigId}`, reason });
  return { stored: writeEconomics(db, sweepId, sweepStartMs, result), skippedRigs };
}
