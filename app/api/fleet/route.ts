import { NextResponse } from 'next/server';
import { getAppConfig } from '../../../lib/config';
import { sumTotals } from '../../../lib/domain/fleet-summary';
import { fleetSummary } from '../../../lib/db/queries/fleet-cells';
import { economicsFor } from '../../../lib/db/queries/live-economics';
import { viewer } from '../../principal';
import { visibleTo } from '../../../lib/auth/site-scope';
import { getAppDb } from '../../../lib/db/app-db';
import { lastSweepEndMs } from '../../../lib/db/queries/fleet';
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
 * some sites gets the totals and the money of those sites only (`scopedToSiteIds`). Read from the last
 * sweep's summary and the fleet and site economics rows: no rig is read, whatever the fleet's size.
 */
export async function GET() {
  const db = getAppDb();
  const who = await viewer();
  const siteIds = who.siteIds;
  const currency = getAppConfig().config.currency;
  const { summary, economics, prices } = readTransaction(db, () => ({
    summary: fleetSummary(db, lastSweepEndMs(db)),
    economics: economicsFor(db, []),
    prices: siteIds === null ? null : getSourced<BtcPrices>(db, 'price').value,
  }));
  if (siteIds !== null) {
    const mine = visibleTo(who, summary.sites, (s) => s.siteId);
    const totals = sumTotals(
      mine.map((s) => s.totals),
      summary.fleet.updatedAtMs,
    );
    const sites = visibleTo(who, Object.entries(economics.sites), ([id]) => Number(id)).map(([, e]) => e);
    const fleet = fleetOfSites(sites, { currency, prices });
    return NextResponse.json({ ...totals, currency: fleet?.currency ?? currency, ...money(fleet), scopedToSiteIds: siteIds });
  }
  return NextResponse.json({ ...summary.fleet, currency: economics.fleet?.currency ?? currency, ...money(economics.fleet) });
}
