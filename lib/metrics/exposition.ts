/**
 * GET /metrics: every series for one principal, then the Prometheus text format. A fresh prom-client
 * Registry per scrape (never the process-wide default one), so a series that is gone from the database is
 * gone from the next scrape, and nothing of one principal's scrape can reach another's. Scope: a
 * principal limited to sites gets those sites' rigs and sites, and fleet totals over those sites only;
 * network figures and the collector's timing are not site data and every reader gets them (as GET
 * /api/network); the collector's poll counts cover every site and go to whole-fleet principals only.
 */
import { Gauge, Registry } from 'prom-client';
import { seesWholeFleet, visibleTo } from '../auth/site-scope';
import type { Principal } from '../auth/roles';
import { aggregateEconomics, convertFigures } from '../economics/aggregate';
import type { EconomicsFigures } from '../economics/types';
import type { EconomicsSnapshot, MarketView, RigView } from '../views/contracts';
import type { MetricFamily } from './families';
import { fleetFamilies, type MetricsSite } from './fleet-series';
import { collectorFamilies, marketFamilies, type LastSweep } from './market-series';

/** What one scrape reads from the database (lib/db/queries/metrics), whole fleet. */
export interface MetricsInput {
  nowMs: number;
  rigs: readonly RigView[];
  sites: readonly MetricsSite[];
  economics: EconomicsSnapshot;
  market: MarketView;
  lastSweep: LastSweep | null;
}

/**
 * Fleet economics over the sites `who` sees: the stored fleet figures for a whole-fleet principal, else
 * the sum of its sites' figures converted to the fleet currency at the stored BTC prices (a site whose
 * currency has no price is left out, as the collector leaves it out of the fleet).
 */
function fleetEconomicsFor(who: Pick<Principal, 'siteIds'>, input: MetricsInput, sites: readonly MetricsSite[]): EconomicsFigures | null {
  if (seesWholeFleet(who)) return input.economics.fleet;
  const currency = input.market.currency;
  const prices = input.market.prices ?? {};
  const parts = sites.flatMap((s) => {
    const e = input.economics.sites[s.id];
    const rate = (prices[currency] ?? NaN) / (prices[e?.currency] ?? NaN);
    if (!e) return [];
    if (e.currency === currency) return [e];
    return Number.isFinite(rate) && rate > 0 ? [convertFigures(e, rate, currency)] : [];
  });
  return parts.length > 0 ? aggregateEconomics(parts, currency) : null;
}

/** Every family `who` may see, in a stable order; families without samples are kept (and written as nothing). */
export function metricFamilies(input: MetricsInput, who: Pick<Principal, 'siteIds'>): MetricFamily[] {
  const rigs = visibleTo(who, input.rigs, (r) => r.siteId);
  const sites = visibleTo(who, input.sites, (s) => s.id);
  const rigIds = new Set(rigs.map((r) => r.id));
  const siteIds = new Set(sites.map((s) => s.id));
  const economics: EconomicsSnapshot = {
    fleet: null,
    sites: Object.fromEntries(Object.entries(input.economics.sites).filter(([id]) => siteIds.has(Number(id)))),
    rigs: Object.fromEntries(Object.entries(input.economics.rigs).filter(([id]) => rigIds.has(Number(id)))),
  };
  const currencies = [input.market.currency, ...sites.map((s) => s.currency)];
  return [
    ...fleetFamilies(rigs, sites, economics, fleetEconomicsFor(who, input, sites)),
    ...marketFamilies(input.market, currencies),
    ...collectorFamilies(input.lastSweep, input.nowMs, seesWholeFleet(who)),
  ];
}

/** The families in the Prometheus text format, and its content type. A family without samples is left out. */
export async function exposition(families: readonly MetricFamily[]): Promise<{ text: string; contentType: string }> {
  const registry = new Registry();
  for (const f of families) {
    // prom-client writes a label-less gauge that was never set as 0: an unknown must not appear at all.
    if (f.samples.length === 0) continue;
    const gauge = new Gauge({ name: f.name, help: f.help, labelNames: [...f.labelNames], registers: [registry] });
    for (const s of f.samples) gauge.set(s.labels, s.value);
  }
  return { text: await registry.metrics(), contentType: registry.contentType };
}
