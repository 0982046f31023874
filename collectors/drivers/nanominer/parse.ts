/**
 * nanominer HTTP API, GET /stats (protocols.md §2.3): reply -> Reading. Pure.
 *   Algorithms: [{"Ethash": {CurrentPool, "GPU 0": {Accepted, Denied, Hashrate}, Total: {...}}}]
 *   Devices: [{"GPU 0": {Name, Platform, Pci, Temperature}}], WorkTime (s)
 * Quirk: Hashrate is a string in scientific notation, "4.591157e+06" (H/s).
 */
import type { Reading } from '../../../lib/domain/reading';
import { num, obj, str } from '../cgminer-tcp/coerce';
import { activePool, gpuMinerReading, minerAlgorithm, nonNegative, reportedWatts, seconds, type MinerGpu } from '../gpu-miner/reading';
import { parseJsonReply, type DeviceHttpReply } from '../http/client';
import { DeviceError } from '../types';

export const NANOMINER_PATH = '/stats';

/** A nanominer /stats object: Algorithms[] and Devices[] of single-key objects. */
export function isNanominerStats(body: unknown): body is Record<string, unknown> {
  const s = obj(body);
  return s !== null && Array.isArray(s.Algorithms) && Array.isArray(s.Devices);
}

/** Index of a "GPU 3" key. */
function gpuKey(key: string): number | null {
  const m = /^GPU\s*(\d{1,4})$/i.exec(key);
  return m ? Number(m[1]) : null;
}

/** The first algorithm block: its name and body. Dual mining lists a second one, whose rate is another unit. */
function primaryAlgorithm(s: Record<string, unknown>): { name: string; block: Record<string, unknown> } | null {
  for (const entry of s.Algorithms as unknown[]) {
    const rec = obj(entry);
    if (!rec) continue;
    for (const [name, v] of Object.entries(rec)) {
      const block = obj(v);
      if (block) return { name, block };
    }
  }
  return null;
}

/** Normalizes a nanominer /stats body into a Reading (boards = GPUs by index). */
export function parseNanominer(body: unknown, opts: { modelHint?: string | null } = {}): Reading {
  if (!isNanominerStats(body)) throw new DeviceError('unexpected', 'nanominer /stats reply has no Algorithms[] and Devices[]');
  const algo = primaryAlgorithm(body);
  if (!algo) throw new DeviceError('unexpected', 'nanominer /stats reply has no algorithm in Algorithms[]');
  const total = obj(algo.block.Total);
  const rates = new Map<number, number | null>();
  for (const [key, v] of Object.entries(algo.block)) {
    const i = gpuKey(key);
    if (i !== null) rates.set(i, nonNegative(obj(v)?.Hashrate));
  }
  const devices = new Map<number, Record<string, unknown>>();
  for (const entry of body.Devices as unknown[]) {
    for (const [key, v] of Object.entries(obj(entry) ?? {})) {
      const i = gpuKey(key);
      const dev = obj(v);
      if (i !== null && dev && !devices.has(i)) devices.set(i, dev);
    }
  }
  const totalHs = nonNegative(total?.Hashrate);
  if (totalHs === null && ![...rates.values()].some((r) => r !== null)) {
    throw new DeviceError('unexpected', `nanominer /stats has no ${algo.name} Total.Hashrate and no per-GPU Hashrate`);
  }
  const indices = [...new Set([...rates.keys(), ...devices.keys()])].sort((a, b) => a - b);
  const gpus: MinerGpu[] = indices.map((i) => {
    const dev = devices.get(i);
    return {
      name: str(dev?.Name),
      hashrateHs: rates.get(i) ?? null,
      powerW: reportedWatts(dev?.Power), // unverified: newer nanominer reports "Power" (W); the capture has none
      tempC: num(dev?.Temperature),
    };
  });
  return gpuMinerReading(
    {
      driver: 'nanominer',
      firmware: str(body.Version) ? `nanominer ${str(body.Version)}` : 'nanominer',
      algorithm: minerAlgorithm(algo.name),
      totalHs,
      gpus,
      pools: activePool(algo.block.CurrentPool, null, total?.Accepted, total?.Denied),
      uptimeS: seconds(body.WorkTime),
    },
    opts,
  );
}

/** The driver's read of one GET /stats reply: HTTP status and JSON checks, then parseNanominer. Pure. */
export function nanominerFromReply(reply: DeviceHttpReply, url: string, opts: { modelHint?: string | null } = {}): Reading {
  return parseNanominer(parseJsonReply(reply, `GET ${NANOMINER_PATH}`, url), opts);
}
