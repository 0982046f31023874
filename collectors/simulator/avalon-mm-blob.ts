/**
 * The "MM ID0" string of a simulated Avalon A1566's stats/estats reply (protocols.md section 1.8): tokens,
 * their order, value formats ("%.2f" rates in GH/s, "%3d " chip temperatures, "49%" duty) and the constant
 * fields follow avalon-a1566-estats.json; the live values come from the MinerState. Only present boards are
 * listed, as the firmware counts the boards it detected ("Hash Board: N").
 */
import { fixed } from './cgminer-envelope';
import type { RigPlan } from './fleet-plan';
import type { BoardState, MinerState } from './miner-state';
import { hash32, unit } from './prng';

/** Build of the A1566 capture (fw 24102401_25462b2_9ddf522). */
export const AVALON_BUILD = '24102401_25462b2_9ddf522';
/** GHSavg and WU come from the same diff1 count in cgminer's driver: GH/s = WU x 4.294967296 / 60. */
const WU_PER_GHS = 60 / 4.294967296;
/** Fan duty as the capture pairs it with RPM (4275 RPM at 49 %). */
const RPM_PER_PERCENT = 87.2;
/** Per-board constants of the capture (frequency steps, PLL counters, ATA options). */
const SF = '300 318 339 360';
const ATAOPTS = '--avalon10-freq 300:318:339:360 --avalon10-voltage-level 1188 --hash-asic 160';

/** "MODEL" as the A1566 firmware writes it: PROD without "AvalonMiner ", e.g. "1566-185". */
export function avalonModelCode(rig: RigPlan): string {
  return rig.model.firmwareModel.replace(/^AvalonMiner\s+/i, '');
}

/** 16 hex digits, stable per rig (DNA is the control board's chip id). */
export function avalonDna(rig: RigPlan): string {
  return `0201${rig.idHash.toString(16).padStart(8, '0')}${(hash32(rig.idHash, 7) & 0xffff).toString(16).padStart(4, '0')}`;
}

/** Per-chip values of one board, deterministic per rig, board and chip. */
function chipValues(rig: RigPlan, b: BoardState, stream: number, lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < b.chips; k++) out.push(lo + Math.floor(unit(rig.idHash, stream, b.slot, k) * (hi - lo + 1)));
  return out;
}

/** Chip sensors spread between the board's coolest and hottest sensor, the hottest chip included. */
function chipTemps(rig: RigPlan, b: BoardState): number[] {
  const temps = chipValues(rig, b, 11, Math.min(...b.chipTempsC), Math.max(...b.chipTempsC));
  if (temps.length) temps[rig.idHash % temps.length] = Math.max(...b.chipTempsC);
  return temps;
}

/** The whole MM ID0 value. */
export function avalonMmBlob(rig: RigPlan, state: MinerState): string {
  const boards = state.boards.filter((b) => b.present);
  const perBoard = (f: (b: BoardState, j: number) => string | number) => boards.map(f).join(' ');
  const each = (key: string, f: (b: BoardState, j: number) => string): Array<[string, string]> =>
    boards.map((b, j) => [`${key}${j}`, f(b, j)]);
  const wallW = Math.round(state.powerW);
  const ghsAvg = boards.reduce((acc, b) => acc + Number(fixed(b.hashrateAvgThs * 1000)), 0);
  const ghsMm = boards.reduce((acc, b) => acc + b.idealHashrateThs * 1000, 0);
  const chipAvgC = boards.length ? boards.reduce((acc, b) => acc + b.chipTempAvgC, 0) / boards.length : 0;
  const meanRpm = state.fansRpm.length ? state.fansRpm.reduce((a, r) => a + r, 0) / state.fansRpm.length : 0;
  const dhPct = fixed(0.4 + unit(rig.idHash, 13, Math.floor(state.tMs / 60_000)), 3);
  const tokens: Array<[string, string]> = [
    ['Ver', `${avalonModelCode(rig)}-${AVALON_BUILD}`],
    ['DNA', avalonDna(rig)],
    ['MEMFREE', '1392832.1381104'],
    ['NETFAIL', '0 0 0 0 0 0 0 0'],
    ['SYSTEMSTATU', `Work: In Work, Hash Board: ${boards.length} `],
    ['Elapsed', String(state.elapsedS)],
    ['BOOTBY', '0x04.00000000'],
    ['LW', String(Math.floor(state.elapsedS * 732))],
    ['MH', perBoard((b) => b.hardwareErrors)],
    ['DHW', '0'],
    ['HW', String(state.hardwareErrors)],
    ['DH', `${dhPct}%`],
    ['Temp', String(Math.round(state.envTempC))],
    ['TMax', String(state.tempMaxC)],
    ['TAvg', String(Math.round(chipAvgC))],
    ...state.fansRpm.map((rpm, i): [string, string] => [`Fan${i + 1}`, String(rpm)]),
    ['FanR', `${Math.min(100, Math.round(meanRpm / RPM_PER_PERCENT))}%`],
    ['Vo', '296'],
    // power_info[0..6]: status, rails, output, and wall power last (cgminer reads WALLPOWER from [6]).
    ['PS', `0 1209 1187 297 ${Math.round(state.powerW * 0.945)} 1188 ${wallW}`],
    ['WALLPOWER', String(wallW)],
    ...each('PLL', (b) => [3346, 2549, 4722, 13703].map((p, i) => p + (hash32(rig.idHash, b.slot, i) % 700)).join(' ')),
    ['GHSspd', fixed(state.hashrateThs * 1000)],
    ['DHspd', `${dhPct}%`],
    ['GHSmm', fixed(ghsMm)],
    ['GHSavg', fixed(ghsAvg)],
    ['WU', fixed(ghsAvg * WU_PER_GHS)],
    // Average chip frequency: the firmware steps it down with the hash rate when it throttles.
    ['Freq', fixed(ghsMm > 0 ? (rig.model.freqMhz * state.hashrateThs * 1000) / ghsMm : 0)],
    ['Led', '0'],
    ['MGHS', perBoard((b) => fixed(b.hashrateAvgThs * 1000))],
    ['MTmax', perBoard((b) => Math.max(...b.chipTempsC))],
    ['MTavg', perBoard((b) => Math.round(b.chipTempAvgC))],
    ['MVavg', perBoard((b, j) => fixed(285.7 + 0.3 * j, 1))],
    ['TA', String(boards.reduce((acc, b) => acc + b.chips, 0))],
    ['Core', 'A3197S'],
    ['PING', '131'],
    ['POWS', '0'],
    ['EEPROM', perBoard((b) => b.chips)],
    ['HASHS', perBoard(() => 0)],
    ['POOLS', '0'],
    ['SoftOFF', '0'],
    ['ECHU', perBoard(() => 0)],
    ['ECMM', '0'],
    ...each('SF', () => SF),
    ...each('PVT_T', (b) =>
      chipTemps(rig, b)
        .map((t) => String(t).padStart(3))
        .join(' '),
    ),
    ...each('PVT_V', (b) => chipValues(rig, b, 12, 276, 295).join(' ')),
    ['MW', perBoard((b) => Math.floor(b.hashrateAvgThs * state.elapsedS * 3.9))],
    ...each('MW', (b) => chipValues(rig, b, 14, 9, 35).join(' ')),
    ['CRC', perBoard(() => 0)],
    ['COMCRC', perBoard(() => 0)],
    ...each('FACOPTS', () => ''),
    ...each('ATAOPTS', () => ATAOPTS),
    ['ADJ', '1'],
    ['COP', perBoard(() => 0)],
    ['MPO', '3515'],
    ['MVL', '87'],
    ...each('ATABD', () => SF),
    ['WORKMODE', '1'],
  ];
  return tokens.map(([k, v]) => `${k}[${v}]`).join(' ');
}
