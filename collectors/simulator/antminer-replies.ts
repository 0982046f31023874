/**
 * Antminer stock firmware (bmminer/cgminer, protocols.md section 1.3) replies rendered from a MinerState.
 * Key order and value types follow the real captures in shared/fixtures/asic so a driver tested against
 * the captures reads the simulator the same way. No power field: stock firmware has none.
 */
import { fixed, invalidCommandReply, okStatus, round } from './cgminer-envelope';
import type { RigPlan } from './fleet-plan';
import type { MinerState } from './miner-state';
import { SHARE_DIFFICULTY } from './miner-state';

/** Description every stock S19/S21 reply carries (the engine itself is named in STATS[0].BMMiner). */
export const ANTMINER_DESCRIPTION = 'cgminer 1.0.0';

/** Chain slots reported: S19/S21 firmware always lists slots 1..4, the 4th empty. */
const SLOTS = 4;

interface FirmwareInfo {
  miner: string;
  compileTime: string;
}

// S19 Pro: the capture's values. S21: miner_version/CompileTime from the S21 web API capture.
const FIRMWARE: Record<string, FirmwareInfo> = {
  'Antminer S19 Pro': { miner: '49.0.1.3', compileTime: 'Wed Oct 21 10:18:10 CST 2020' },
  'Antminer S21': { miner: 'uart_trans.1.3', compileTime: 'Thu Jul 11 16:38:25 CST 2024' },
};

function firmwareOf(rig: RigPlan): FirmwareInfo {
  return FIRMWARE[rig.model.firmwareModel] ?? FIRMWARE['Antminer S19 Pro'];
}

function whenS(state: MinerState): number {
  return Math.floor(state.tMs / 1000);
}

/** Chip status string as firmware prints it: " ooo ooo ..." in groups of three, "" for no chips. */
function chipStatus(chips: number): string {
  let s = '';
  for (let i = 0; i < chips; i += 3) s += ' ' + 'o'.repeat(Math.min(3, chips - i));
  return s;
}

/** Four sensors as one dash-joined string; negatives give "2--1-20-22" exactly as the firmware prints them. */
export function dashTemps(sensorsC: number[]): string {
  return sensorsC.map((c) => String(Math.round(c))).join('-');
}

/** Reply to "version" (shape: antminer-s19pro-version.json). */
export function antminerVersion(rig: RigPlan, state: MinerState): object {
  const fw = firmwareOf(rig);
  return {
    STATUS: [okStatus(whenS(state), 22, 'CGMiner versions', ANTMINER_DESCRIPTION)],
    VERSION: [{ BMMiner: '1.0.0', API: '3.1', Miner: fw.miner, CompileTime: fw.compileTime, Type: rig.model.firmwareModel }],
    id: 1,
  };
}

/**
 * Reply to "stats" (shape: antminer-s19pro-stats.json). For the S21 no TCP capture exists.
 * unverified: S21 stats shaped from antminer-s19pro-stats.json with S21 values from antminer-s21-http-summary.cgi.json
 */
export function antminerStats(rig: RigPlan, state: MinerState): object {
  const fw = firmwareOf(rig);
  const slot = (n: number) => state.boards.find((b) => b.slot === n && b.present);
  const device: Record<string, unknown> = {
    STATS: 0,
    ID: 'BTM_SOC0',
    Elapsed: state.elapsedS,
    Calls: 0,
    Wait: 0,
    Max: 0,
    Min: 99999999,
    // A string on purpose: much stock firmware sends "GHS 5s" quoted (protocols.md section 0).
    'GHS 5s': fixed(state.hashrateThs * 1000),
    'GHS av': round(state.hashrateAvgThs * 1000),
    rate_30m: round(state.hashrate30mThs * 1000),
    Mode: 2,
    miner_count: state.boards.filter((b) => b.present).length,
    frequency: rig.model.freqMhz,
    fan_num: 4,
  };
  state.fansRpm.forEach((rpm, i) => (device[`fan${i + 1}`] = rpm));
  device.temp_num = rig.model.boards;
  for (let n = 1; n <= rig.model.boards; n++) {
    const b = slot(n);
    device[`temp${n}`] = b ? Math.max(...b.pcbTempsC) : 0;
    device[`temp2_${n}`] = b ? Math.max(...b.chipTempsC) : 0;
  }
  for (const [key, pick] of [
    ['temp_pcb', 'pcbTempsC'],
    ['temp_chip', 'chipTempsC'],
    ['temp_pic', 'picTempsC'],
  ] as const) {
    for (let n = 1; n <= SLOTS; n++) device[`${key}${n}`] = dashTemps(slot(n)?.[pick] ?? [0, 0, 0, 0]);
  }
  const present = state.boards.filter((b) => b.present);
  Object.assign(device, {
    total_rateideal: round(state.expectedHashrateThs * 1000, 1),
    rate_unit: 'GH',
    total_freqavg: present.length ? rig.model.freqMhz : 0,
    total_acn: present.reduce((acc, b) => acc + b.chips, 0),
    'total rate': round(state.hashrateAvgThs * 1000),
    temp_max: 0,
    no_matching_work: Math.floor(state.elapsedS * 0.055),
  });
  for (let n = 1; n <= SLOTS; n++) device[`chain_acn${n}`] = slot(n)?.chips ?? 0;
  for (let n = 1; n <= SLOTS; n++) device[`chain_acs${n}`] = chipStatus(slot(n)?.chips ?? 0);
  for (let n = 1; n <= SLOTS; n++) device[`chain_hw${n}`] = slot(n)?.hardwareErrors ?? 0;
  for (let n = 1; n <= SLOTS; n++) {
    const b = slot(n);
    device[`chain_rate${n}`] = b ? fixed(b.hashrateThs * 1000) : '';
  }
  for (let n = 1; n <= SLOTS; n++) device[`freq${n}`] = slot(n) ? rig.model.freqMhz : 0;
  device.miner_version = fw.miner;
  device.miner_id = `${rig.idHash.toString(16).padStart(8, '0')}2b10481c`; // 16 hex digits like the capture
  return {
    STATUS: [okStatus(whenS(state), 70, 'CGMiner stats', ANTMINER_DESCRIPTION)],
    STATS: [{ BMMiner: '1.0.0', Miner: fw.miner, CompileTime: fw.compileTime, Type: rig.model.firmwareModel }, device],
    id: 1,
  };
}

/**
 * Reply to "summary" (cgminer SUMMARY, numbers as reals).
 * unverified: shaped from whatsminer-m31s-summary.json / braiins-bosplus-s9-summary.json with bmminer's GHS keys
 */
export function antminerSummary(rig: RigPlan, state: MinerState): object {
  const diffAccepted = state.accepted * SHARE_DIFFICULTY;
  const totalWork = state.accepted + state.rejected;
  return {
    STATUS: [okStatus(whenS(state), 11, 'Summary', ANTMINER_DESCRIPTION)],
    SUMMARY: [
      {
        Elapsed: state.elapsedS,
        'GHS 5s': round(state.hashrateThs * 1000),
        'GHS av': round(state.hashrateAvgThs * 1000),
        'GHS 30m': round(state.hashrate30mThs * 1000),
        'Found Blocks': 0,
        Getwork: Math.floor(state.elapsedS / 30),
        Accepted: state.accepted,
        Rejected: state.rejected,
        'Hardware Errors': state.hardwareErrors,
        Utility: state.elapsedS ? round((state.accepted / state.elapsedS) * 60) : 0,
        Discarded: Math.floor(state.elapsedS * 2.2),
        Stale: 0,
        'Get Failures': 0,
        'Local Work': Math.floor(state.elapsedS * 900),
        'Remote Failures': 0,
        'Network Blocks': Math.floor(state.elapsedS / 600),
        'Total MH': round(state.hashrateAvgThs * 1e6 * state.elapsedS, 0),
        'Work Utility': state.elapsedS ? round((diffAccepted / state.elapsedS) * 60) : 0,
        'Difficulty Accepted': diffAccepted,
        'Difficulty Rejected': state.rejected * SHARE_DIFFICULTY,
        'Difficulty Stale': 0,
        'Best Share': state.bestShare,
        'Device Hardware%': 0,
        'Device Rejected%': totalWork ? round((state.rejected / totalWork) * 100, 4) : 0,
        'Pool Rejected%': totalWork ? round((state.rejected / totalWork) * 100, 4) : 0,
        'Pool Stale%': 0,
        'Last getwork': whenS(state),
      },
    ],
    id: 1,
  };
}

/** Last-share age as stock firmware prints it, "h:mm:ss". */
function hms(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** Reply to "pools" (shape: antminer-s19-pools.json, including its "Pool Stale%%" key). */
export function antminerPools(rig: RigPlan, state: MinerState): object {
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
      Getworks: active ? Math.floor(state.elapsedS / 30) : 1,
      Accepted: accepted,
      Rejected: rejected,
      Discarded: active ? Math.floor(state.elapsedS * 2.2) : 0,
      Stale: 0,
      'Get Failures': 0,
      'Remote Failures': 0,
      User: `${rig.site.poolAccount}.${rig.name}`,
      'Last Share Time': active ? hms(state.lastShareAgoS) : '0',
      Diff: active ? '262K' : '',
      'Diff1 Shares': 0,
      'Proxy Type': '',
      Proxy: '',
      'Difficulty Accepted': accepted * SHARE_DIFFICULTY,
      'Difficulty Rejected': rejected * SHARE_DIFFICULTY,
      'Difficulty Stale': 0,
      'Last Share Difficulty': active ? SHARE_DIFFICULTY : 0,
      'Has Stratum': true,
      'Stratum Active': active,
      'Stratum URL': active ? url.replace(/^stratum\+tcp:\/\//, '').replace(/:\d+$/, '') : '',
      'Has GBT': false,
      'Best Share': active ? state.bestShare : 0,
      'Pool Rejected%': accepted + rejected ? round((rejected / (accepted + rejected)) * 100, 4) : 0,
      'Pool Stale%%': 0,
    };
  });
  return {
    STATUS: [okStatus(whenS(state), 7, `${pools.length} Pool(s)`, ANTMINER_DESCRIPTION)],
    POOLS: pools,
    id: 1,
  };
}

/** Any command the simulated Antminer serves, or the firmware's Invalid command error. */
export function antminerReply(command: string, rig: RigPlan, state: MinerState): object {
  switch (command) {
    case 'version':
      return antminerVersion(rig, state);
    case 'stats':
      return antminerStats(rig, state);
    case 'summary':
      return antminerSummary(rig, state);
    case 'pools':
      return antminerPools(rig, state);
    default:
      return invalidCommandReply(whenS(state), ANTMINER_DESCRIPTION);
  }
}
