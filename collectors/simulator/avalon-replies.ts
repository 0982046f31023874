/**
 * Canaan Avalon A1566 (cgminer 4.11.1 fork, protocols.md section 1.8) replies rendered from a MinerState.
 * Key order and types follow the A1566 captures (version, devs, pools); stats/estats are built in
 * avalon-stats.ts and their MM ID0 blob in avalon-mm-blob.ts. Quirks kept: "When" counts seconds since boot rather than the Unix epoch, as
 * do the pools' and devs' "Last Share Time"; devs "Temperature" is the -273 placeholder.
 */
import { invalidCommandReply, okStatus, round } from './cgminer-envelope';
import type { RigPlan } from './fleet-plan';
import type { MinerState } from './miner-state';
import { SHARE_DIFFICULTY } from './miner-state';
import { AVALON_BUILD, avalonDna, avalonModelCode } from './avalon-mm-blob';
import { AVALON_DESCRIPTION, avalonStats, avalonWhenS } from './avalon-stats';
import { simTipHeight } from './http/mempool-replies';

export { AVALON_DESCRIPTION } from './avalon-stats';

/** devs "Device Elapsed" lags cgminer's Elapsed by the hash boards' start-up (924 vs 975 in the capture). */
const BOARD_START_S = 51;
const MHS_PER_THS = 1e6;

function mac(rig: RigPlan): string {
  return `e0a509${(rig.idHash & 0xffffff).toString(16).padStart(6, '0')}`;
}

/** Reply to "version" (shape: avalon-a1566-version.json). */
export function avalonVersion(rig: RigPlan, state: MinerState): object {
  return {
    STATUS: [okStatus(avalonWhenS(state), 22, 'CGMiner versions', AVALON_DESCRIPTION)],
    VERSION: [
      {
        CGMiner: '4.11.1',
        API: '3.7',
        STM8: '20.08.01',
        PROD: rig.model.firmwareModel,
        MODEL: avalonModelCode(rig),
        HWTYPE: 'MM4v2_X3',
        SWTYPE: 'MM319',
        VERSION: AVALON_BUILD,
        LOADER: 'd0d779de.00',
        DNA: avalonDna(rig),
        MAC: mac(rig),
        UPAPI: '2',
      },
    ],
    id: 1,
  };
}

/** The hash-rate windows cgminer keeps (MH/s), shared by summary and devs. */
function windows(state: MinerState): Record<string, number> {
  return {
    'MHS av': round(state.hashrateAvgThs * MHS_PER_THS),
    'MHS 30s': round(state.hashrateThs * MHS_PER_THS),
    'MHS 1m': round(state.hashrate1mThs * MHS_PER_THS),
    'MHS 5m': round(state.hashrate5mThs * MHS_PER_THS),
    'MHS 15m': round(state.hashrate15mThs * MHS_PER_THS),
  };
}

/** Reply to "summary". */
// unverified: no A1566 summary capture; shaped from the summary part of avalon-1047-pools+summary+stats.json
export function avalonSummary(_rig: RigPlan, state: MinerState): object {
  const diffAccepted = state.accepted * SHARE_DIFFICULTY;
  const totalWork = state.accepted + state.rejected;
  const rejectedPct = totalWork ? round((state.rejected / totalWork) * 100, 4) : 0;
  return {
    STATUS: [okStatus(avalonWhenS(state), 11, 'Summary', AVALON_DESCRIPTION)],
    SUMMARY: [
      {
        Elapsed: state.elapsedS,
        ...windows(state),
        'Found Blocks': 0,
        Getworks: Math.floor(state.elapsedS / 36),
        Accepted: state.accepted,
        Rejected: state.rejected,
        'Hardware Errors': state.hardwareErrors,
        Utility: state.elapsedS ? round((state.accepted / state.elapsedS) * 60) : 0,
        Discarded: Math.floor(state.elapsedS * 10.5),
        Stale: 0,
        'Get Failures': 0,
        'Local Work': Math.floor(state.elapsedS * 732),
        'Remote Failures': 0,
        'Network Blocks': Math.floor(state.elapsedS / 600),
        'Total MH': round(state.hashrateAvgThs * MHS_PER_THS * state.elapsedS, 0),
        'Work Utility': state.elapsedS ? round((diffAccepted / state.elapsedS) * 60) : 0,
        'Difficulty Accepted': diffAccepted,
        'Difficulty Rejected': state.rejected * SHARE_DIFFICULTY,
        'Difficulty Stale': 0,
        'Best Share': state.bestShare,
        'Device Hardware%': 0,
        'Device Rejected%': rejectedPct,
        'Pool Rejected%': rejectedPct,
        'Pool Stale%': 0,
        'Last getwork': 0,
      },
    ],
    id: 1,
  };
}

/** Reply to "devs": the whole machine is one ASC (shape: avalon-a1566-devs.json). */
export function avalonDevs(_rig: RigPlan, state: MinerState): object {
  const when = avalonWhenS(state);
  const totalWork = state.accepted + state.rejected;
  return {
    STATUS: [okStatus(when, 9, '1 ASC(s)', AVALON_DESCRIPTION)],
    DEVS: [
      {
        ASC: 0,
        Name: 'AVA10',
        ID: 0,
        Enabled: 'Y',
        Status: 'Alive',
        Temperature: -273.0,
        ...windows(state),
        Accepted: state.accepted,
        Rejected: state.rejected,
        'Hardware Errors': state.hardwareErrors,
        Utility: state.elapsedS ? round((state.accepted / state.elapsedS) * 60) : 0,
        'Last Share Pool': 0,
        'Last Share Time': Math.max(0, when - state.lastShareAgoS),
        'Total MH': round(state.hashrateAvgThs * MHS_PER_THS * state.elapsedS, 0),
        'Diff1 Work': Math.floor(state.hashrateAvgThs * 232.8 * state.elapsedS),
        'Difficulty Accepted': state.accepted * SHARE_DIFFICULTY,
        'Difficulty Rejected': state.rejected * SHARE_DIFFICULTY,
        'Last Share Difficulty': SHARE_DIFFICULTY,
        'Last Valid Work': when,
        'Device Hardware%': 0,
        'Device Rejected%': totalWork ? round((state.rejected / totalWork) * 100, 4) : 0,
        'Device Elapsed': Math.max(0, state.elapsedS - BOARD_START_S),
      },
    ],
    id: 1,
  };
}

/** Reply to "pools" (shape: avalon-a1566-pools.json; POOL numbering from 0). */
export function avalonPools(rig: RigPlan, state: MinerState): object {
  const when = avalonWhenS(state);
  const pools = rig.site.poolUrls.map((url, i) => {
    const active = i === 0;
    const accepted = active ? state.accepted : 0;
    const rejected = active ? state.rejected : 0;
    return {
      POOL: i,
      URL: url,
      Status: 'Alive',
      Priority: i,
      Quota: 1,
      'Long Poll': 'N',
      Getworks: active ? Math.floor(state.elapsedS / 36) : 1 + (i % 2),
      Accepted: accepted,
      Rejected: rejected,
      Works: active ? Math.floor(state.elapsedS * 10.5) : 0,
      Discarded: 0,
      Stale: 0,
      'Get Failures': 0,
      'Remote Failures': 0,
      User: `${rig.site.poolAccount}.${rig.name}`,
      'Last Share Time': active ? Math.max(0, when - state.lastShareAgoS) : 0,
      'Diff1 Shares': active ? Math.floor(state.hashrateAvgThs * 232.8 * state.elapsedS) : 0,
      'Proxy Type': '',
      Proxy: '',
      'Difficulty Accepted': accepted * SHARE_DIFFICULTY,
      'Difficulty Rejected': rejected * SHARE_DIFFICULTY,
      'Difficulty Stale': 0,
      'Last Share Difficulty': active ? SHARE_DIFFICULTY : 0,
      'Work Difficulty': active ? SHARE_DIFFICULTY : 0,
      'Has Stratum': true,
      'Stratum Active': active,
      'Stratum URL': url.replace(/^stratum\+tcp:\/\//, '').replace(/:\d+$/, ''),
      'Stratum Difficulty': active ? SHARE_DIFFICULTY : 0,
      'Has Vmask': true,
      'Has GBT': false,
      'Best Share': active ? state.bestShare : 0,
      'Pool Rejected%': accepted + rejected ? round((rejected / (accepted + rejected)) * 100, 4) : 0,
      'Pool Stale%': 0,
      'Bad Work': active ? Math.floor(state.elapsedS / 500) : 0,
      'Current Block Height': active ? simTipHeight(state.tMs) : 0,
      'Current Block Version': 536870912,
    };
  });
  return { STATUS: [okStatus(when, 7, `${pools.length} Pool(s)`, AVALON_DESCRIPTION)], POOLS: pools, id: 1 };
}

function single(command: string, rig: RigPlan, state: MinerState): object {
  switch (command) {
    case 'version':
      return avalonVersion(rig, state);
    case 'summary':
      return avalonSummary(rig, state);
    case 'devs':
      return avalonDevs(rig, state);
    case 'pools':
      return avalonPools(rig, state);
    case 'stats':
    case 'estats':
      return avalonStats(rig, state);
    default:
      return invalidCommandReply(avalonWhenS(state), AVALON_DESCRIPTION);
  }
}

/**
 * Any command the simulated Avalon serves. A joined request ("pools+summary+stats") gets one object keyed
 * by command, each value a one-element array holding the full reply, plus "id" (shape:
 * avalon-1047-pools+summary+stats.json).
 */
// unverified: parts in request order (cgminer answers them in turn; the capture's summary/stats/pools
// order was made by the capturing test's map), and an unknown part answered with its own Invalid command.
export function avalonReply(command: string, rig: RigPlan, state: MinerState): object {
  if (!command.includes('+')) return single(command, rig, state);
  const parts = new Map<string, unknown>();
  for (const part of command.split('+')) if (!parts.has(part)) parts.set(part, [single(part, rig, state)]);
  return { ...Object.fromEntries(parts), id: 1 };
}
