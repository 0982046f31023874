/**
 * What a site-limited principal (a user or kiosk token for some sites) sees of the live data: only its
 * sites' rigs, economics and alerts, and fleet totals recomputed from those rigs. The fleet history chart
 * starts empty for them (the stored points are whole-fleet) and grows from their own totals. Pure; one
 * stream per connection keeps the rigs it has seen so each sweep's totals can be recomputed.
 */
import { fleetTotals } from '../domain/fleet';
import type { Delta, EconomicsSnapshot, FleetSnapshot, RigView } from './contracts';
import type { AlertView } from './alert-contracts';

function scopeEconomics(e: EconomicsSnapshot, allowed: ReadonlySet<number>, rigIds: ReadonlySet<number>): EconomicsSnapshot {
  const pick = <T>(rec: Record<number, T>, keep: (id: number) => boolean) =>
    Object.fromEntries(Object.entries(rec).filter(([id]) => keep(Number(id)))) as Record<number, T>;
  return { fleet: null, sites: pick(e.sites, (id) => allowed.has(id)), rigs: pick(e.rigs, (id) => rigIds.has(id)) };
}

const scopeAlerts = (alerts: readonly AlertView[], allowed: ReadonlySet<number>) => alerts.filter((a) => a.siteId !== null && allowed.has(a.siteId));

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
  return {
    snapshot(s) {
      rigs.clear();
      for (const r of s.rigs) if (allowed.has(r.siteId)) rigs.set(r.id, r);
      const mine = [...rigs.values()];
      return {
        ...s,
        rigs: mine,
        fleet: fleetTotals(mine, s.fleet.updatedAtMs),
        history: [],
        economics: scopeEconomics(s.economics, allowed, rigIds()),
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
          out.push({ ...d, economics: scopeEconomics(d.economics, allowed, rigIds()) });
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
