/**
 * LuxOS (LUXminer) cgminer-compatible API replies (protocols.md section 1.5) rendered from a MinerState.
 * The family (families/luxos.ts) sorts every key, as the one real capture shows for STATUS.
 *
 * unverified: no real LuxOS summary/stats/pools/power/fans/temps capture exists. Summary and pools reuse the
 * stock Antminer shapes (LuxOS summary carries "GHS 5s" in GH/s per pyasic), stats is the stock Antminer
 * STATS[1] block with "GHS 5s" as a number, power is POWER[0].Watts, fans FANS[].RPM, temps TEMPS[] with
 * four corner sensors per board (0-based ID), the fields pyasic and asic-rs read.
 */
import { antminerPools, antminerStats, antminerSummary } from './antminer-replies';
import { invalidCommandReply, round } from './cgminer-envelope';
import type { RigPlan } from './fleet-plan';
import type { MinerState } from './miner-state';

/** Description of every reply, as in fx:asic/luxos-error-invalid-command.json. */
export const LUXOS_DESCRIPTION = 'LUXminer 2026.4.3.192353-6ab4e5077';
const LUXMINER_VERSION = '2026.4.3.192353-6ab4e5077';

type Reply = { STATUS: object[]; [section: string]: unknown };

function whenS(state: MinerState): number {
  return Math.floor(state.tMs / 1000);
}

/** STATUS[0] with LuxOS's Description (the family sorts the keys as the capture has them). */
function status(state: MinerState, code: number, msg: string): object {
  return { STATUS: 'S', When: whenS(state), Code: code, Msg: msg, Description: LUXOS_DESCRIPTION };
}

/** A stock Antminer reply re-labelled as LuxOS's (same section rows, LuxOS STATUS). */
function relabel(stock: object, state: MinerState, code: number, msg: string): Reply {
  return { ...(stock as Reply), STATUS: [status(state, code, msg)] };
}

function versionRow(rig: RigPlan): Record<string, unknown> {
  return { API: '3.7', LUXminer: LUXMINER_VERSION, Miner: LUXMINER_VERSION.split('-')[0], Type: rig.model.firmwareModel };
}

function stats(rig: RigPlan, state: MinerState): object {
  const stock = antminerStats(rig, state) as { STATS: Array<Record<string, unknown>> };
  const device = { ...stock.STATS[1], 'GHS 5s': round(state.hashrateThs * 1000) };
  return { ...relabel(stock, state, 70, 'CGMiner stats'), STATS: [versionRow(rig), device] };
}

function power(state: MinerState): object {
  return { STATUS: [status(state, 0, 'Power')], POWER: [{ Watts: Math.round(state.powerW) }], id: 1 };
}

function fans(state: MinerState): object {
  const speed = Math.min(100, Math.round(Math.max(0, ...state.fansRpm) / 65));
  const rows = state.fansRpm.map((rpm, i) => ({ ID: i, RPM: rpm, Speed: speed }));
  return { STATUS: [status(state, 202, `${rows.length} Fan(s)`)], FANS: rows, id: 1 };
}

/** Chip sensors (inlet low/high, outlet low/high) as the board's four corners. */
function temps(state: MinerState): object {
  const rows = state.boards
    .filter((b) => b.present)
    .map((b) => {
      const [inLow, inHigh, outLow, outHigh] = b.chipTempsC;
      return { ID: b.slot - 1, TopLeft: outHigh, BottomLeft: outLow, TopRight: inHigh, BottomRight: inLow };
    });
  return { STATUS: [status(state, 201, `${rows.length} Temp(s)`)], TEMPS: rows, id: 1 };
}

/** Any command the simulated LUXminer serves, or its Code 14 Invalid command error. */
export function luxosReply(command: string, rig: RigPlan, state: MinerState): object {
  switch (command) {
    case 'version':
      return { STATUS: [status(state, 22, 'LUXminer versions')], VERSION: [versionRow(rig)], id: 1 };
    case 'summary':
      return relabel(antminerSummary(rig, state), state, 11, 'Summary');
    case 'stats':
      return stats(rig, state);
    case 'pools':
      return relabel(antminerPools(rig, state), state, 7, `${rig.site.poolUrls.length} Pool(s)`);
    case 'power':
      return power(state);
    case 'fans':
      return fans(state);
    case 'temps':
      return temps(state);
    default:
      return invalidCommandReply(whenS(state), LUXOS_DESCRIPTION);
  }
}
