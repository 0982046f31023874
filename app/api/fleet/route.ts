import { NextResponse } from 'next/server';
import { loadConfig } from '../../../lib/config';
import { fleetTotals } from '../../../lib/domain/fleet';
import { listRigViews } from '../../../lib/db/queries/rigs';
import { viewer } from '../../principal';
import { visibleTo } from '../../../lib/auth/site-scope';
import { getAppDb } from '../../../lib/db/app-db';
import { latestEconomics } from '../../../lib/db/queries/economics';
import { getFleetTotals, lastSweepEndMs } from '../../../lib/db/queries/fleet';
import { readTransaction } from '../../../lib/db/transactions';

export const dynamic = 'force-dynamic';

/**
 * Fleet totals over online rigs and the latest sweep's economics in the fleet currency. The money fields
 * are null until the collector has network data; `economicsStale` lists stale inputs.
 */
export async function GET() {
  const db = getAppDb();
  const who = await viewer();
  const siteIds = who.siteIds;
  if (siteIds !== null) {
    // Limited to some sites: their rigs' totals; the fleet's money figures are not theirs to see.
    // Only the totals: the rigs and the last sweep's time, not a whole snapshot.
    const totals = readTransaction(db, () => fleetTotals(visibleTo(who, listRigViews(db), (r) => r.siteId), lastSweepEndMs(db)));
    return NextResponse.json({ ...totals, currency: loadConfig().currency, profitPerDay: null, profitPerKwh: null, scopedToSiteIds: siteIds });
  }
  const { totals, fleet } = readTransaction(db, () => ({ totals: getFleetTotals(db), fleet: latestEconomics(db).fleet }));
  return NextResponse.json({
    ...totals,
    currency: fleet?.currency ?? loadConfig().currency,
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
  });
}
