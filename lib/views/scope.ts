/**
 * What a site-limited principal (a user or kiosk token for some sites) sees of the live data: only its
 * sites' rigs, economics and alerts, fleet totals recomputed from those rigs, and the money totals over
 * its sites (fleetOfSites: their site figures in the fleet currency, summed). The fleet history chart
 * starts empty for them (the stored points are whole-fleet) and grows from their own totals. Pure; one
 * stream per connection keeps the rigs it has seen so each sweep's totals can be recomputed.
 */
import { fleetTotals } from '../domain/fleet';
import { countStates } from '../domain/rig-cell';
import type { BtcPrices } from '../domain/network';
import { aggregateEconomics, convertFigures } from '../economics/aggregate';
import type { EconomicsFigures } from '../economics/types';
import type { Delta, EconomicsSnapshot, EconomicsView, FleetSnapshot, RigView } from './contracts';
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

function scopeEconomics(e: EconomicsSnapshot, allowed: ReadonlySet<number>, rigIds: ReadonlySet<number>, fx: Fx): EconomicsSnapshot {
  const pick = <T>(rec: Record<number, T>, keep: (id: number) => boolean) =>
    Object.fromEntries(Object.entries(rec).filter(([id]) => keep(Number(id)))) as Record<number, T>;
  const sites = pick(e.sites, (id) => allowed.has(id));
  return { fleet: fleetOfSites(Object.values(sites), fx), sites, rigs: pick(e.rigs, (id) => rigIds.has(id)) };
}

const scopeAlerts = (alerts: readonly AlertView[], allowed: ReadonlySet<number>) =>
  alerts.filter((a) => a.siteId !== null && allowed.has(a.siteId));

export interface ScopedStream {
  snapshot(s: FleetSnapshot): FleetSnapshot;
  /** The deltas as this principal sees them (dropped ones removed, totals recomputed). */
  deltas(batch: readonly Delta[]): Delta[];
}

/** A stream for `siteIds`; null site list means everything (the identity). */
export function scopedStream(siteIds: readonly number[] | null): ScopedStream {
  if (siteIds === null) return { snapshot: (s) => s, deltas: (b) => [...b] };
  const allowed = new Set(siteIds);
  const rigs = new Map<number, RigView>();
  const rigIds = () => new Set(rigs.keys());
  // The quotes the figures are converted at: the snapshot's, then each market delta's.
  let fx: Fx = { currency: '', prices: null };
  return {
    snapshot(s) {
      fx = { currency: s.market.currency, prices: s.market.prices };
      rigs.clear();
      for (const r of s.rigs) if (allowed.has(r.siteId)) rigs.set(r.id, r);
      const mine = [...rigs.values()];
      const cells = s.cells?.filter((c) => allowed.has(c.siteId)) ?? null;
      return {
        ...s,
        rigs: mine,
        cells,
        counts: cells ? countStates(cells) : s.counts,
        sites: s.sites.filter((site) => allowed.has(site.id)),
        fleet: fleetTotals(mine, s.fleet.updatedAtMs),
        history: [],
        economics: scopeEconomics(s.economics, allowed, rigIds(), fx),
        alerts: scopeAlerts(s.alerts, allowed),
      };
    },
    deltas(batch) {
      const out: Delta[] = [];
      for (const d of batch) {
        if (d.kind === 'rig') {
          if (!allowed.has(d.rig.siteId)) continue;
          rigs.set(d.rig.id, d.rig);
          out.push(d);
        } else if (d.kind === 'sweep') {
          const fleet = fleetTotals([...rigs.values()], d.fleet.updatedAtMs);
          out.push({ ...d, fleet, point: { tsMs: d.point.tsMs, hashrateThs: fleet.hashrateThs, powerW: fleet.powerW } });
        } else if (d.kind === 'economics') {
          out.push({ ...d, economics: scopeEconomics(d.economics, allowed, rigIds(), fx) });
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
