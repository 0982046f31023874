/** What one /metrics scrape reads: rigs, sites with their price now, the latest economics, market and sweep. */
import { desc } from 'drizzle-orm';
import type { MetricsInput } from '../../metrics/exposition';
import type { Db } from '../client';
import { sweeps, type Site } from '../schema';
import { readTransaction } from '../transactions';
import { latestEconomics } from './economics';
import { getMarketView } from './market';
import type { MarketPolicy } from '../../domain/market-policy';
import { listRigViews } from './rigs';
import { sitePriceNow } from './site-price';
import { listSites } from './sites';

/** The site's price now; null without a tariff, or with a stored one that no longer parses (a hand-edited row). */
function priceNow(db: Db, site: Site, nowMs: number): number | null {
  try {
    return sitePriceNow(db, site, nowMs)?.pricePerKwh ?? null;
  } catch {
    return null;
  }
}

/** The last committed sweep's timing and poll counts, or null before the first. */
export function lastSweep(db: Db) {
  return (
    db.orm
      .select({ startedAtMs: sweeps.startedAtMs, durationMs: sweeps.durationMs, okCount: sweeps.okCount, failedCount: sweeps.failedCount })
      .from(sweeps)
      .orderBy(desc(sweeps.id))
      .limit(1)
      .get() ?? null
  );
}

/** Everything of the whole fleet a scrape needs, in one read transaction (scoping is the caller's: lib/metrics/exposition). */
export function readMetricsInput(db: Db, nowMs: number, market: MarketPolicy): MetricsInput {
  return readTransaction(db, () => ({
    nowMs,
    rigs: listRigViews(db),
    sites: listSites(db).map((s) => ({ id: s.id, name: s.name, currency: s.currency, pricePerKwh: priceNow(db, s, nowMs) })),
    economics: latestEconomics(db),
    market: getMarketView(db, nowMs, market),
    lastSweep: lastSweep(db),
  }));
}
