/**
 * Whatsminer btminer API v1/v2 (port 4028, protocols.md section 1.7) replies rendered from a MinerState.
 * Key order and types follow the M31S captures; values are those of the simulated M50S/M60S. Hash rates in
 * MH/s ("Factory GHS" in GH/s), power in W, temperatures in degC.
 */
import { invalidCommandReply, okStatus, round } from './cgminer-envelope';
import type { RigPlan } from './fleet-plan';
import type { BoardState, MinerState } from './miner-state';
import { SHARE_DIFFICULTY } from './miner-state';
import { simTipHeight } from './http/mempool-replies';

/** Description of successful btminer replies. */
export const WHATSMINER_DESCRIPTION = 'btminer';
/**
 * Description of btminer error replies: the capture of Code 24 says "cgminer 4.9.2" (the cgminer core that
 * btminer forks answers errors itself). unverified: Code 14/23 errors assumed to carry the same Description.
 */
export const WHATSMINER_ERROR_DESCRIPTION = 'cgminer 4.9.2';
/** Firmware string with the apostrophes the real firmware puts inside the value. */
export const WHATSMINER_FIRMWARE = "'20240722.22.REL'";

const CHIP_DATA = 'HPJA05-20070601 BINV02-193005F';
const MHS_PER_THS = 1e6;

function whenS(state: MinerState): number {
  return Math.floor(state.tMs / 1000);
}

function mac(rig: RigPlan): string {
  const bytes = [0xc6, 0x06, ...[24, 16, 8, 0].map((s) => (rig.idHash >>> s) & 0xff)];
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(':');
}

function boardTempC(b: BoardState): number {
  return Math.min(...b.chipTempsC) - 2;
}

/** Reply to "summary" (shape: whatsminer-m31s-summary.json, without active error codes). */
export function whatsminerSummary(rig: RigPlan, state: MinerState): object {
  const present = state.boards.filter((b) => b.present);
  const powerW = Math.round(state.powerW);
  const chipAvgC = present.length ? present.reduce((a, b) => a + b.chipTempAvgC, 0) / present.length : 0;
  const totalWork = state.accepted + state.rejected;
  const diffAccepted = state.accepted * SHARE_DIFFICULTY;
  const rateJth = state.hashrateThs > 0 ? state.powerW / state.hashrateThs : 0;
  const inputV = 229.5;
  return {
    STATUS: [okStatus(whenS(state), 11, 'Summary', WHATSMINER_DESCRIPTION)],
    SUMMARY: [
      {
        Elapsed: state.elapsedS,
        'MHS av': round(state.hashrateAvgThs * MHS_PER_THS),
        'MHS 5s': round(state.hashrateThs * MHS_PER_THS),
        'MHS 1m': round(state.hashrate1mThs * MHS_PER_THS),
        'MHS 5m': round(state.hashrate5mThs * MHS_PER_THS),
        'MHS 15m': round(state.hashrate15mThs * MHS_PER_THS),
        'HS RT': round(state.hashrate1mThs * MHS_PER_THS),
        'Found Blocks': 0,
        Getworks: Math.floor(state.elapsedS / 24),
        Accepted: state.accepted,
        Rejected: state.rejected,
        'Hardware Errors': state.hardwareErrors,
        Utility: state.elapsedS ? round((state.accepted / state.elapsedS) * 60) : 0,
        Discarded: 0,
        Stale: 0,
        'Get Failures': 0,
        'Local Work': Math.floor(state.elapsedS * 19000),
        'Remote Failures': 0,
        'Network Blocks': Math.floor(state.elapsedS / 600),
        'Total MH': round(state.hashrateAvgThs * MHS_PER_THS * state.elapsedS, 0),
        'Work Utility': 0,
        'Difficulty Accepted': diffAccepted,
        'Difficulty Rejected': state.rejected * SHARE_DIFFICULTY,
        'Difficulty Stale': 0,
        'Best Share': state.bestShare,
        Temperature: present.length ? Math.max(...present.map(boardTempC)) : 0,
        freq_avg: rig.model.freqMhz,
        'Fan Speed In': state.fansRpm[0],
        'Fan Speed Out': state.fansRpm[1],
        Voltage: 1206,
        Power: powerW,
        Power_RT: powerW,
        'Power Rate': round(rateJth),
        'Device Hardware%': 0,
        'Device Rejected%': 0,
        'Pool Rejected%': totalWork ? round((state.rejected / totalWork) * 100, 4) : 0,
        'Pool Stale%': 0,
        'Last getwork': 0,
        Uptime: state.elapsedS + 95,
        'Chip Data': CHIP_DATA,
        'Power Current': round(state.powerW / 12.85, 6),
        'Power Fanspeed': 7608,
        'Error Code Count': 0,
        'Factory Error Code Count': 0,
        'Security Mode': 0,
        'Liquid Cooling': false,
        'Hash Stable': state.status === 'mining',
        'Hash Stable Cost Seconds': Math.max(0, state.elapsedS - 1800),
        'Hash Deviation%': round(((state.hashrateThs - state.hashrateAvgThs) / state.expectedHashrateThs) * 100, 4),
        'Target Freq': rig.model.freqMhz - 40,
        'Target MHS': Math.round(state.expectedHashrateThs * 0.94 * MHS_PER_THS),
        'Env Temp': state.envTempC,
        'Power Mode': 'Normal',
        'Firmware Version': WHATSMINER_FIRMWARE,
        'CB Platform': 'ALLWINNER_H6OS',
        'CB Version': 'V10',
        MAC: mac(rig),
        'Factory GHS': Math.round(state.expectedHashrateThs * 1000),
        'Power Limit': Math.ceil((rig.model.nameplatePowerW * 1.08) / 100) * 100,
        'Power Voltage Input': inputV,
        'Power Current Input': round(state.powerW / (inputV * 0.97)),
        'Chip Temp Min': present.length ? Math.min(...present.map((b) => b.chipTempsC[0])) : 0,
        'Chip Temp Max': state.tempMaxC,
        'Chip Temp Avg': round(chipAvgC),
        Debug: `${state.hashrateAvgThs.toFixed(1)}/${state.hashrate1mThs.toFixed(1)}T_${rateJth.toFixed(1)}W_100.0/100.0_0`,
      },
    ],
    id: 1,
  };
}

/** Reply to "edevs": one entry per working board (shape: whatsminer-m31s-edevs.json). */
export function whatsminerEdevs(rig: RigPlan, state: MinerState): object {
  const nowS = whenS(state);
  const devs = state.boards
    .filter((b) => b.present)
    .map((b) => {
      const slot = b.slot - 1;
      return {
        ASC: slot,
        Name: 'SM',
        ID: slot,
        Slot: slot,
        Enabled: 'Y',
        Status: 'Alive',
        Temperature: boardTempC(b),
        'Chip Frequency': rig.model.freqMhz + 8 * slot,
        'Fan Speed In': state.fansRpm[0],
        'Fan Speed Out': state.fansRpm[1],
        'MHS av': round(b.hashrateAvgThs * MHS_PER_THS),
        'MHS 5s': round(b.hashrateThs * MHS_PER_THS),
        'MHS 1m': round(b.hashrate1mThs * MHS_PER_THS),
        'MHS 5m': round(b.hashrate5mThs * MHS_PER_THS),
        'MHS 15m': round(b.hashrate15mThs * MHS_PER_THS),
        Accepted: b.accepted,
        Rejected: Math.floor(b.accepted / 2500),
        'Hardware Errors': b.hardwareErrors,
        Utility: state.elapsedS ? round((b.accepted / state.elapsedS) * 60) : 0,
        'Last Share Pool': 0,
        'Last Share Time': nowS - state.lastShareAgoS - slot,
        'Total MH': round(b.hashrateAvgThs * MHS_PER_THS * state.elapsedS, 0),
        'Diff1 Work': 0,
        'Difficulty Accepted': b.accepted * SHARE_DIFFICULTY,
        'Difficulty Rejected': Math.floor(b.accepted / 2500) * SHARE_DIFFICULTY,
        'Last Share Difficulty': SHARE_DIFFICULTY,
        'Last Valid Work': nowS,
        'Device Hardware%': 0,
        'Device Rejected%': 0,
        'Device Elapsed': state.elapsedS,
        'Upfreq Complete': 1,
        'Effective Chips': b.chips,
        'PCB SN': `BJM1FS${(rig.idHash + b.slot).toString(16).toUpperCase().padStart(8, '0')}K311`,
        'Chip Data': CHIP_DATA,
        'Chip Temp Min': b.chipTempsC[0],
        'Chip Temp Max': b.chipTempsC[3],
        'Chip Temp Avg': b.chipTempAvgC,
        chip_vol_diff: 11 + slot * 4,
      };
    });
  return { STATUS: [okStatus(nowS, 9, `${devs.length} ASC(s)`, WHATSMINER_DESCRIPTION)], DEVS: devs, id: 1 };
}

/**
 * Reply to "devdetails": the only place the firmware names the model ("M60S_VK30").
 * unverified: no capture here; shaped from the DEVDETAILS entries quoted in open-source miner tools' tests
 */
export function whatsminerDevdetails(rig: RigPlan, state: MinerState): object {
  const details = state.boards
    .filter((b) => b.present)
    .map((b) => ({ DEVDETAILS: b.slot - 1, Name: 'SM', ID: b.slot - 1, Driver: 'bitmicro', Kernel: '', Model: rig.model.firmwareModel }));
  return { STATUS: [okStatus(whenS(state), 69, 'Device Details', WHATSMINER_DESCRIPTION)], DEVDETAILS: details, id: 1 };
}

/** Reply to "pools" (shape: whatsminer-m31s-pools.json; POOL numbering starts at 1 as in the capture). */
export function whatsminerPools(rig: RigPlan, state: MinerState): object {
  const nowS = whenS(state);
  const pools = rig.site.poolUrls.map((url, i) => {
    const active = i === 0;
    const accepted = active ? state.accepted : 0;
    const rejected = active ? state.rejected : 0;
    return {
      POOL: i + 1,
      URL: url,
      Status: 'Alive',
      Priority: i,
      Quota: 1,
      'Long Poll': 'N',
      Getworks: active ? Math.floor(state.elapsedS / 24) : 0,
      Accepted: accepted,
      Rejected: rejected,
      Works: active ? Math.floor(state.elapsedS * 27000) : 0,
      Discarded: 0,
      Stale: 0,
      'Get Failures': 0,
      'Remote Failures': 0,
      User: `${rig.site.poolAccount}.${rig.name}`,
      'Last Share Time': active ? nowS - state.lastShareAgoS : 0,
      'Diff1 Shares': 0,
      'Proxy Type': '',
      Proxy: '',
      'Difficulty Accepted': accepted * SHARE_DIFFICULTY,
      'Difficulty Rejected': rejected * SHARE_DIFFICULTY,
      'Difficulty Stale': 0,
      'Last Share Difficulty': active ? SHARE_DIFFICULTY : 0,
      'Work Difficulty': 0,
      'Has Stratum': true,
      'Stratum Active': active,
      'Stratum URL': active ? url.replace(/^stratum\+tcp:\/\//, '').replace(/:\d+$/, '') : '',
      'Stratum Difficulty': active ? SHARE_DIFFICULTY : 0,
      'Has GBT': false,
      'Best Share': active ? state.bestShare : 0,
      'Pool Rejected%': accepted + rejected ? round((rejected / (accepted + rejected)) * 100, 4) : 0,
      'Pool Stale%': 0,
      'Bad Work': active ? Math.floor(state.elapsedS / 176) : 0,
      'Current Block Height': active ? simTipHeight(state.tMs) : 0,
      'Current Block Version': 536870912,
    };
  });
  return { STATUS: [okStatus(nowS, 7, `${pools.length} Pool(s)`, WHATSMINER_DESCRIPTION)], POOLS: pools, id: 1 };
}

/** Any command the simulated Whatsminer serves, or the firmware's Invalid command error. */
export function whatsminerReply(command: string, rig: RigPlan, state: MinerState): object {
  switch (command) {
    case 'summary':
      return whatsminerSummary(rig, state);
    case 'edevs':
      return whatsminerEdevs(rig, state);
    case 'devdetails':
      return whatsminerDevdetails(rig, state);
    case 'pools':
      return whatsminerPools(rig, state);
    default:
      return invalidCommandReply(whenS(state), WHATSMINER_ERROR_DESCRIPTION);
  }
}
