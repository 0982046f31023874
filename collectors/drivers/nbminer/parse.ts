/**
 * NBMiner HTTP API, GET /api/v1/status on 22333 (protocols.md §2.3): reply -> Reading. Pure.
 * miner.devices[] carry hashrate_raw (H/s), power (W), temperature and fan (%); the rig totals are
 * miner.total_hashrate_raw and total_power_consume. In dual mining the *2 fields are the second coin's,
 * which the Reading leaves out (it has one algorithm).
 */
import type { Reading } from '../../../lib/domain/reading';
import { num, obj, str } from '../cgminer-tcp/coerce';
import { activePool, gpuMinerReading, minerAlgorithm, nonNegative, reportedWatts, siRate, type MinerGpu } from '../gpu-miner/reading';
import { parseJsonReply, type DeviceHttpReply } from '../http/client';
import { DeviceError } from '../types';

export const NBMINER_STATUS_PATH = '/api/v1/status';

type Json = Record<string, unknown>;
const rows = (v: unknown): Json[] => (Array.isArray(v) ? v.map((x) => obj(x)).filter((x): x is Json => x !== null) : []);

/** An NBMiner status object: miner {devices[]} next to stratum {} (bminer uses other paths and keys). */
export function isNbminerStatus(body: unknown): body is Json {
  const s = obj(body);
  const miner = obj(s?.miner);
  return miner !== null && Array.isArray(miner.devices) && obj(s?.stratum) !== null;
}

/** "NBMiner 10.0" from "version": "v10.0". */
export function nbminerFirmware(s: Json): string {
  const version = str(s.version)?.replace(/^v(?=\d)/i, '');
  return version ? `NBMiner ${version}` : 'NBMiner';
}

/** GPU names (for identify): "info" is the name plus memory, "GeForce GTX 1080 Ti 11178 MB". */
export function nbminerGpuNames(s: Json): unknown[] {
  return rows(obj(s.miner)?.devices).map((d) => d.info);
}

/** hashrate_raw (H/s); without it the formatted "hashrate" ("23.0 M" in newer versions, a number in v10). */
const rawRate = (raw: unknown, formatted: unknown): number | null => nonNegative(raw) ?? siRate(formatted);

/**
 * Normalizes an NBMiner status body into a Reading. `nowMs` turns start_time (Unix seconds) into uptime;
 * without it uptime is unknown.
 */
export function parseNbminer(body: unknown, opts: { modelHint?: string | null; nowMs?: number } = {}): Reading {
  const s = obj(body);
  if (!s) throw new DeviceError('unexpected', 'NBMiner /api/v1/status reply is not a JSON object');
  const miner = obj(s.miner);
  if (!miner || !Array.isArray(miner.devices)) throw new DeviceError('unexpected', 'NBMiner status has no "miner.devices" list');
  const gpus: MinerGpu[] = rows(miner.devices).map((d) => ({
    name: str(d.info),
    hashrateHs: rawRate(d.hashrate_raw, d.hashrate),
    powerW: reportedWatts(d.power),
    tempC: num(d.temperature),
  }));
  const stratum = obj(s.stratum);
  const startS = nonNegative(s.start_time);
  const uptimeS = startS !== null && opts.nowMs !== undefined ? Math.floor(opts.nowMs / 1000 - startS) : null;
  return gpuMinerReading(
    {
      driver: 'nbminer',
      firmware: nbminerFirmware(s),
      // unverified: stratum.algorithm is in newer versions only (v10 has none: null).
      algorithm: minerAlgorithm(stratum?.algorithm),
      totalHs: rawRate(miner.total_hashrate_raw, miner.total_hashrate),
      totalPowerW: reportedWatts(miner.total_power_consume),
      gpus,
      pools: activePool(stratum?.url, stratum?.user, stratum?.accepted_shares, stratum?.rejected_shares),
      // A start_time ahead of our clock (skew) gives no uptime rather than a negative one.
      uptimeS: uptimeS !== null && uptimeS >= 0 && Number.isFinite(uptimeS) ? uptimeS : null,
    },
    { modelHint: opts.modelHint },
  );
}

/** The driver's read of one GET /api/v1/status reply: HTTP status and JSON checks, then parseNbminer. Pure. */
export function nbminerFromReply(reply: DeviceHttpReply, url: string, opts: { modelHint?: string | null; nowMs?: number } = {}): Reading {
  return parseNbminer(parseJsonReply(reply, `GET ${NBMINER_STATUS_PATH}`, url), opts);
}
