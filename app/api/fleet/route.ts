import { NextResponse } from 'next/server';
import { getAppConfig } from '../../../lib/config';
import { fleetTotals } from '../../../lib/domain/fleet';
import { listRigViews } from '../../../lib/db/queries/rigs';
import { viewer } from '../../principal';
import { visibleTo } from '../../../lib/auth/site-scope';
import { getAppDb } from '../../../lib/db/app-db';
import { latestEconomics } from '../../../lib/db/queries/economics';
import { getFleetTotals, lastSweepEndMs } from '../../../lib/db/queries/fleet';
import { readTransaction } from '../../../lib/db/transactions';
import { getSourced } from '../../../lib/db/queries/source-state';
import type { BtcPrices } from '../../../lib/domain/network';
import type { EconomicsView } from '../../../lib/views/contracts';
import { fleetOfSites } from '../../../lib/views/scope';

export const dynamic = 'force-dynamic';

/** The money fields of the reply: revenue, cost and profit per day at today's tariff, per kWh now. */
function money(fleet: EconomicsView | null) {
  return {
    revenuePerDay: fleet?.revenuePerDay ?? null,
    costPerDay: fleet?.costPerDay ?? null,
    profitPerDay: fleet?.profitPerDay ?? null,
    kwhPerDay: fleet?.kwhPerDay ?? null,
    profitPerKwh: fleet?.profitPerKwh ?? null,
    revenuePerKwh: fleet?.revenuePerKwh ?? null,
    breakevenPricePerKwh: fleet?.breakevenPricePerKwh ?? null,
    pricePerKwh: fleet?.pricePerKwh ?? null,
    economicsAtMs: fleet?.tsMs ?? null,
    economicsStale: fleet?.stale ?? null,
    gpuRevenueUnset: fleet?.gpuRevenueUnset ?? false,
  };
}

/**
 * Fleet totals over online rigs and the latest sweep's economics in the fleet currency. The money fields
 * are null until the collector has network data; `economicsStale` lists stale inputs. Someone limited to
 * some sites gets the totals and the money of those sites only (`scopedToSiteIds`).
 */
export async function GET() {
  const db = getAppDb();
  const who = await viewer();
  const siteIds = who.siteIds;
  if (siteIds !== null) {
    // Only the totals: the rigs and the last sweep's time, not a whole snapshot.
    const currency = getAppConfig().config.currency;
    const { totals, fleet } = readTransaction(db, () => {
      const sites = latestEconomics(db).sites;
      const mine = visibleTo(who, Object.entries(sites), ([id]) => Number(id)).map(([, e]) => e);
      return {
        totals: fleetTotals(
          visibleTo(who, listRigViews(db), (r) => r.siteId),
          lastSweepEndMs(db),
        ),
        fleet: fleetOfSites(mine, { currency, prices: getSourced<BtcPrices>(db, 'price').value }),
      };
    });
    return NextResponse.json({ ...totals, currency: fleet?.currency ?? currency, ...money(fleet), scopedToSiteIds: siteIds });
  }
  const { totals, fleet } = readTransaction(db, () => ({ totals: getFleetTotals(db), fleet: latestEconomics(db).fleet }));
  return NextResponse.json({
    ...totals,
    currency: fleet?.currency ?? getAppConfig().config.currency,
    ...money(fleet),
  });
}
