/**
 * GMiner HTTP API, GET /stat (protocols.md §2.3): reply -> Reading. Pure. devices[] carry speed (in
 * speedUnit), temperature, temperature_limit and power_usage (W); the totals are the devices' sums.
 */
import type { Reading } from '../../../lib/domain/reading';
import { num, obj, previewJson, str } from '../cgminer-tcp/coerce';
import {
  activePool,
  gpuMinerReading,
  minerAlgorithm,
  nonNegative,
  rateUnitFactor,
  reportedWatts,
  seconds,
  type MinerGpu,
} from '../gpu-miner/reading';
import { parseJsonReply, type DeviceHttpReply } from '../http/client';
import { DeviceError } from '../types';

export const GMINER_STAT_PATH = '/stat';

type Json = Record<string, unknown>;
const rows = (v: unknown): Json[] => (Array.isArray(v) ? v.map((x) => obj(x)).filter((x): x is Json => x !== null) : []);

/** A GMiner /stat object: devices[] and either "miner": "GMiner ..." or its server + total_accepted_shares. */
export function isGminerStat(body: unknown): body is Json {
  const s = obj(body);
  if (!s || !Array.isArray(s.devices)) return false;
  return /gminer/i.test(str(s.miner) ?? '') || ('server' in s && 'total_accepted_shares' in s);
}

/** "GMiner 1.34"; 1.18 does not name itself. */
export function gminerFirmware(s: Json): string {
  return str(s.miner) ?? 'GMiner';
}

/** GPU names (for identify). */
export function gminerGpuNames(s: Json): unknown[] {
  return rows(s.devices).map((d) => d.name);
}

/**
 * H/s per unit of speed. GMiner 1.18 sends no speedUnit: it mined only Equihash (Sol/s) and Cuckoo (G/s)
 * then, both counted as H/s, so its speeds are taken as they are.
 */
function speedFactor(s: Json): number {
  if (!('speedUnit' in s)) return 1;
  const factor = rateUnitFactor(s.speedUnit);
  if (factor === null) throw new DeviceError('unexpected', `GMiner /stat has an unknown speedUnit ${previewJson(s.speedUnit ?? null)}`);
  return factor;
}

/** Normalizes a GMiner /stat body into a Reading (boards = devices[] in reply order). */
export function parseGminer(body: unknown, opts: { modelHint?: string | null } = {}): Reading {
  const s = obj(body);
  if (!s) throw new DeviceError('unexpected', 'GMiner /stat reply is not a JSON object');
  if (!Array.isArray(s.devices)) throw new DeviceError('unexpected', 'GMiner /stat has no "devices" list');
  const factor = speedFactor(s);
  const gpus: MinerGpu[] = rows(s.devices).map((d) => {
    const speed = nonNegative(d.speed);
    return {
      name: str(d.name),
      hashrateHs: speed === null ? null : speed * factor,
      powerW: reportedWatts(d.power_usage),
      tempC: num(d.temperature),
      tempLimitC: nonNegative(d.temperature_limit),
    };
  });
  return gpuMinerReading(
    {
      driver: 'gminer',
      firmware: gminerFirmware(s),
      algorithm: minerAlgorithm(s.algorithm),
      totalHs: null,
      gpus,
      pools: activePool(s.server, s.user, s.total_accepted_shares, s.total_rejected_shares),
      uptimeS: seconds(s.uptime),
    },
    opts,
  );
}

/** The driver's read of one GET /stat reply: HTTP status and JSON checks, then parseGminer. Pure. */
export function gminerFromReply(reply: DeviceHttpReply, url: string, opts: { modelHint?: string | null } = {}): Reading {
  return parseGminer(parseJsonReply(reply, `GET ${GMINER_STAT_PATH}`, url), opts);
}
