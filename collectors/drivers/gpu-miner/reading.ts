/**
 * What the GPU miner drivers with an HTTP JSON API (T-Rex, lolMiner, GMiner, NBMiner) share once each has
 * read its own reply shape: hash-rate units, GPU names -> make and model, the rig status rule, and the
 * assembly of the Reading (boards = GPUs, power from the miner or none, no nameplate estimate). Pure.
 */
import { efficiencyJth, type BoardReading, type MinerStatus, type PoolReading, type Reading } from '../../../lib/domain/reading';
import { maxOf, num, str, validTempC } from '../cgminer-tcp/coerce';
import { DeviceError } from '../types';

/** One GPU as its miner reports it, in Hashwatt units (H/s of the algorithm, W, degC). */
export interface MinerGpu {
  name: string | null;
  hashrateHs: number | null;
  powerW: number | null;
  tempC: number | null;
  /** The GPU's throttle limit when the miner reports one (GMiner `temperature_limit`). */
  tempLimitC?: number | null;
}

/** Everything a GPU miner driver read off its reply. */
export interface GpuMinerFacts {
  driver: string;
  firmware: string;
  algorithm: string | null;
  /** The miner's own rig total in H/s; the sum of the GPUs when null. */
  totalHs: number | null;
  /** The miner's own rig total in W (NBMiner, lolMiner); the sum of the GPUs when null. */
  totalPowerW?: number | null;
  gpus: MinerGpu[];
  pools: PoolReading[];
  uptimeS: number | null;
  hardwareErrors?: number | null;
  /** The miner says it is paused (T-Rex `paused`, unverified). */
  paused?: boolean;
}

/**
 * Without a limit from the miner: NVIDIA's default slowdown point is around 90 degC on the cards these
 * miners run (GMiner reports `temperature_limit` 90 on every GPU of both captures).
 */
export const GPU_THROTTLE_C = 90;

const H_PER_TH = 1e12;

/** A rate or count that is a finite number >= 0, else null. */
export function nonNegative(v: unknown): number | null {
  const n = num(v);
  return n !== null && n >= 0 ? n : null;
}

/** Watts the miner reports; 0 means "no sensor" (lolMiner 1.0 on a GTX 1050 Ti sends 0), so null. */
export function reportedWatts(v: unknown): number | null {
  const n = num(v);
  return n !== null && n > 0 ? n : null;
}

/** A share counter: a non-negative integer, else 0. */
export function shareCount(v: unknown): number {
  const n = num(v);
  return n !== null && n >= 0 ? Math.floor(n) : 0;
}

/** Whole seconds >= 0, else null. */
export function seconds(v: unknown): number | null {
  const n = nonNegative(v);
  return n === null ? null : Math.floor(n);
}

const PREFIX: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15 };
/** Units counted as hashes: H/s, Sol/s (Equihash solutions) and G/s (Cuckoo graphs), protocols.md §0. */
const COUNTS = new Set(['h', 'hash', 'sol', 'sols', 'g', 'gps', 'graph', 'graphs']);

/**
 * Hashes per second in one of `unit`: "sol/s" and "G/s" -> 1, "mh/s" and "MH/s" -> 1e6, "kh/s" -> 1e3.
 * "g/s" is graphs (Cuckoo), "gh/s" gigahashes. Null for a unit this does not know.
 */
export function rateUnitFactor(unit: unknown): number | null {
  const s = str(unit);
  if (s === null) return null;
  const base = s
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/\/s$|ps$/, '');
  if (COUNTS.has(base)) return 1;
  const prefix = base.charAt(0);
  return prefix in PREFIX && prefix !== '' && COUNTS.has(base.slice(1)) && base.slice(1) !== 'g' ? PREFIX[prefix] : null;
}

/** NBMiner's formatted rate "23.0 M" -> 23e6 H/s (SI suffix, no unit); a plain number as is. */
export function siRate(v: unknown): number | null {
  if (typeof v !== 'string') return nonNegative(v);
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kKMGTP]?)\s*(?:h\/s)?\s*$/i.exec(v);
  if (!m) return null;
  return Number(m[1]) * PREFIX[m[2].toLowerCase()];
}

/** The coin algorithm lowercased, without GMiner's quoted nickname: 'Equihash 150,5 "Beam-PoW"' -> "equihash 150,5". */
export function minerAlgorithm(v: unknown): string | null {
  const s = str(v);
  if (s === null) return null;
  const name = s
    .replace(/"[^"]*"/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return name === '' ? null : name;
}

/** Board partners that GMiner puts in front of the GPU name ("EVGA GeForce GTX 1070 Ti 8GB"). */
const BOARD_PARTNER =
  /^(?:asus|asrock|biostar|colorful|evga|gainward|galax|gigabyte|inno3d|kfa2|manli|msi|palit|pny|powercolor|sapphire|xfx|yeston|zotac)\s+/i;
/** Memory size after the name: GMiner "8GB", NBMiner "11178 MB". */
const MEMORY_SUFFIX = /\s+\d+(?:\.\d+)?\s*[GM]i?B$/i;

/** The GPU model as operators say it: "EVGA GeForce GTX 1070 Ti 8GB" -> "GeForce GTX 1070 Ti". */
export function gpuName(raw: unknown): string | null {
  const s = str(raw);
  if (s === null) return null;
  return s.replace(BOARD_PARTNER, '').replace(MEMORY_SUFFIX, '').trim() || null;
}

const NVIDIA_NAME = /nvidia|geforce|quadro|tesla|titan|\b[gr]tx\b|\bcmp\b|\bp10[246]\b/i;
const AMD_NAME = /\bamd\b|radeon|\brx\s?\d|\bvega\b|firepro|instinct/i;

/** "NVIDIA" or "AMD" when every named GPU is one vendor's, else "GPU". */
export function gpuMake(names: readonly string[]): string {
  if (names.length === 0) return 'GPU';
  if (names.every((n) => NVIDIA_NAME.test(n))) return 'NVIDIA';
  if (names.every((n) => AMD_NAME.test(n) && !NVIDIA_NAME.test(n))) return 'AMD';
  return 'GPU';
}

/** "8x GeForce GTX 1070 Ti", or "2x A + 1x B" for a mixed rig in first-seen order; the hint without names. */
export function gpuRigModel(names: readonly string[], modelHint: string | null): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  if (counts.size === 0) return modelHint?.trim() || 'GPU rig';
  return [...counts].map(([name, n]) => `${n}x ${name}`).join(' + ');
}

/** Make, model and GPU names of a rig from the names its miner reports. */
export function describeGpuRig(rawNames: readonly unknown[], modelHint: string | null): { make: string; model: string } {
  const names = rawNames.map(gpuName).filter((n): n is string => n !== null);
  return { make: gpuMake(names), model: gpuRigModel(names, modelHint) };
}

/** The miner's pool in use as a PoolReading ("Alive": these APIs only report the pool they mine on). */
export function activePool(url: unknown, user: unknown, accepted: unknown, rejected: unknown): PoolReading[] {
  const u = str(url);
  if (u === null) return [];
  return [{ url: u, user: str(user) ?? '', status: 'Alive', accepted: shareCount(accepted), rejected: shareCount(rejected) }];
}

/**
 * Sleeping when the miner says it is paused; error when it runs but hashes nothing; throttled when a GPU
 * is at its limit (the miner's, else GPU_THROTTLE_C); otherwise mining.
 */
export function gpuRigStatus(hashrateThs: number, gpus: readonly MinerGpu[], paused: boolean): MinerStatus {
  if (paused) return 'sleeping';
  if (!(hashrateThs > 0)) return 'error';
  const hot = gpus.some((g) => g.tempC !== null && g.tempC >= (g.tempLimitC ?? GPU_THROTTLE_C));
  return hot ? 'throttled' : 'mining';
}

function sum(values: Array<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  const total = present.reduce((a, b) => a + b, 0);
  return Number.isFinite(total) ? total : null;
}

/** Absurd figures (1e300 W over 1e-300 TH/s) would divide to Infinity. */
function finiteOrNull(v: number | null): number | null {
  return v !== null && Number.isFinite(v) ? v : null;
}

/** The Reading of a GPU rig from what its miner reported; DeviceError 'unexpected' without a hash rate. */
export function gpuMinerReading(facts: GpuMinerFacts, opts: { modelHint?: string | null } = {}): Reading {
  const totalHs = facts.totalHs ?? sum(facts.gpus.map((g) => g.hashrateHs));
  if (totalHs === null || !Number.isFinite(totalHs) || totalHs < 0) {
    throw new DeviceError('unexpected', `${facts.driver} reply has no total hash rate and no per-GPU rates`);
  }
  const hashrateThs = totalHs / H_PER_TH;
  const gpuPower = sum(facts.gpus.map((g) => g.powerW));
  const powerW = reportedWatts(facts.totalPowerW) ?? (gpuPower !== null && gpuPower > 0 ? gpuPower : null);
  const gpus = facts.gpus.map((g) => ({ ...g, tempC: validTempC(g.tempC) }));
  const boards: BoardReading[] = gpus.map((g, index) => ({
    index,
    hashrateThs: g.hashrateHs === null ? null : g.hashrateHs / H_PER_TH,
    chips: null,
    tempC: g.tempC,
  }));
  const { make, model } = describeGpuRig(
    facts.gpus.map((g) => g.name),
    opts.modelHint ?? null,
  );
  return {
    driver: facts.driver,
    make,
    model,
    firmware: facts.firmware,
    status: gpuRigStatus(hashrateThs, gpus, facts.paused ?? false),
    hashrateThs,
    expectedHashrateThs: null,
    powerW,
    powerSource: powerW === null ? null : 'firmware',
    efficiencyJth: finiteOrNull(efficiencyJth(powerW, hashrateThs)),
    boards,
    tempMaxC: maxOf(gpus.map((g) => g.tempC)),
    fansRpm: [], // these APIs report fan duty in %, never RPM
    pools: facts.pools,
    uptimeS: facts.uptimeS,
    hardwareErrors: facts.hardwareErrors ?? null,
    algorithm: facts.algorithm,
  };
}
