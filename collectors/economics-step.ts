/**
 * After a sweep commits: gather the stored network state, prices, site tariffs and the sweep's readings,
 * compute the economics (pure) and store them with the sweep.
 */
import type { Db } from '../lib/db/client';
import { writeEconomics } from '../lib/db/mutations/write-economics';
import { isStale, type MarketPolicy } from '../lib/db/queries/market';
import { listRigViews } from '../lib/db/queries/rigs';
import type { RigView } from '../lib/realtime/contracts';
import { getSourced } from '../lib/db/queries/source-state';
import { listPools } from '../lib/db/queries/pools';
import { sitePriceNow } from '../lib/db/queries/site-price';
import { listSites } from '../lib/db/queries/sites';
import type { BtcPrices, NetworkState } from '../lib/domain/network';
import { hashesSha256 } from '../lib/domain/reading';
import { sweepEconomics, type SiteEconomicsInput } from '../lib/economics/fleet-economics';
import { poolFeeForRig } from '../lib/economics/pool-match';

/** Why economics were not computed for a sweep, or how many rows were stored. */
export type EconomicsOutcome = { stored: number } | { skipped: string };

/** Computes and stores the economics of sweep `sweepId`. Never throws for missing inputs: it says why it skipped. */
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
  const sites: SiteEconomicsInput[] = listSites(db).map((site) => ({
    id: site.id,
    currency: site.currency,
    pue: site.pue,
    poolFeePct: site.poolFeePct,
    price: sitePriceNow(db, site, nowMs),
  }));
  const pools = listPools(db);
  const rigs = rigViews
    // GPU rigs mine other coins: the Bitcoin hashprice says nothing about their revenue, so they are left out.
    .filter((r) => r.connectivity === 'online' && r.reading !== null && hashesSha256(r.reading))
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
  return { stored: writeEconomics(db, sweepId, sweepStartMs, result) };
}
