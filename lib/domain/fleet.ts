import type { FleetTotals, RigView } from '../realtime/contracts';
import { summable } from './plausibility';
import { efficiencyJth, hashesSha256 } from './reading';

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
