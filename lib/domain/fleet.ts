import { summable } from './plausibility';
import { efficiencyJth, hashesSha256, type Connectivity, type Reading } from './reading';
import type { RigLocation } from './rig-location';

/** One rig as screens and GET /api/rigs show it. */
export interface RigView {
  id: number;
  name: string;
  siteId: number;
  siteName: string;
  address: string;
  port: number;
  driver: string;
  model: string | null;
  connectivity: Connectivity;
  lastSeenMs: number | null;
  lastError: string | null;
  /** Latest successful reading; shown greyed (not as live) when connectivity is not "online". */
  reading: Reading | null;
  /** Where it stands (building, rack, position); null or absent when the operator named none. */
  location?: RigLocation | null;
}

/** Fleet totals over online rigs (a stale or offline rig contributes nothing). */
export interface FleetTotals {
  hashrateThs: number;
  powerW: number;
  /** J/TH of the sums; null when no hash rate. */
  efficiencyJth: number | null;
  rigsOnline: number;
  rigsStale: number;
  rigsOffline: number;
  rigsTotal: number;
  /** Share of powerW that is estimated from nameplates (0..1). */
  powerEstimatedShare: number;
  /** End time of the last committed sweep, or null before the first one. */
  updatedAtMs: number | null;
}

/**
 * Fleet totals from rig views: sums over online rigs only (a stale or offline rig is never counted at its
 * last value), ratios from the sums, never averages of ratios. Power counts every rig; hash rate and J/TH
 * only the SHA-256 ones (a GPU rig's ethash MH/s is not Bitcoin hash rate). A reading outside the
 * plausibility table (stored by an older version) adds nothing.
 */
export function fleetTotals(rigs: readonly RigView[], updatedAtMs: number | null): FleetTotals {
  let hashrateThs = 0;
  let powerW = 0;
  let sha256PowerW = 0;
  let estimatedW = 0;
  let rigsOnline = 0;
  let rigsStale = 0;
  let rigsOffline = 0;
  for (const rig of rigs) {
    if (rig.connectivity === 'stale') rigsStale++;
    if (rig.connectivity === 'offline') rigsOffline++;
    if (rig.connectivity !== 'online') continue;
    rigsOnline++;
    const r = rig.reading;
    // A reading stored before the plausibility check existed may be impossible: shown, never summed.
    if (!r || !summable(r, rig.model)) continue;
    const sha256 = hashesSha256(r);
    if (sha256) hashrateThs += r.hashrateThs;
    if (r.powerW !== null) {
      powerW += r.powerW;
      if (sha256) sha256PowerW += r.powerW;
      if (r.powerSource === 'estimated') estimatedW += r.powerW;
    }
  }
  return {
    hashrateThs,
    powerW,
    efficiencyJth: efficiencyJth(sha256PowerW > 0 ? sha256PowerW : null, hashrateThs),
    rigsOnline,
    rigsStale,
    rigsOffline,
    rigsTotal: rigs.length,
    powerEstimatedShare: powerW > 0 ? estimatedW / powerW : 0,
    updatedAtMs,
  };
}
