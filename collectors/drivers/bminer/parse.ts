/**
 * bminer HTTP API v1 (protocols.md §2.3): /api/v1/status/solver (+ /device, /stratum) -> Reading. Pure.
 *   solver:  {"devices": {"0": {"solvers": [{"algorithm": "ethash", "speed_info": {"hash_rate": H/s}}, ...]}}}
 *   device:  {"devices": {"0": {"temperature", "power" (W), "fan_speed" (%), "clocks"...}}}   (unverified)
 *   stratum: {"stratums": {"<algorithm>": {"failover_uris": [{"name", "active"}], "accepted_shares", "rejected_shares"}}}
 * Quirk: dual mining lists two solvers per GPU (ethash + blake2s in the capture). Their rates are of two
 * algorithms and cannot be added; the first solver's algorithm is the rig's and only its rate counts.
 * bminer names no GPUs.
 */
import type { PoolReading, Reading } from '../../../lib/domain/reading';
import { num, obj, str } from '../cgminer-tcp/coerce';
import { gpuMinerReading, minerAlgorithm, nonNegative, reportedWatts, shareCount, type MinerGpu } from '../gpu-miner/reading';
import { DeviceError } from '../types';

export const BMINER_SOLVER_PATH = '/api/v1/status/solver';
export const BMINER_DEVICE_PATH = '/api/v1/status/device';
export const BMINER_STRATUM_PATH = '/api/v1/status/stratum';

/** Parsed bodies of one poll; solver is required. */
export interface BminerReplies {
  solver: unknown;
  device?: unknown;
  stratum?: unknown;
}

/** A solver reply: devices is an object of {solvers: [...]}. */
export function isBminerSolver(body: unknown): boolean {
  const devices = obj(obj(body)?.devices);
  if (!devices) return false;
  const values = Object.values(devices);
  return values.length > 0 && values.every((d) => Array.isArray(obj(d)?.solvers));
}

/** Device ids in numeric order ("0", "1", ..., "10"). */
function deviceIds(devices: Record<string, unknown>): string[] {
  return Object.keys(devices).sort((a, b) => (num(a) ?? Infinity) - (num(b) ?? Infinity) || a.localeCompare(b));
}

function solversOf(device: unknown): Array<Record<string, unknown>> {
  const list = obj(device)?.solvers;
  return Array.isArray(list) ? list.map(obj).filter((s): s is Record<string, unknown> => s !== null) : [];
}

/**
 * "ethproxy://0xb76d...w@guangdong-pool.ethfans.org:3333/" -> url "ethproxy://guangdong-pool.ethfans.org:3333",
 * user "0xb76d...w" (the wallet.worker before "@"; bminer's c=/d= options after ":" are dropped).
 */
export function bminerPoolUri(name: string): { url: string; user: string } {
  const m = /^([a-z0-9+.-]+:\/\/)?(?:([^@/]*)@)?([^/]*)/i.exec(name.trim());
  const scheme = m?.[1] ?? '';
  const user = (m?.[2] ?? '').split(':')[0];
  const host = m?.[3] ?? name;
  return { url: `${scheme}${host}`, user: decodeURIComponentSafe(user) };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The stratum reply as pools, the rig's algorithm first. */
function bminerPools(stratum: unknown, algorithm: string | null): PoolReading[] {
  const stratums = obj(obj(stratum)?.stratums);
  if (!stratums) return [];
  const keys = Object.keys(stratums).sort((a, b) => Number(b.toLowerCase() === algorithm) - Number(a.toLowerCase() === algorithm));
  const pools: PoolReading[] = [];
  for (const key of keys) {
    const s = obj(stratums[key]);
    const uris = (Array.isArray(s?.failover_uris) ? s.failover_uris : []).map(obj).filter((u): u is Record<string, unknown> => u !== null);
    const uri = uris.find((u) => u.active === true) ?? uris[0];
    const name = str(uri?.name);
    if (!s || !uri || !name) continue;
    const { url, user } = bminerPoolUri(name);
    pools.push({
      url,
      user,
      status: uri.active === true ? 'Alive' : 'Dead',
      accepted: shareCount(s.accepted_shares),
      rejected: shareCount(s.rejected_shares),
    });
  }
  return pools;
}

/** Sum of the numbers present; null when none is or the sum overflows. */
function finiteSum(values: Array<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  const total = present.reduce((a, b) => a + b, 0);
  return present.length && Number.isFinite(total) ? total : null;
}

/** Normalizes bminer's solver (+ device, stratum) replies into a Reading (boards = devices by id). */
export function parseBminer(replies: BminerReplies, opts: { modelHint?: string | null } = {}): Reading {
  const solverDevices = obj(obj(replies.solver)?.devices);
  if (!solverDevices) throw new DeviceError('unexpected', 'bminer solver reply has no "devices" object');
  const ids = deviceIds(solverDevices);
  const first = ids.map((id) => solversOf(solverDevices[id])[0]).find((s) => s !== undefined);
  if (!first) throw new DeviceError('unexpected', 'bminer solver reply lists no solver on any device');
  const algorithmName = str(first.algorithm);
  const algorithm = minerAlgorithm(algorithmName);
  const statusDevices = obj(obj(replies.device)?.devices) ?? {};
  const gpus: MinerGpu[] = ids.map((id) => {
    const rates = solversOf(solverDevices[id])
      .filter((s) => str(s.algorithm) === algorithmName)
      .map((s) => nonNegative(obj(s.speed_info)?.hash_rate));
    const dev = obj(statusDevices[id]);
    return {
      name: null,
      hashrateHs: finiteSum(rates),
      powerW: reportedWatts(dev?.power),
      tempC: num(dev?.temperature),
    };
  });
  if (!gpus.some((g) => g.hashrateHs !== null)) {
    throw new DeviceError('unexpected', `bminer solver reply has no hash_rate for ${algorithmName ?? 'the first solver'} on any device`);
  }
  const reading = gpuMinerReading(
    { driver: 'bminer', firmware: 'bminer', algorithm, totalHs: null, gpus, pools: bminerPools(replies.stratum, algorithm), uptimeS: null },
    opts,
  );
  return { ...reading, model: opts.modelHint?.trim() || `${gpus.length}x GPU` };
}
