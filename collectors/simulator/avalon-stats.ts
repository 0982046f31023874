/**
 * The simulated Avalon's "stats"/"estats" reply (shape: avalon-a1566-estats.json, identical to the stats
 * capture) and the envelope facts every Avalon reply shares.
 */
import { okStatus } from './cgminer-envelope';
import type { RigPlan } from './fleet-plan';
import type { MinerState } from './miner-state';
import { SHARE_DIFFICULTY } from './miner-state';
import { avalonMmBlob } from './avalon-mm-blob';

/** Description of every reply. */
// unverified: for error replies (no Avalon error capture); cgminer forks answer errors with the same one.
export const AVALON_DESCRIPTION = 'cgminer 4.11.1';
/** cgminer starts this long after boot: the capture's When is 986 at Elapsed 975. */
const BOOT_TO_CGMINER_S = 11;

/** Seconds since boot: Avalon's uptime-relative "When" (also its "Last Share Time"/"Last Valid Work"). */
export function avalonWhenS(state: MinerState): number {
  return state.elapsedS + BOOT_TO_CGMINER_S;
}

/** Reply to "stats" and "estats": the MM ID0 row, then one row per pool (shape: avalon-a1566-estats.json). */
export function avalonStats(rig: RigPlan, state: MinerState): object {
  const base = { Elapsed: state.elapsedS, Calls: 0, Wait: 0.0, Max: 0.0, Min: 99999999.0 };
  const poolRows = rig.site.poolUrls.map((_url, i) => {
    const diff = i === 0 ? SHARE_DIFFICULTY : 0;
    const sent = i === 0 ? Math.floor(state.elapsedS / 6.4) : 3;
    const recv = i === 0 ? Math.floor(state.elapsedS / 5.4) : 6 + i;
    return {
      STATS: i + 1,
      ID: `POOL${i}`,
      ...base,
      'Pool Calls': 0,
      'Pool Attempts': 0,
      'Pool Wait': 0.0,
      'Pool Max': 0.0,
      'Pool Min': 99999999.0,
      'Pool Av': 0.0,
      'Work Had Roll Time': false,
      'Work Can Roll': false,
      'Work Had Expire': false,
      'Work Roll Time': 0,
      'Work Diff': diff,
      'Min Diff': diff,
      'Max Diff': diff,
      'Min Diff Count': i === 0 ? 2 : 0,
      'Max Diff Count': i === 0 ? 2 : 0,
      'Times Sent': sent,
      'Bytes Sent': sent * 176,
      'Times Recv': recv,
      'Bytes Recv': recv * 347,
      'Net Bytes Sent': sent * 176,
      'Net Bytes Recv': recv * 347,
    };
  });
  const mm = {
    STATS: 0,
    ID: 'AVA100',
    ...base,
    'MM ID0': avalonMmBlob(rig, state),
    'MM Count': 1,
    'Smart Speed': 1,
    'Voltage Level Offset': 0,
    'Nonce Mask': 25,
  };
  return { STATUS: [okStatus(avalonWhenS(state), 70, 'CGMiner stats', AVALON_DESCRIPTION)], STATS: [mm, ...poolRows], id: 1 };
}
