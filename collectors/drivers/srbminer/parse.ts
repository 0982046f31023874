/**
 * SRBMiner-Multi HTTP API, GET / on 21550 (protocols.md §2.3): reply -> Reading. Pure. Rates in H/s:
 * hashrate_total_now (+ _1min, _5min...), gpu_hashrate[0] {"GPU0": ..., "total": ...}; gpu_devices[]
 * {device_id, model, temperature, fan_speed_rpm}; shares {accepted, rejected}; pool {pool}; mining_time s.
 */
import type { Reading } from '../../../lib/domain/reading';
import { num, obj, str } from '../cgminer-tcp/coerce';
import { activePool, gpuMinerReading, minerAlgorithm, nonNegative, reportedWatts, seconds, type MinerGpu } from '../gpu-miner/reading';
import { parseJsonReply, type DeviceHttpReply } from '../http/client';
import { DeviceError } from '../types';

export const SRBMINER_PATH = '/';

/** A SRBMiner-Multi status object: miner_version plus its rate fields. */
export function isSrbminerStatus(body: unknown): body is Record<string, unknown> {
  const s = obj(body);
  return s !== null && 'miner_version' in s && ('hashrate_total_now' in s || 'gpu_hashrate' in s);
}

/** "SRBMiner-Multi 0.1.8". */
export function srbminerFirmware(s: Record<string, unknown>): string {
  const v = str(s.miner_version) ?? (typeof s.miner_version === 'number' ? String(s.miner_version) : null);
  return v ? `SRBMiner-Multi ${v}` : 'SRBMiner-Multi';
}

/** GPU index of "GPU3" or of a gpu_devices row (device_id, else its "device" name). */
function gpuIndex(key: unknown): number | null {
  const n = num(key);
  if (n !== null) return Number.isInteger(n) && n >= 0 && n < 1024 ? n : null;
  const m = /^gpu(\d{1,4})$/i.exec(str(key) ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * GPU names of the rig. Quirk of the 0.1.8 capture: gpu_devices lists one GPU while gpu_hashrate has six;
 * when every listed GPU has the same model the unlisted ones are taken to be that model too (a mining rig
 * is nearly always one model), else they stay unnamed.
 */
export function srbminerGpuNames(indices: number[], named: Map<number, string>): Array<string | null> {
  const distinct = new Set(named.values());
  const fill = distinct.size === 1 ? [...distinct][0] : null;
  return indices.map((i) => named.get(i) ?? fill);
}

/** Normalizes a SRBMiner-Multi GET / body into a Reading (boards = GPUs by index). */
export function parseSrbminer(body: unknown, opts: { modelHint?: string | null } = {}): Reading {
  const s = obj(body);
  if (!s) throw new DeviceError('unexpected', 'SRBMiner-Multi reply is not a JSON object');
  const rates = obj(Array.isArray(s.gpu_hashrate) ? s.gpu_hashrate[0] : s.gpu_hashrate) ?? {};
  const totalHs = nonNegative(s.hashrate_total_now) ?? nonNegative(s.hashrate_total_1min) ?? nonNegative(rates.total);
  const rateByGpu = new Map<number, number | null>();
  for (const [key, v] of Object.entries(rates)) {
    const i = gpuIndex(key);
    if (i !== null) rateByGpu.set(i, nonNegative(v));
  }
  if (totalHs === null && rateByGpu.size === 0) {
    throw new DeviceError('unexpected', 'SRBMiner-Multi reply has no "hashrate_total_now" and no gpu_hashrate rates');
  }
  const devices = new Map<number, Record<string, unknown>>();
  for (const d of Array.isArray(s.gpu_devices) ? s.gpu_devices : []) {
    const row = obj(d);
    const i = row ? (gpuIndex(row.device_id) ?? gpuIndex(row.device)) : null;
    if (row && i !== null && !devices.has(i)) devices.set(i, row);
  }
  const indices = [...new Set([...rateByGpu.keys(), ...devices.keys()])].sort((a, b) => a - b);
  const named = new Map<number, string>();
  for (const [i, row] of devices) {
    const name = str(row.model);
    if (name) named.set(i, prettyGpuName(name));
  }
  const names = srbminerGpuNames(indices, named);
  const gpus: MinerGpu[] = indices.map((i, k) => {
    const dev = devices.get(i);
    return {
      name: names[k],
      hashrateHs: rateByGpu.get(i) ?? null,
      // unverified: SRBMiner-Multi 2.x reports watts per GPU ("power"); 0.1.8 has no power at all.
      powerW: reportedWatts(dev?.power),
      tempC: num(dev?.temperature),
    };
  });
  const shares = obj(s.shares);
  const pool = obj(s.pool);
  const reading = gpuMinerReading(
    {
      driver: 'srbminer',
      firmware: srbminerFirmware(s),
      algorithm: minerAlgorithm(s.algorithm),
      totalHs,
      gpus,
      pools: activePool(pool?.pool, pool?.user, shares?.accepted, shares?.rejected),
      uptimeS: seconds(s.mining_time),
      hardwareErrors: sumOf(indices.map((i) => nonNegative(devices.get(i)?.compute_errors))),
    },
    opts,
  );
  const fansRpm = indices.map((i) => num(devices.get(i)?.fan_speed_rpm)).filter((rpm): rpm is number => rpm !== null && rpm > 0);
  return { ...reading, fansRpm };
}

function sumOf(values: Array<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  const total = present.reduce((a, b) => a + b, 0);
  return present.length && Number.isFinite(total) ? total : null;
}

/** The driver's read of one GET / reply: HTTP status and JSON checks, then parseSrbminer. Pure. */
export function srbminerFromReply(reply: DeviceHttpReply, url: string, opts: { modelHint?: string | null } = {}): Reading {
  return parseSrbminer(parseJsonReply(reply, `GET ${SRBMINER_PATH}`, url), opts);
}

const UPPER_WORDS = new Set(['rx', 'xt', 'gtx', 'rtx', 'ti', 'gb', 'vii', 'xtx', 'gre']);

/** SRBMiner's "radeon_rx_6700_xt" as an operator writes it: "Radeon RX 6700 XT". */
export function prettyGpuName(raw: string): string {
  return raw
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((w) => (UPPER_WORDS.has(w.toLowerCase()) ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1)))
    .join(' ');
}
