/**
 * Braiins OS (BOSer) cgminer-compatible API replies (protocols.md section 1.4) rendered from a MinerState.
 * Shaped from the BOSminer+ S9 captures: the STATUS block in cgminer order, every section row with its
 * keys sorted alphabetically, hash rates as MH/s floats, "Last Share Time" as a unix epoch, boards named
 * by chain ID (1..3 on an S19-class machine; the S9 captures use 6..8).
 */
import { invalidCommandReply, okStatus, round } from './cgminer-envelope';
import type { RigPlan } from './fleet-plan';
import type { BoardState, MinerState } from './miner-state';
import { SHARE_DIFFICULTY } from './miner-state';

/** Description of every reply, errors included (braiins-boser-s9-*.truncated.json). */
export const BRAIINS_DESCRIPTION = 'BOSer boser-openwrt 0.1.0-26ba61b9';
const BOSER_VERSION = '0.1.0-26ba61b9';
const MHS_PER_THS = 1e6;

/** A copy of a plain object with its keys in sorted order (nested objects too; arrays keep their order). */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  const rec = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(rec)
      .sort()
      .map((k) => [k, sortKeys(rec[k])]),
  ) as T;
}

function whenS(state: MinerState): number {
  return Math.floor(state.tMs / 1000);
}

function present(state: MinerState): BoardState[] {
  return state.boards.filter((b) => b.present);
}

function reply(state: MinerState, code: number, msg: string, section: string, rows: object[]): object {
  return { STATUS: [okStatus(whenS(state), code, msg, BRAIINS_DESCRIPTION)], [section]: rows.map(sortKeys), id: 1 };
}

/** unverified: VERSION shaped from braiins-bosplus-s9-version.json with BOSer's name as the key. */
function version(state: MinerState): object {
  return reply(state, 22, 'BOSer versions', 'VERSION', [{ API: '3.7', BOSer: BOSER_VERSION }]);
}

/** Reply to "summary" (shape: braiins-bosplus-s9-summary.json). */
function summary(state: MinerState): object {
  const diffAccepted = state.accepted * SHARE_DIFFICULTY;
  const total = state.accepted + state.rejected;
  const perMin = (n: number) => (state.elapsedS ? (n / state.elapsedS) * 60 : 0);
  return reply(state, 11, 'Summary', 'SUMMARY', [
    {
      Accepted: state.accepted,
      'Best Share': state.bestShare,
      'Device Hardware%': state.hardwareErrors ? (state.hardwareErrors / (state.hardwareErrors + diffAccepted)) * 100 : 0,
      'Device Rejected%': total ? (state.rejected / total) * 100 : 0,
      'Difficulty Accepted': diffAccepted,
      'Difficulty Rejected': state.rejected * SHARE_DIFFICULTY,
      'Difficulty Stale': 0,
      Discarded: 0,
      Elapsed: state.elapsedS,
      'Found Blocks': 0,
      'Get Failures': 0,
      Getworks: Math.floor(state.elapsedS / 33),
      'Hardware Errors': state.hardwareErrors,
      'Last getwork': whenS(state),
      'Local Work': Math.floor(state.elapsedS * 4650),
      'MHS 15m': state.hashrate15mThs * MHS_PER_THS,
      'MHS 1m': state.hashrate1mThs * MHS_PER_THS,
      // Like the capture: the 24 h window counts the time before boot as zero.
      'MHS 24h': state.hashrateAvgThs * MHS_PER_THS * Math.min(1, state.elapsedS / 86400),
      'MHS 5m': state.hashrate5mThs * MHS_PER_THS,
      'MHS 5s': state.hashrateThs * MHS_PER_THS,
      'MHS av': state.hashrateAvgThs * MHS_PER_THS,
      'Network Blocks': 0,
      'Pool Rejected%': total ? (state.rejected / total) * 100 : 0,
      'Pool Stale%': 0,
      Rejected: state.rejected,
      'Remote Failures': 0,
      Stale: 0,
      'Total MH': state.hashrateAvgThs * MHS_PER_THS * state.elapsedS,
      Utility: perMin(state.accepted),
      'Work Utility': perMin(diffAccepted),
    },
  ]);
}

/** Reply to "devs" (shape: braiins-bosplus-s9-devs.json). */
function devs(state: MinerState): object {
  const when = whenS(state);
  const rows = present(state).map((b, asc) => ({
    ASC: asc,
    Accepted: b.accepted,
    'Device Elapsed': state.elapsedS,
    'Device Hardware%': b.hardwareErrors ? (b.hardwareErrors / (b.hardwareErrors + b.accepted * SHARE_DIFFICULTY)) * 100 : 0,
    'Device Rejected%': 0,
    'Diff1 Work': b.accepted * SHARE_DIFFICULTY,
    'Difficulty Accepted': b.accepted * SHARE_DIFFICULTY,
    'Difficulty Rejected': 0,
    Enabled: 'Y',
    'Hardware Error MHS 15m': state.elapsedS ? round(b.hardwareErrors / state.elapsedS, 6) : 0,
    'Hardware Errors': b.hardwareErrors,
    ID: b.slot,
    'Last Share Difficulty': SHARE_DIFFICULTY,
    'Last Share Pool': -1,
    'Last Share Time': when - state.lastShareAgoS,
    'Last Valid Work': when,
    'MHS 15m': b.hashrate15mThs * MHS_PER_THS,
    'MHS 1m': b.hashrate1mThs * MHS_PER_THS,
    'MHS 5m': b.hashrate5mThs * MHS_PER_THS,
    'MHS 5s': b.hashrateThs * MHS_PER_THS,
    'MHS av': b.hashrateAvgThs * MHS_PER_THS,
    Name: '',
    'Nominal MHS': b.idealHashrateThs * MHS_PER_THS,
    Rejected: 0,
    Status: 'Alive',
    Temperature: 0,
    'Total MH': b.hashrateAvgThs * MHS_PER_THS * state.elapsedS,
    Utility: state.elapsedS ? (b.accepted / state.elapsedS) * 60 : 0,
  }));
  return reply(state, 9, `${rows.length} ASC(s)`, 'DEVS', rows);
}

/** unverified: devdetails shaped from the BOSminer API documentation example (no capture). */
function devdetails(rig: RigPlan, state: MinerState): object {
  const rows = present(state).map((b, i) => ({
    Chips: b.chips,
    Cores: b.chips * 4,
    DEVDETAILS: i,
    'Device Path': '',
    Driver: '',
    Frequency: rig.model.freqMhz * 1e6,
    ID: b.slot,
    Kernel: '',
    Model: rig.model.firmwareModel,
    Name: `Hash Chain ${b.slot}`,
    Voltage: 13.6,
  }));
  return reply(state, 69, 'Device Details', 'DEVDETAILS', rows);
}

/** Reply to "pools" (shape: braiins-bosplus-s9-pools.json). */
function pools(rig: RigPlan, state: MinerState): object {
  const when = whenS(state);
  const rows = rig.site.poolUrls.map((url, i) => {
    const active = i === 0;
    const accepted = active ? state.accepted : 0;
    const rejected = active ? state.rejected : 0;
    return {
      Accepted: accepted,
      AsicBoost: true,
      'Bad Work': 0,
      'Best Share': active ? state.bestShare : 0,
      'Current Block Height': 0,
      'Current Block Version': 536870912,
      'Diff1 Shares': accepted * SHARE_DIFFICULTY,
      'Difficulty Accepted': accepted * SHARE_DIFFICULTY,
      'Difficulty Rejected': rejected * SHARE_DIFFICULTY,
      'Difficulty Stale': 0,
      Discarded: 0,
      'Get Failures': 0,
      Getworks: active ? Math.floor(state.elapsedS / 33) : 3,
      'Has GBT': false,
      'Has Stratum': true,
      'Has Vmask': true,
      'Last Share Difficulty': active ? SHARE_DIFFICULTY : 0,
      'Last Share Time': active ? when - state.lastShareAgoS : 0,
      'Long Poll': 'N',
      POOL: i,
      'Pool Rejected%': accepted + rejected ? (rejected / (accepted + rejected)) * 100 : 0,
      'Pool Stale%': 0,
      Priority: i,
      Proxy: '',
      'Proxy Type': '',
      Quota: 1,
      Rejected: rejected,
      'Remote Failures': 0,
      Stale: 0,
      Status: 'Alive',
      'Stratum Active': active,
      'Stratum Difficulty': SHARE_DIFFICULTY,
      'Stratum URL': url.replace(/^stratum\+tcp:\/\//, ''),
      URL: url,
      User: `${rig.site.poolAccount}.${rig.name}`,
      'Work Difficulty': SHARE_DIFFICULTY,
      Works: active ? Math.floor(state.elapsedS * 4650) : 0,
    };
  });
  return reply(state, 7, `${rows.length} Pool(s)`, 'POOLS', rows);
}

/** Reply to "fans" (shape: braiins-bosplus-s9-fans.json): one PWM setting for all fans. */
function fans(state: MinerState): object {
  const speed = Math.min(100, Math.round(Math.max(0, ...state.fansRpm) / 65));
  const rows = state.fansRpm.map((rpm, i) => ({ FAN: i, ID: i, RPM: rpm, Speed: speed }));
  return reply(state, 202, `${rows.length} Fan(s)`, 'FANS', rows);
}

/** Reply to "temps" (shape: braiins-bosplus-s9-temps.json; an S19-class board has a real chip sensor). */
function temps(state: MinerState): object {
  const rows = present(state).map((b, i) => ({
    Board: Math.max(...b.pcbTempsC),
    Chip: Math.max(...b.chipTempsC),
    ID: b.slot,
    TEMP: i,
  }));
  return reply(state, 201, `${rows.length} Temp(s)`, 'TEMPS', rows);
}

/** unverified: tunerstatus shaped from the BOSminer API documentation example and protocols.md (no capture). */
function tunerstatus(rig: RigPlan, state: MinerState): object {
  const boards = present(state);
  const chainW = Math.round(state.powerW * 0.95);
  const limitW = rig.model.nameplatePowerW;
  const chains = boards.map((b) => ({
    ApproximatePowerConsumptionWatt: state.hashrateThs > 0 ? Math.round((chainW * b.hashrateThs) / state.hashrateThs) : 0,
    HashchainIndex: b.slot,
    Iteration: 0,
    LoadedProfileCreatedOn: whenS(state) - state.elapsedS,
    PowerLimitWatt: Math.round(limitW / Math.max(1, boards.length)),
    StageElapsed: state.elapsedS,
    Status: 'Stable',
    TunerRunning: true,
    TuningElapsed: state.elapsedS,
  }));
  return reply(state, 203, 'Tuner Status', 'TUNERSTATUS', [
    {
      ApproximateChainPowerConsumption: chainW,
      ApproximateMinerPowerConsumption: Math.round(state.powerW),
      DynamicPowerScaling: 'Disabled',
      PowerLimit: limitW,
      TunerChainStatus: chains,
    },
  ]);
}

/** Any command the simulated BOSer serves, or the cgminer Invalid command error. */
export function braiinsReply(command: string, rig: RigPlan, state: MinerState): object {
  switch (command) {
    case 'version':
      return version(state);
    case 'summary':
      return summary(state);
    case 'devs':
      return devs(state);
    case 'devdetails':
      return devdetails(rig, state);
    case 'pools':
      return pools(rig, state);
    case 'fans':
      return fans(state);
    case 'temps':
      return temps(state);
    case 'tunerstatus':
      return tunerstatus(rig, state);
    default:
      // unverified: BOSer's answer to an unknown command; the cgminer Code 14 error is assumed.
      return invalidCommandReply(whenS(state), BRAIINS_DESCRIPTION);
  }
}
