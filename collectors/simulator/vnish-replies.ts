/**
 * Vnish aftermarket firmware on an Antminer S19: the stock-shaped cgminer API (protocols.md section 1.6)
 * rendered from a MinerState. Stats follows fx:asic/vnish-s17plus-stats.json key for key: "Type"
 * "Antminer S19 (vnish 1.2.6)", numeric chain_rate{N}, chain_vol{N} (mV) and chain_consumption{N} (W per
 * chain), which the antminer driver reads as firmware power.
 */
import { antminerPools, antminerSummary, dashTemps } from './antminer-replies';
import { fixed, invalidCommandReply, okStatus, round } from './cgminer-envelope';
import type { RigPlan } from './fleet-plan';
import type { BoardState, MinerState } from './miner-state';

/** Description of every Vnish reply (the capture's cgminer core). */
export const VNISH_DESCRIPTION = 'cgminer 4.11.1';
const VNISH_VERSION = '1.2.6';
const MINER_VERSION = '49.0.1.3';
const COMPILE_TIME = 'Thu Dec 17 18:39:35 CST 2020';
const CHAIN_MV = 13600;

function whenS(state: MinerState): number {
  return Math.floor(state.tMs / 1000);
}

/** STATS[0] / VERSION[0]: the capture's engine block with Vnish's tag in "Type". */
function engineBlock(rig: RigPlan): Record<string, unknown> {
  return {
    Cgminer: '4.11.1',
    Miner: MINER_VERSION,
    CompileTime: COMPILE_TIME,
    Type: `${rig.model.firmwareModel} (vnish ${VNISH_VERSION})`,
  };
}

/** Chip status as Vnish prints it: groups of five, "o" per working chip. */
function chipStatus(chips: number): string {
  const groups: string[] = [];
  for (let i = 0; i < chips; i += 5) groups.push('o'.repeat(Math.min(5, chips - i)));
  return groups.join(' ');
}

/** Per-chain watts: the miner's power shared by hash rate, the remainder on the last chain, so they sum exactly. */
function chainWatts(boards: BoardState[], state: MinerState): number[] {
  const totalW = Math.round(state.powerW);
  const live = boards.filter((b) => b.present);
  let given = 0;
  return boards.map((b) => {
    if (!b.present || state.hashrateThs <= 0) return 0;
    if (b === live[live.length - 1]) return totalW - given;
    const w = Math.round((totalW * b.hashrateThs) / state.hashrateThs);
    given += w;
    return w;
  });
}

/** Reply to "stats" (shape: vnish-s17plus-stats.json, keys in its order). */
function stats(rig: RigPlan, state: MinerState): object {
  const boards = state.boards;
  const live = boards.filter((b) => b.present);
  const watts = chainWatts(boards, state);
  const perChain = (key: string, value: (b: BoardState, i: number) => unknown) =>
    Object.fromEntries(boards.map((b, i) => [`${key}${b.slot}`, value(b, i)]));
  const top = Math.max(0, ...state.fansRpm);
  const device: Record<string, unknown> = {
    STATS: 0,
    ID: 'BTM_S19_0',
    Elapsed: state.elapsedS,
    Calls: 0,
    Wait: 0,
    Max: 0,
    Min: 99999999,
    // A string, as in the capture; the other rates are numbers.
    'GHS 5s': fixed(state.hashrateThs * 1000),
    'GHS av': round(state.hashrateAvgThs * 1000),
    miner_count: live.length,
    total_acn: live.reduce((acc, b) => acc + b.chips, 0),
    frequency: rig.model.freqMhz,
    total_freqavg: live.length ? rig.model.freqMhz : 0,
    total_rateideal: round(state.expectedHashrateThs * 1000),
    total_rate: round(state.hashrateThs * 1000),
    state: 'mining',
    fan_num: state.fansRpm.length,
    fan_mode: 0,
    fan_pwm: Math.min(100, Math.round(top / 61.2)),
    ...Object.fromEntries(state.fansRpm.map((rpm, i) => [`fan${i + 1}`, rpm])),
    temp_num: boards.length,
    ...perChain('temp', (b) => (b.present ? Math.max(...b.pcbTempsC) : 0)),
    ...perChain('temp2_', (b) => (b.present ? Math.max(...b.chipTempsC) : 0)),
    ...perChain('temp3_', (b) => (b.present ? Math.max(...b.chipTempsC) : 0)),
    ...perChain('temp_pcb', (b) => dashTemps(b.pcbTempsC)),
    ...perChain('temp_chip', (b) => dashTemps(b.chipTempsC)),
    ...perChain('chain_acn', (b) => b.chips),
    ...perChain('chain_vol', (b) => (b.present ? CHAIN_MV : 0)),
    ...perChain('freq_avg', (b) => (b.present ? rig.model.freqMhz : 0)),
    ...perChain('chain_rateideal', (b) => (b.present ? round(b.idealHashrateThs * 1000) : 0)),
    ...perChain('chain_rate', (b) => round(b.hashrateThs * 1000)),
    ...perChain('chain_hw', (b) => b.hardwareErrors),
    ...perChain('chain_acs', (b) => chipStatus(b.chips)),
    ...perChain('chain_consumption', (_b, i) => watts[i]),
    miner_version: MINER_VERSION,
    build_version: VNISH_VERSION,
  };
  return { STATUS: [okStatus(whenS(state), 70, 'CGMiner stats', VNISH_DESCRIPTION)], STATS: [engineBlock(rig), device], id: 1 };
}

/** A stock reply with Vnish's Description in its STATUS. */
function relabel(stock: object, state: MinerState, code: number, msg: string): object {
  return { ...stock, STATUS: [okStatus(whenS(state), code, msg, VNISH_DESCRIPTION)] };
}

/**
 * Any command the simulated Vnish serves. unverified: version, summary and pools have no Vnish capture;
 * they are the stock Antminer shapes (antminer-replies.ts) with the capture's engine block and Description.
 */
export function vnishReply(command: string, rig: RigPlan, state: MinerState): object {
  switch (command) {
    case 'version':
      return {
        STATUS: [okStatus(whenS(state), 22, 'CGMiner versions', VNISH_DESCRIPTION)],
        VERSION: [{ ...engineBlock(rig), API: '3.1' }],
        id: 1,
      };
    case 'stats':
      return stats(rig, state);
    case 'summary':
      return relabel(antminerSummary(rig, state), state, 11, 'Summary');
    case 'pools':
      return relabel(antminerPools(rig, state), state, 7, `${rig.site.poolUrls.length} Pool(s)`);
    default:
      return invalidCommandReply(whenS(state), VNISH_DESCRIPTION);
  }
}
