import type { FleetTotals, RigView } from '../realtime/contracts';
import { efficiencyJth } from './reading';

/**
 * Fleet totals from rig views: sums over online rigs only (a stale or offline rig is never counted at its
 * last value), ratios from the sums, never averages of ratios.
 */
export function fleetTotals(rigs: readonly RigView[], updatedAtMs: number | null): FleetTotals {
  let hashrateThs = 0;
  let powerW = 0;
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
    if (!r) continue;
    hashrateThs += r.hashrateThs;
    if (r.powerW !== null) {
      powerW += r.powerW;
      if (r.powerSource === 'estimated') estimatedW += r.powerW;
    }
  }
  return {
    hashrateThs,
    powerW,
    efficiencyJth: efficiencyJth(powerW > 0 ? powerW : null, hashrateThs),
    rigsOnline,
    rigsStale,
    rigsOffline,
    rigsTotal: rigs.length,
    powerEstimatedShare: powerW > 0 ? estimatedW / powerW : 0,
    updatedAtMs,
  };
}
