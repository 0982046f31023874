/**
 * The physical state of one simulated miner at an instant: a pure function of (rig, seed, time). Replies are
 * rendered from this; truth() reports it. Nothing here keeps state, so polling never perturbs the values.
 */
import type { RigPlan } from './fleet-plan';
import { between, hash32, walk } from './prng';

/** Flapping rig: listener closed during minutes 6-8 of every 8-minute block since the Unix epoch. */
export const FLAP_PERIOD_MS = 8 * 60_000;
/** Offset into each flap period at which the flapping rig drops off the network. */
export const FLAP_OFFLINE_FROM_MS = 6 * 60_000;
/** Overheating rig: one cycle every 10 minutes since the Unix epoch (see overheatAt). */
export const OVERHEAT_PERIOD_MS = 10 * 60_000;

/** Hash rate drift per board: at most +/-2.8 % around nameplate (brief: within about 3 %). */
const HASH_DRIFT = 0.028;
/** Efficiency drift: J/TH within +/-1.8 % of nameplate (brief: 2 %). */
const EFF_DRIFT = 0.018;
/** Pool share difficulty; sets how fast Accepted grows (same as the M31S capture). */
export const SHARE_DIFFICULTY = 262144;

// Stream tags keep the random walks of different quantities independent.
const S_HASH = 1,
  S_EFF = 2,
  S_TEMP = 3,
  S_FAN = 4,
  S_BOOT = 5,
  S_BIAS = 6,
  S_HW = 7,
  S_ENV = 8,
  S_SHARE = 9;

/** One hash board (chain) at an instant. */
export interface BoardState {
  /** Firmware slot, 1-based as Antminer numbers chains (Whatsminer slots are this minus one). */
  slot: number;
  present: boolean;
  chips: number;
  hashrateThs: number;
  hashrate1mThs: number;
  hashrate5mThs: number;
  hashrate15mThs: number;
  hashrate30mThs: number;
  hashrateAvgThs: number;
  idealHashrateThs: number;
  /** Four chip sensors as Antminer reports them (inlet low, inlet high, outlet low, outlet high), integers. */
  chipTempsC: number[];
  pcbTempsC: number[];
  picTempsC: number[];
  /** Mean chip temperature (Whatsminer "Chip Temp Avg"), two decimals. */
  chipTempAvgC: number;
  hardwareErrors: number;
  accepted: number;
}

/** The whole miner at an instant. */
export interface MinerState {
  tMs: number;
  elapsedS: number;
  /** False while the scripted flapping fault has the rig off the network. */
  online: boolean;
  status: 'mining' | 'throttled';
  /** 0 (normal) .. 1 (hottest) on the overheating rig, 0 elsewhere. */
  heat: number;
  boards: BoardState[];
  hashrateThs: number;
  hashrate1mThs: number;
  hashrate5mThs: number;
  hashrate15mThs: number;
  hashrate30mThs: number;
  hashrateAvgThs: number;
  expectedHashrateThs: number;
  powerW: number;
  fansRpm: number[];
  tempMaxC: number;
  envTempC: number;
  accepted: number;
  rejected: number;
  hardwareErrors: number;
  bestShare: number;
  /** Seconds since the last accepted share. */
  lastShareAgoS: number;
}

/** True while the flapping rig should refuse connections at tMs. */
export function flappingOffline(tMs: number): boolean {
  return mod(tMs, FLAP_PERIOD_MS) >= FLAP_OFFLINE_FROM_MS;
}

/**
 * Overheating cycle, minutes into each 10-minute block: 0-4 normal; 4-6 heating (chips climb from ~70 to
 * ~95 degC, still full speed); 6-8 throttled (hash rate ~50 %, chips 91-97 degC, fans at 6,500); 8-10
 * cooling back to normal at full speed.
 */
export function overheatAt(tMs: number): { heat: number; throttled: boolean } {
  const p = mod(tMs, OVERHEAT_PERIOD_MS) / 60_000;
  if (p < 4) return { heat: 0, throttled: false };
  if (p < 6) return { heat: (p - 4) / 2, throttled: false };
  if (p < 8) return { heat: 1, throttled: true };
  return { heat: 1 - (p - 8) / 2, throttled: false };
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function boardPresent(rig: RigPlan, slot: number): boolean {
  // The lost board is always slot 2 so the gap sits between two working chains, as operators see it.
  return !(rig.fault === 'lost-board' && slot === 2);
}

function idealBoardThs(rig: RigPlan): number {
  return rig.model.nameplateHashrateThs / rig.model.boards;
}

/** Instant hash rate of one board, including throttling; 0 for a missing board. */
function boardInstantThs(rig: RigPlan, seed: number, slot: number, tMs: number): number {
  if (!boardPresent(rig, slot)) return 0;
  const drift = 1 + HASH_DRIFT * walk(seed, hash32(S_HASH, rig.index, slot), tMs);
  const throttle = rig.fault === 'overheat' && overheatAt(tMs).throttled ? 0.5 : 1;
  return idealBoardThs(rig) * drift * throttle;
}

/** Mean over the trailing window, sampled: enough to smooth the walk the way firmware averages do. */
function boardWindowThs(rig: RigPlan, seed: number, slot: number, tMs: number, windowMs: number): number {
  const samples = 6;
  let sum = 0;
  for (let i = 0; i < samples; i++) sum += boardInstantThs(rig, seed, slot, tMs - (windowMs * i) / samples);
  return sum / samples;
}

/** Uptime in seconds; each rig reboots every 10-30 days at a fixed phase, so counters reset like firmware's. */
function elapsedAt(rig: RigPlan, seed: number, tMs: number): { elapsedS: number; bootCycle: number } {
  const periodS = Math.floor(between(10 * 86400, 30 * 86400, seed, S_BOOT, rig.index));
  const offsetS = Math.floor(between(0, periodS, seed, S_BOOT, rig.index, 1));
  const sinceS = Math.floor(tMs / 1000) - offsetS;
  return { elapsedS: mod(sinceS, periodS), bootCycle: Math.floor(sinceS / periodS) };
}

/** Chip sensor centre 66-72 degC (+19 at full heat); sensors sit -6/-3/+3/+6 around it, so 60-78 normally. */
function chipCentreC(rig: RigPlan, seed: number, slot: number, tMs: number, heat: number): number {
  return 69 + 3 * walk(seed, hash32(S_TEMP, rig.index, slot), tMs) + 19 * heat;
}

/** State of one rig at tMs. Same inputs, same output: the basis of deterministic replies. */
export function minerStateAt(rig: RigPlan, seed: number, tMs: number): MinerState {
  const { heat, throttled } = rig.fault === 'overheat' ? overheatAt(tMs) : { heat: 0, throttled: false };
  const { elapsedS, bootCycle } = elapsedAt(rig, seed, tMs);
  const avgThrottle = rig.fault === 'overheat' ? 0.9 : 1; // 2 of 10 minutes at half speed
  const boards: BoardState[] = [];
  for (let slot = 1; slot <= rig.model.boards; slot++) {
    const present = boardPresent(rig, slot);
    const ideal = idealBoardThs(rig);
    const bias = between(-0.005, 0.005, seed, S_BIAS, rig.index, slot);
    const centre = chipCentreC(rig, seed, slot, tMs, heat);
    const chip = present ? [-6, -3, 3, 6].map((d) => Math.round(centre + d)) : [0, 0, 0, 0];
    const hwPerS = between(0.002, 0.03, seed, S_HW, rig.index, slot);
    boards.push({
      slot,
      present,
      chips: present ? rig.model.chipsPerBoard : 0,
      hashrateThs: boardInstantThs(rig, seed, slot, tMs),
      hashrate1mThs: boardWindowThs(rig, seed, slot, tMs, 60_000),
      hashrate5mThs: boardWindowThs(rig, seed, slot, tMs, 5 * 60_000),
      hashrate15mThs: boardWindowThs(rig, seed, slot, tMs, 15 * 60_000),
      hashrate30mThs: boardWindowThs(rig, seed, slot, tMs, 30 * 60_000),
      hashrateAvgThs: present ? ideal * (1 + bias) * avgThrottle : 0,
      idealHashrateThs: ideal,
      chipTempsC: chip,
      pcbTempsC: present ? chip.map((c) => c - 5) : [0, 0, 0, 0],
      picTempsC: present ? chip.map((c) => c - 15) : [0, 0, 0, 0],
      chipTempAvgC: present ? round(centre + 0.4, 2) : 0,
      hardwareErrors: present ? Math.floor(elapsedS * hwPerS) : 0,
      accepted: 0,
    });
  }
  const sum = (pick: (b: BoardState) => number): number => boards.reduce((acc, b) => acc + pick(b), 0);
  const hashrateThs = sum((b) => b.hashrateThs);
  const hashrateAvgThs = sum((b) => b.hashrateAvgThs);
  const jth = rig.model.nameplatePowerW / rig.model.nameplateHashrateThs;
  const powerW = hashrateThs * jth * (1 + EFF_DRIFT * walk(seed, hash32(S_EFF, rig.index), tMs));

  const sharesPerS = (hashrateAvgThs * 1e12) / (SHARE_DIFFICULTY * 2 ** 32);
  const accepted = Math.floor(elapsedS * sharesPerS);
  let given = 0;
  for (const b of boards) {
    b.accepted = hashrateAvgThs > 0 ? Math.floor((accepted * b.hashrateAvgThs) / hashrateAvgThs) : 0;
    given += b.accepted;
  }
  const firstPresent = boards.find((b) => b.present);
  if (firstPresent) firstPresent.accepted += accepted - given; // rounding remainder, so boards sum to total

  const fanCount = rig.model.fans;
  const fanBase = between(5000, 5800, seed, S_FAN, rig.index);
  const fansRpm: number[] = [];
  for (let i = 0; i < fanCount; i++) {
    const normal = fanBase + 300 * walk(seed, hash32(S_FAN, rig.index, i), tMs) - 60 * i;
    fansRpm.push(Math.round((normal + heat * (6500 - normal)) / 10) * 10);
  }

  return {
    tMs,
    elapsedS,
    online: !(rig.fault === 'flapping' && flappingOffline(tMs)),
    status: throttled ? 'throttled' : 'mining',
    heat,
    boards,
    hashrateThs,
    hashrate1mThs: sum((b) => b.hashrate1mThs),
    hashrate5mThs: sum((b) => b.hashrate5mThs),
    hashrate15mThs: sum((b) => b.hashrate15mThs),
    hashrate30mThs: sum((b) => b.hashrate30mThs),
    hashrateAvgThs,
    expectedHashrateThs: rig.model.nameplateHashrateThs,
    powerW,
    fansRpm,
    tempMaxC: Math.max(0, ...boards.filter((b) => b.present).map((b) => Math.max(...b.chipTempsC))),
    envTempC: round(21 + 5 * walk(seed, hash32(S_ENV, rig.index % 2), tMs), 2),
    accepted,
    rejected: Math.floor(accepted / 2500),
    hardwareErrors: sum((b) => b.hardwareErrors),
    bestShare: Math.floor(between(2e8, 4e9, seed, S_SHARE, rig.index, bootCycle)),
    lastShareAgoS: Math.floor(between(0, 12, seed, S_SHARE, rig.index, Math.floor(tMs / 10_000))),
  };
}
