/**
 * What a site-limited principal (a user or kiosk token for some sites) sees of the live data: only its
 * sites' cells, rigs, economics and alerts, fleet totals and counts summed over its sites, and the money
 * totals over its sites (fleetOfSites: their site figures in the fleet currency, summed). The fleet history
 * chart starts empty for them (the stored points are whole-fleet) and grows from their own summaries. Pure;
 * one stream per connection keeps the market quotes it has seen.
 */
import { sumCounts, sumTotals } from '../domain/fleet-summary';
import type { BtcPrices } from '../domain/network';
import { aggregateEconomics, convertFigures } from '../economics/aggregate';
import type { EconomicsFigures } from '../economics/types';
import type { Delta, EconomicsSnapshot, EconomicsView, FleetSnapshot, SummaryDelta } from './contracts';
import type { AlertView } from './alert-contracts';

/** How the fleet currency is reached from a site's: the BTC quotes of the market (the engine's own rates). */
interface Fx {
  currency: string;
  prices: BtcPrices | null;
}

/**
 * The money totals over `sites` only, in the fleet currency: each site's figures converted at the BTC
 * quotes (as the engine converts them for the fleet) and summed, ratios of the sums. A site whose currency
 * has no quote is left out and flagged "no-price-XXX". Null when no site has figures.
 */
export function fleetOfSites(sites: readonly EconomicsView[], fx: Fx): EconomicsView | null {
  const to = fx.prices?.[fx.currency];
  const parts: EconomicsFigures[] = [];
  const stale = new Set<string>();
  let tsMs = 0;
  let gpuRevenueUnset = false;
  for (const site of sites) {
    const from = fx.prices?.[site.currency];
    if (!(to && to > 0 && from && from > 0)) {
      stale.add(`no-price-${site.currency}`);
      continue;
    }
    parts.push(convertFigures(site, to / from, fx.currency));
    site.stale.forEach((s) => stale.add(s));
    tsMs = Math.max(tsMs, site.tsMs);
    gpuRevenueUnset ||= site.gpuRevenueUnset === true;
  }
  if (parts.length === 0) return null;
  return { ...aggregateEconomics(parts, fx.currency), tsMs, stale: [...stale], gpuRevenueUnset };
}

function scopeEconomics(e: EconomicsSnapshot, allowed: ReadonlySet<number>, fx: Fx): EconomicsSnapshot {
  const sites = Object.fromEntries(Object.entries(e.sites).filter(([id]) => allowed.has(Number(id)))) as Record<number, EconomicsView>;
  // A rig's figures reach a socket only for rigs it watches, which the server checked against its sites.
  return { fleet: fleetOfSites(Object.values(sites), fx), sites, rigs: e.rigs };
}

const scopeAlerts = (alerts: readonly AlertView[], allowed: ReadonlySet<number>) =>
  alerts.filter((a) => a.siteId !== null && allowed.has(a.siteId));

/** The summary over `allowed` sites only: their sites, cells and rigs, totals and counts of those sites. */
function scopeSummary(d: SummaryDelta, allowed: ReadonlySet<number>): SummaryDelta {
  const sites = d.sites.filter((s) => allowed.has(s.id));
  const fleet = sumTotals(
    sites.map((s) => s.totals),
    d.fleet.updatedAtMs,
  );
  return {
    ...d,
    fleet,
    counts: sumCounts(sites.map((s) => s.counts)),
    sites,
    cells: d.cells.filter((c) => allowed.has(c[1])),
    rigs: d.rigs.filter((r) => allowed.has(r.siteId)),
    point: d.point && { tsMs: d.point.tsMs, hashrateThs: fleet.hashrateThs, powerW: fleet.powerW },
  };
}

export interface ScopedStream {
  /** The principal's sites, or null for every site. */
  siteIds: ReadonlySet<number> | null;
  snapshot(s: FleetSnapshot): FleetSnapshot;
  /** The deltas as this principal sees them (dropped ones removed, totals recomputed). */
  deltas(batch: readonly Delta[]): Delta[];
}

/** A stream for `siteIds`; null site list means everything (the identity). */
export function scopedStream(siteIds: readonly number[] | null): ScopedStream {
  if (siteIds === null) return { siteIds: null, snapshot: (s) => s, deltas: (b) => [...b] };
  const allowed = new Set(siteIds);
  // The quotes the figures are converted at: the snapshot's, then each market delta's.
  let fx: Fx = { currency: '', prices: null };
  return {
    siteIds: allowed,
    snapshot(s) {
      fx = { currency: s.market.currency, prices: s.market.prices };
      const rigs = s.rigs.filter((r) => allowed.has(r.siteId));
      const cells = s.cells?.filter((c) => allowed.has(c.siteId)) ?? null;
      const sites = s.sites.filter((site) => allowed.has(site.id));
      const rigIds = new Set(rigs.map((r) => r.id));
      const economics = scopeEconomics(s.economics, allowed, fx);
      return {
        ...s,
        rigs,
        cells,
        counts: sumCounts(sites.map((site) => site.counts)),
        sites,
        fleet: sumTotals(
          sites.map((site) => site.totals),
          s.fleet.updatedAtMs,
        ),
        history: [],
        economics: { ...economics, rigs: Object.fromEntries(Object.entries(s.economics.rigs).filter(([id]) => rigIds.has(Number(id)))) },
        alerts: scopeAlerts(s.alerts, allowed),
      };
    },
    deltas(batch) {
      const out: Delta[] = [];
      for (const d of batch) {
        if (d.kind === 'sweep') {
          // The stored point is whole-fleet: a scoped chart grows from its own summaries' points.
          continue;
        } else if (d.kind === 'summary') {
          out.push(scopeSummary(d, allowed));
        } else if (d.kind === 'economics') {
          out.push({ ...d, economics: scopeEconomics(d.economics, allowed, fx) });
        } else if (d.kind === 'market') {
          fx = { currency: d.market.currency, prices: d.market.prices };
          out.push(d);
        } else if (d.kind === 'alerts') {
          out.push({ ...d, alerts: scopeAlerts(d.alerts, allowed) });
        } else {
          out.push(d);
        }
      }
      return out;
    },
  };
}
