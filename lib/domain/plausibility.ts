/**
 * The one plausibility check between a driver's parse and storage (issue 12). Firmware sends broken
 * sensors, overflowed counters and mangled numbers; a mutated reply once gave 1e297 TH/s and 2.95e298 W,
 * which were stored and summed into the fleet. Here a reading whose hash rate or power is physically
 * impossible is refused whole (nothing of it may be stored or summed); an impossible optional field (a
 * temperature, a fan, uptime, a counter) becomes unknown with a warning and the rest is kept. Pure: the
 * bounds are the table PLAUSIBILITY, the nameplates come from nameplates.json.
 */
import { findNameplate } from './nameplate';
import { hashesSha256, type BoardReading, type PoolReading, type Reading } from './reading';
import { err, ok, type Result } from '../util/result';

/** A closed range of plausible values. */
export interface Range {
  min: number;
  max: number;
}

/** A GPU algorithm family: the names it goes by (prefixes of the lowercased name) and what one GPU does at most. */
export interface GpuAlgorithmBound {
  family: string;
  prefixes: readonly string[];
  /** Hashes (solutions, graphs) per second of that algorithm one GPU does at most, with headroom. */
  perGpuMaxHs: number;
}

const YEAR_S = 365 * 86_400;

/**
 * Every bound, in one place. Hash rate and power are measured against the model's nameplate (economics.md
 * table, lib/domain/nameplates.json) when the model is known. GPU rates are H/s of the rig's own algorithm
 * (hashrateThs = H/s / 1e12): the per-GPU maxima are roughly 2-5x the fastest card known for the family
 * (RTX 4090 / H100 class), so a real rig never trips them and a unit mix-up (MH/s read as H/s, 1e6 off) does.
 */
export const PLAUSIBILITY = {
  /** SHA-256 TH/s: up to 3x the nameplate; a model without a nameplate up to 2,000 TH/s. */
  hashrate: { min: 0, nameplateFactor: 3, unknownSha256MaxThs: 2_000 },
  /** Measured wall power: up to 2x the nameplate; a model without a nameplate (GPU rigs too) up to 20 kW. */
  power: { min: 0, nameplateFactor: 2, unknownMaxW: 20_000 },
  /** Chip, board and GPU temperatures, degC. */
  tempC: { min: -40, max: 150 },
  /** Fan speed; the fastest server fans run about 20,000 rpm. */
  fanRpm: { min: 0, max: 30_000 },
  /** Time since the miner started: nothing runs 20 years without a restart. */
  uptimeS: { min: 0, max: 20 * YEAR_S },
  /** Counters (hardware errors, pool shares): whole enough to add up exactly. */
  count: { min: 0, max: Number.MAX_SAFE_INTEGER },
  /** Chips on one hash board (S19: 76-114, S21: 108); GPUs report none. */
  chips: { min: 0, max: 1_000 },
  /** J/TH derives from power and hash rate (a rig at 1 % of its rate has a huge one): finite and >= 0. */
  efficiencyJth: { min: 0, max: Number.MAX_VALUE },
  gpu: {
    /** Whole-rig GPU rate = per-GPU maximum x this many GPUs (the largest open-frame rigs carry 19). */
    maxGpusPerRig: 32,
    /** An algorithm not below (or none named): above every GPU algorithm's fastest card (blake3 ~10 GH/s). */
    unknownPerGpuMaxHs: 1e11,
    algorithms: [
      { family: 'ethash', prefixes: ['ethash', 'etchash', 'daggerhashimoto', 'ubqhash'], perGpuMaxHs: 5e8 },
      { family: 'progpow', prefixes: ['kawpow', 'firopow', 'progpow', 'meowpow', 'evrprogpow'], perGpuMaxHs: 2e8 },
      { family: 'autolykos', prefixes: ['autolykos'], perGpuMaxHs: 2e9 },
      { family: 'octopus', prefixes: ['octopus'], perGpuMaxHs: 5e8 },
      { family: 'x16', prefixes: ['x16', 'x21', 'x22', 'x25'], perGpuMaxHs: 1e9 },
      { family: 'equihash (sol/s)', prefixes: ['equihash', 'zhash', 'zelhash', 'beamhash'], perGpuMaxHs: 1e5 },
      { family: 'cuckoo (graphs/s)', prefixes: ['cuckatoo', 'cuckaroo', 'cuckoo', 'grin', 'c29', 'c31', 'c32'], perGpuMaxHs: 1e3 },
      { family: 'cryptonight/randomx', prefixes: ['cryptonight', 'cn', 'randomx', 'rx/'], perGpuMaxHs: 1e6 },
    ] satisfies GpuAlgorithmBound[],
  },
} as const;

/** At most this many warnings are kept per reading; the rest are counted in the last one. */
const MAX_WARNINGS = 10;

/** The verdict: a reading to store (optional fields cleaned, warnings added) or why it is refused. */
export type PlausibilityVerdict = Result<Reading, Implausible>;

/** Why a reading is refused: the field, the value it had, and the message naming both. */
export interface Implausible {
  field: string;
  value: unknown;
  message: string;
}

/** The hash-rate and power ceilings of one reading, with why, for messages. */
export interface ReadingLimits {
  hashrateMaxThs: number;
  hashrateWhy: string;
  /** Ceiling of one board (an ASIC board) or one GPU. */
  boardHashrateMaxThs: number;
  powerMaxW: number;
  powerWhy: string;
}

/** The GPU algorithm row for `algorithm` (lowercased prefix match), or null when none fits. */
export function gpuAlgorithmBound(algorithm: string | null | undefined): GpuAlgorithmBound | null {
  const name = (algorithm ?? '').trim().toLowerCase();
  if (!name) return null;
  return PLAUSIBILITY.gpu.algorithms.find((a) => a.prefixes.some((p) => name.startsWith(p))) ?? null;
}

/** The ceilings for a reading: from the nameplate of its model (or the registered one), else the table's defaults. */
export function readingLimits(reading: Pick<Reading, 'model' | 'algorithm'>, modelHint?: string | null): ReadingLimits {
  const plate = nameplateOf(reading.model) ?? nameplateOf(modelHint);
  const { hashrate, power, gpu } = PLAUSIBILITY;
  const powerMaxW = plate ? power.nameplateFactor * plate.powerW : power.unknownMaxW;
  const powerWhy = plate
    ? `${power.nameplateFactor}x the ${plate.model} nameplate of ${plate.powerW} W`
    : 'the limit for a model without a nameplate';
  if (hashesSha256(reading)) {
    const hashrateMaxThs = plate ? hashrate.nameplateFactor * plate.hashrateThs : hashrate.unknownSha256MaxThs;
    const hashrateWhy = plate
      ? `${hashrate.nameplateFactor}x the ${plate.model} nameplate of ${plate.hashrateThs} TH/s`
      : 'the limit for a SHA-256 model without a nameplate';
    return { hashrateMaxThs, hashrateWhy, boardHashrateMaxThs: hashrateMaxThs, powerMaxW, powerWhy };
  }
  const row = gpuAlgorithmBound(reading.algorithm);
  const perGpuThs = (row?.perGpuMaxHs ?? gpu.unknownPerGpuMaxHs) / 1e12;
  const what = row
    ? `${row.perGpuMaxHs.toExponential()} H/s of ${row.family}`
    : `${gpu.unknownPerGpuMaxHs.toExponential()} H/s (algorithm not in the table)`;
  return {
    hashrateMaxThs: perGpuThs * gpu.maxGpusPerRig,
    hashrateWhy: `${gpu.maxGpusPerRig} GPUs x ${what}`,
    boardHashrateMaxThs: perGpuThs,
    powerMaxW,
    powerWhy,
  };
}

/** Checks a parsed reading; never throws. `modelHint` is the registered model, used when the reading's has no nameplate. */
export function checkPlausibility(reading: Reading, modelHint?: string | null): PlausibilityVerdict {
  const limits = readingLimits(reading, modelHint);
  const hashrate: Range = { min: PLAUSIBILITY.hashrate.min, max: limits.hashrateMaxThs };
  if (!inRange(reading.hashrateThs, hashrate)) return refuse('hashrateThs', reading.hashrateThs, hashrate, limits.hashrateWhy);
  // An estimate is the nameplate J/TH times the checked hash rate: it cannot exceed what that allows.
  const estimated = reading.powerSource === 'estimated';
  const power: Range = { min: PLAUSIBILITY.power.min, max: estimated ? Number.MAX_VALUE : limits.powerMaxW };
  if (reading.powerW !== null && !inRange(reading.powerW, power)) return refuse('powerW', reading.powerW, power, limits.powerWhy);

  const warnings: string[] = [...(Array.isArray(reading.warnings) ? reading.warnings : [])];
  const { tempC, fanRpm, uptimeS, count, chips, efficiencyJth } = PLAUSIBILITY;
  const board: Range = { min: 0, max: limits.boardHashrateMaxThs };
  const optional = (field: string, v: number | null, range: Range): number | null => {
    if (v === null || inRange(v, range)) return v;
    warnings.push(`${field} = ${show(v)} (${rule(v, range)}): stored as unknown`);
    return null;
  };
  const boards = listOf(reading.boards, 'boards', warnings).map((b: BoardReading, i): BoardReading => ({
    ...b,
    hashrateThs: optional(`boards[${i}].hashrateThs`, b.hashrateThs, board),
    chips: optional(`boards[${i}].chips`, b.chips, chips),
    tempC: optional(`boards[${i}].tempC`, b.tempC, tempC),
  }));
  const fansRpm = listOf(reading.fansRpm, 'fansRpm', warnings).filter((rpm, i) => {
    if (inRange(rpm, fanRpm)) return true;
    warnings.push(`fansRpm[${i}] = ${show(rpm)} (${rule(rpm, fanRpm)}): left out`);
    return false;
  });
  const pools = listOf(reading.pools, 'pools', warnings).filter((p: PoolReading, i) => {
    const bad = (['accepted', 'rejected'] as const).find((k) => !inRange(p[k], count));
    if (bad === undefined) return true;
    warnings.push(`pools[${i}].${bad} = ${show(p[bad])} (${rule(p[bad], count)}): pool left out`);
    return false;
  });
  const checked: Reading = {
    ...reading,
    expectedHashrateThs: optional('expectedHashrateThs', reading.expectedHashrateThs, hashrate),
    efficiencyJth: optional('efficiencyJth', reading.efficiencyJth, efficiencyJth),
    boards,
    tempMaxC: optional('tempMaxC', reading.tempMaxC, tempC),
    fansRpm,
    pools,
    uptimeS: optional('uptimeS', reading.uptimeS, uptimeS),
    hardwareErrors: optional('hardwareErrors', reading.hardwareErrors, count),
  };
  delete checked.warnings;
  if (warnings.length > 0) checked.warnings = capped(warnings);
  return ok(checked);
}

/**
 * True when a stored reading's hash rate and power are within the table: what sums into fleet totals. A
 * reading an older version stored unchecked (a negative hash rate) is then not summed while it is shown.
 */
export function summable(reading: Reading, modelHint?: string | null): boolean {
  const limits = readingLimits(reading, modelHint);
  const powerMax = reading.powerSource === 'estimated' ? Number.MAX_VALUE : limits.powerMaxW;
  return (
    inRange(reading.hashrateThs, { min: PLAUSIBILITY.hashrate.min, max: limits.hashrateMaxThs }) &&
    (reading.powerW === null || inRange(reading.powerW, { min: PLAUSIBILITY.power.min, max: powerMax }))
  );
}

/** True for a finite number inside `range`. */
export function inRange(v: unknown, range: Range): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= range.min && v <= range.max;
}

/** Nameplate lookups by model name, remembered: a fleet has few models and every reading of every sweep asks. */
const plates = new Map<string, ReturnType<typeof findNameplate>>();

function nameplateOf(model: string | null | undefined) {
  if (typeof model !== 'string') return null;
  let plate = plates.get(model);
  if (plate === undefined) {
    if (plates.size >= 1_000) plates.clear(); // a device inventing model names cannot grow this without bound
    plate = findNameplate(model);
    plates.set(model, plate);
  }
  return plate;
}

function refuse(field: string, value: unknown, range: Range, why: string): PlausibilityVerdict {
  const tooHigh = typeof value === 'number' && Number.isFinite(value) && value > range.max;
  const detail = tooHigh ? `${rule(value, range)}: ${why}` : rule(value, range);
  return err({ field, value, message: `${field} = ${show(value)} (${detail})` });
}

/** Which side of the range `v` missed: "must be >= 0", "must be <= 150", "must be a finite number". */
function rule(v: unknown, range: Range): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return 'must be a finite number';
  return v < range.min ? `must be >= ${show(range.min)}` : `must be <= ${show(range.max)}`;
}

/** A value for a message: numbers as JavaScript writes them (1e+297, NaN), anything else short and quoted. */
function show(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) || !Number.isFinite(v) ? String(v) : String(Number(v.toPrecision(6)));
  if (typeof v === 'string') return JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v);
  return v === null ? 'null' : typeof v;
}

/** The list, or [] with a warning when a parser handed something else. */
function listOf<T>(v: readonly T[], field: string, warnings: string[]): T[] {
  if (Array.isArray(v)) return [...v];
  warnings.push(`${field} is not a list: left out`);
  return [];
}

function capped(warnings: string[]): string[] {
  if (warnings.length <= MAX_WARNINGS) return warnings;
  return [...warnings.slice(0, MAX_WARNINGS - 1), `and ${warnings.length - MAX_WARNINGS + 1} more implausible values left out`];
}
