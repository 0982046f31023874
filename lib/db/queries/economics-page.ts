/** Everything the /economics page renders first: the live snapshot, what-if inputs, sites and pools. */
import { hashesSha256 } from '../../domain/reading';
import type { EconomicsPageData, SiteEconomicsView, WhatIfRig } from '../../views/contracts';
import { poolFeeForRig } from '../../economics/pool-match';
import type { Db } from '../client';
import { getFleetSnapshot } from './fleet';
import type { MarketPolicy } from '../../domain/market-policy';
import { poolReconciliation } from './pool-reconciliation';
import { listPools } from './pools';
import { sitePriceNow } from './site-price';
import { listSites } from './sites';
import { readTransaction } from '../transactions';
import type { Principal } from '../../auth/roles';
import { seesWholeFleet, visibleTo } from '../../auth/site-scope';
import { scopedStream } from '../../views/scope';

/**
 * Reads the page's data in one read transaction, as `who` may see it: its sites' rigs, sites and totals
 * (lib/views/scope), and the pools its rigs point at (poolReconciliation).
 */
export function getEconomicsPageData(db: Db, nowMs: number, policy: MarketPolicy, who: Pick<Principal, 'siteIds'>): EconomicsPageData {
  return readTransaction(db, () => {
    const snapshot = scopedStream(who.siteIds).snapshot(getFleetSnapshot(db, nowMs, policy, { rigs: 'all' }));
    const pools = listPools(db);
    const sites = visibleTo(who, listSites(db), (s) => s.id).map((site) => ({ site, price: sitePriceNow(db, site, nowMs) }));
    const siteViews: SiteEconomicsView[] = sites.map(({ site, price }) => ({
      id: site.id,
      name: site.name,
      currency: site.currency,
      timeZone: site.timeZone,
      pue: site.pue,
      poolFeePct: site.poolFeePct,
      tariff: site.tariffJson ? (JSON.parse(site.tariffJson) as unknown) : null,
      pricePerKwh: price?.pricePerKwh ?? null,
    }));
    const bySite = new Map(sites.map((s) => [s.site.id, s]));
    const rigs: WhatIfRig[] = snapshot.rigs.flatMap((rig) => {
      const entry = bySite.get(rig.siteId);
      // GPU rigs mine other coins: the what-if's Bitcoin hashprice does not apply to them.
      if (rig.connectivity !== 'online' || !rig.reading || !entry || !hashesSha256(rig.reading)) return [];
      return [
        {
          id: rig.id,
          name: rig.name,
          siteId: rig.siteId,
          siteName: rig.siteName,
          currency: entry.site.currency,
          hashrateThs: rig.reading.hashrateThs,
          powerW: rig.reading.powerW,
          powerEstimated: rig.reading.powerSource === 'estimated',
          poolFeePct: poolFeeForRig(rig.reading, pools) ?? entry.site.poolFeePct,
          pue: entry.site.pue,
          pricePerKwh: entry.price?.pricePerKwh ?? null,
          dayAvgPricePerKwh: entry.price?.dayAvgPricePerKwh ?? null,
        },
      ];
    });
    return { snapshot, rigs, sites: siteViews, pools: poolReconciliation(db, snapshot.rigs, nowMs, seesWholeFleet(who)) };
  });
}
