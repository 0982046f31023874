/**
 * A sweep's summary: fleet totals, rigs by state, and the same per site. Computed once when the sweep is
 * written (from the rig views the writer already holds) and carried by the sweep's change row, so a page
 * or /api/fleet reads one row instead of every rig. Pure.
 */
import { efficiencyJth } from './reading';
import { fleetTotals, type FleetTotals, type RigView } from './fleet';
import { countStates, RIG_STATES, rigStateOf, type StateCounts } from './rig-cell';

/** One site's part of a sweep summary. */
export interface SiteTotals {
  siteId: number;
  totals: FleetTotals;
  counts: StateCounts;
}

/** What a sweep's change row carries. */
export interface SweepSummary {
  fleet: FleetTotals;
  counts: StateCounts;
  sites: SiteTotals[];
}

/** The summary of `views` (every rig) at `updatedAtMs`. */
export function summarizeFleet(views: readonly RigView[], updatedAtMs: number | null): SweepSummary {
  const bySite = new Map<number, RigView[]>();
  for (const v of views) {
    const list = bySite.get(v.siteId);
    if (list) list.push(v);
    else bySite.set(v.siteId, [v]);
  }
  const sites = [...bySite].map(([siteId, list]) => ({
    siteId,
    totals: fleetTotals(list, updatedAtMs),
    counts: countStates(list.map((v) => ({ state: rigStateOf(v) }))),
  }));
  return { fleet: fleetTotals(views, updatedAtMs), counts: countStates(views.map((v) => ({ state: rigStateOf(v) }))), sites };
}

/**
 * Totals of several sites' totals, as fleetTotals would give over their rigs together: sums, and ratios
 * of the sums (J/TH from each part's SHA-256 power, recovered as J/TH x TH/s).
 */
export function sumTotals(parts: readonly FleetTotals[], updatedAtMs: number | null): FleetTotals {
  let hashrateThs = 0;
  let powerW = 0;
  let sha256PowerW = 0;
  let estimatedW = 0;
  let rigsOnline = 0;
  let rigsStale = 0;
  let rigsOffline = 0;
  let rigsTotal = 0;
  for (const p of parts) {
    hashrateThs += p.hashrateThs;
    powerW += p.powerW;
    sha256PowerW += (p.efficiencyJth ?? 0) * p.hashrateThs;
    estimatedW += p.powerEstimatedShare * p.powerW;
    rigsOnline += p.rigsOnline;
    rigsStale += p.rigsStale;
    rigsOffline += p.rigsOffline;
    rigsTotal += p.rigsTotal;
  }
  return {
    hashrateThs,
    powerW,
    efficiencyJth: efficiencyJth(sha256PowerW > 0 ? sha256PowerW : null, hashrateThs),
    rigsOnline,
    rigsStale,
    rigsOffline,
    rigsTotal,
    powerEstimatedShare: powerW > 0 ? estimatedW / powerW : 0,
    updatedAtMs,
  };
}

/** Counts added up. */
export function sumCounts(parts: readonly StateCounts[]): StateCounts {
  const out = countStates([]);
  for (const p of parts) for (const s of RIG_STATES) out[s] += p[s] ?? 0;
  return out;
}
