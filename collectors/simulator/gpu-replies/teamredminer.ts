/**
 * TeamRedMiner's cgminer-compatible API on 4028 (protocols.md §2.3) rendered from a MinerState. devs and
 * pools have the key order and types of the 0.3.8 captures (fx:gpu/teamredminer-0.3.8-devs.json, -pools.json):
 * MHS/KHS rates, Temperature, "Fan Speed" in RPM next to "Fan Percent", Intensity as a string.
 */
import { invalidCommandReply, okStatus, round } from '../cgminer-envelope';
import type { RigPlan } from '../fleet-plan';
import type { MinerState } from '../miner-state';
import { gpuPoolUrl, gpuPoolUser, gpuShares, simGpus, type SimGpu } from './gpu-view';

/** Description of every reply, as the captures carry it. */
export const TRM_DESCRIPTION = 'TeamRedMiner 0.3.8';
/** Share difficulty shown in the Difficulty fields (the captures' pool difficulty). */
const SHARE_DIFF = 510030.55409096;

function whenS(state: MinerState): number {
  return Math.floor(state.tMs / 1000);
}

/** Real fan RPM of the i-th listed GPU (simGpus lists present boards only). */
function fanRpm(state: MinerState, gpuIndex: number): number {
  const board = state.boards.filter((b) => b.present)[gpuIndex];
  return board ? (state.fansRpm[board.slot - 1] ?? 0) : 0;
}

function devRow(g: SimGpu, rig: RigPlan, state: MinerState): object {
  const nowS = whenS(state);
  const lastShare = nowS - state.lastShareAgoS - g.index;
  const work = g.accepted + g.rejected;
  return {
    GPU: g.index,
    Enabled: 'Y',
    Status: 'Alive',
    Temperature: g.tempC,
    'Fan Speed': fanRpm(state, g.index),
    'Fan Percent': g.fanPct,
    'GPU Clock': rig.model.freqMhz + 3 * g.index,
    'Memory Clock': 1075,
    'GPU Voltage': 0.875,
    'GPU Activity': 0,
    Powertune: 0,
    'MHS av': round(g.hashrateAvgHs / 1e6, 6),
    // unverified: the state has no 120 s window; the 1 min window is the nearest.
    'MHS 120s': round(g.hashrate1mHs / 1e6, 6),
    'KHS av': round(g.hashrateAvgHs / 1e3, 3),
    'KHS 120s': round(g.hashrate1mHs / 1e3, 3),
    Accepted: g.accepted,
    Rejected: g.rejected,
    'Hardware Errors': 0,
    Utility: state.elapsedS ? round((g.accepted / state.elapsedS) * 60, 4) : 0,
    Intensity: '20',
    XIntensity: 0,
    RawIntensity: 0,
    'Last Share Pool': 0,
    'Last Share Time': lastShare,
    'Total MH': Math.round((g.hashrateAvgHs / 1e6) * state.elapsedS),
    'Diff1 Work': round(work * SHARE_DIFF, 6),
    'Difficulty Accepted': round(g.accepted * SHARE_DIFF, 8),
    'Difficulty Rejected': round(g.rejected * SHARE_DIFF, 8),
    'Last Share Difficulty': SHARE_DIFF,
    'Last Valid Work': lastShare,
    'Device Hardware%': 0,
    'Device Rejected%': work ? round((g.rejected / work) * 100, 4) : 0,
    'Device Elapsed': state.elapsedS,
  };
}

/** Reply to "devs": one row per GPU (shape: teamredminer-0.3.8-devs.json). */
export function trmDevs(rig: RigPlan, state: MinerState): object {
  const gpus = simGpus(rig, state);
  return {
    STATUS: [okStatus(whenS(state), 9, `${gpus.length} GPU(s)`, TRM_DESCRIPTION)],
    DEVS: gpus.map((g) => devRow(g, rig, state)),
    id: 1,
  };
}

/** Reply to "pools": the pool in use (shape: teamredminer-0.3.8-pools.json). */
export function trmPools(rig: RigPlan, state: MinerState): object {
  const shares = gpuShares(state);
  const url = gpuPoolUrl(rig);
  const host = url.replace(/^[a-z+]+:\/\//i, '').replace(/:\d+$/, '');
  const work = shares.accepted + shares.rejected;
  return {
    STATUS: [okStatus(whenS(state), 7, '1 Pool(s)', TRM_DESCRIPTION)],
    POOLS: [
      {
        POOL: 0,
        Name: host,
        URL: url,
        Profile: '',
        Algorithm: rig.model.algorithm,
        Description: '',
        Status: 'Alive',
        Priority: 0,
        Quota: 1,
        'Long Poll': 'N',
        Getworks: Math.floor(state.elapsedS / 30),
        Accepted: shares.accepted,
        Rejected: shares.rejected,
        Works: 0,
        Discarded: 0,
        Stale: 0,
        'Get Failures': 0,
        'Remote Failures': 0,
        User: gpuPoolUser(rig),
        'Last Share Time': whenS(state) - state.lastShareAgoS,
        'Diff1 Shares': round(work * SHARE_DIFF, 6),
        'Proxy Type': '',
        Proxy: '',
        'Difficulty Accepted': round(shares.accepted * SHARE_DIFF, 8),
        'Difficulty Rejected': round(shares.rejected * SHARE_DIFF, 8),
        'Difficulty Stale': 0,
        'Last Share Difficulty': SHARE_DIFF,
        'Has Stratum': true,
        'Stratum Active': true,
        'Stratum URL': host,
        'Has GBT': false,
        'Best Share': 0,
        'Pool Rejected%': work ? round((shares.rejected / work) * 100, 4) : 0,
        'Pool Stale%': 0,
      },
    ],
    id: 1,
  };
}

/**
 * Reply to "summary". unverified: no TeamRedMiner summary capture; sgminer's SUMMARY keys with the devs
 * rows' MHS/KHS windows, rig totals.
 */
export function trmSummary(rig: RigPlan, state: MinerState): object {
  const gpus = simGpus(rig, state);
  const shares = gpuShares(state);
  const sum = (pick: (g: SimGpu) => number): number => gpus.reduce((a, g) => a + pick(g), 0);
  const work = shares.accepted + shares.rejected;
  return {
    STATUS: [okStatus(whenS(state), 11, 'Summary', TRM_DESCRIPTION)],
    SUMMARY: [
      {
        Elapsed: state.elapsedS,
        'MHS av': round(sum((g) => g.hashrateAvgHs) / 1e6, 6),
        'MHS 120s': round(sum((g) => g.hashrate1mHs) / 1e6, 6),
        'KHS av': round(sum((g) => g.hashrateAvgHs) / 1e3, 3),
        'KHS 120s': round(sum((g) => g.hashrate1mHs) / 1e3, 3),
        'Found Blocks': 0,
        Getworks: Math.floor(state.elapsedS / 30),
        Accepted: shares.accepted,
        Rejected: shares.rejected,
        'Hardware Errors': 0,
        Utility: state.elapsedS ? round((shares.accepted / state.elapsedS) * 60, 4) : 0,
        Discarded: 0,
        Stale: 0,
        'Get Failures': 0,
        'Local Work': 0,
        'Remote Failures': 0,
        'Network Blocks': 0,
        'Total MH': Math.round((sum((g) => g.hashrateAvgHs) / 1e6) * state.elapsedS),
        'Work Utility': 0,
        'Difficulty Accepted': round(shares.accepted * SHARE_DIFF, 8),
        'Difficulty Rejected': round(shares.rejected * SHARE_DIFF, 8),
        'Difficulty Stale': 0,
        'Best Share': 0,
        'Device Hardware%': 0,
        'Device Rejected%': work ? round((shares.rejected / work) * 100, 4) : 0,
        'Pool Rejected%': work ? round((shares.rejected / work) * 100, 4) : 0,
        'Pool Stale%': 0,
        'Last getwork': whenS(state),
      },
    ],
    id: 1,
  };
}

/**
 * Reply to "version". unverified: no capture; cgminer's VERSION row (no "Type", so no Antminer driver
 * takes it for one of its own).
 */
export function trmVersion(state: MinerState): object {
  return {
    STATUS: [okStatus(whenS(state), 22, 'CGMiner versions', TRM_DESCRIPTION)],
    VERSION: [{ CGMiner: TRM_DESCRIPTION.replace(/^TeamRedMiner\s+/, ''), API: '3.7' }],
    id: 1,
  };
}

/** Any command TeamRedMiner serves; others (stats, devdetails...) get Invalid command (unverified). */
export function teamredminerReply(command: string, rig: RigPlan, state: MinerState): object {
  switch (command) {
    case 'devs':
      return trmDevs(rig, state);
    case 'pools':
      return trmPools(rig, state);
    case 'summary':
      return trmSummary(rig, state);
    case 'version':
      return trmVersion(state);
    default:
      return invalidCommandReply(whenS(state), TRM_DESCRIPTION);
  }
}
