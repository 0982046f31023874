/**
 * T-Rex (NVIDIA GPU miner) HTTP API, GET /summary on 4067 (protocols.md §2.3): reply -> Reading. Pure.
 * Rates are integer H/s of the coin algorithm; gpus[] carry power (W), temperature and fan_speed (%).
 */
import type { Reading } from '../../../lib/domain/reading';
import { num, obj, str } from '../cgminer-tcp/coerce';
import { activePool, gpuMinerReading, minerAlgorithm, nonNegative, reportedWatts, seconds, type MinerGpu } from '../gpu-miner/reading';
import { parseJsonReply, type DeviceHttpReply } from '../http/client';
import { DeviceError } from '../types';

export const TREX_SUMMARY_PATH = '/summary';

/**
 * A T-Rex /summary object: it names itself ("name": "t-rex", "description": "T-Rex NVIDIA GPU miner"),
 * or has the shape only T-Rex sends (gpus[] + active_pool + accepted_count). lolMiner serves /summary too
 * but with Session/GPUs (or Algorithms/Workers) and capitalised keys.
 */
export function isTrexSummary(body: unknown): body is Record<string, unknown> {
  const s = obj(body);
  if (!s) return false;
  if (/^t-rex$/i.test(str(s.name) ?? '') || /\bt-rex\b/i.test(str(s.description) ?? '')) return true;
  return Array.isArray(s.gpus) && obj(s.active_pool) !== null && 'accepted_count' in s;
}

/** "T-Rex 0.9.1". */
export function trexFirmware(s: Record<string, unknown>): string {
  const version = str(s.version);
  return version ? `T-Rex ${version}` : 'T-Rex';
}

/** GPU names (for identify). */
export function trexGpuNames(s: Record<string, unknown>): unknown[] {
  return (Array.isArray(s.gpus) ? s.gpus : []).map((g) => obj(g)?.name);
}

/** Normalizes a T-Rex /summary body into a Reading (boards = gpus[] in reply order). */
export function parseTrex(body: unknown, opts: { modelHint?: string | null } = {}): Reading {
  const s = obj(body);
  if (!s) throw new DeviceError('unexpected', 'T-Rex /summary reply is not a JSON object');
  const totalHs = nonNegative(s.hashrate);
  if (totalHs === null && !Array.isArray(s.gpus)) {
    throw new DeviceError('unexpected', 'T-Rex /summary has neither "hashrate" nor "gpus"');
  }
  const gpus: MinerGpu[] = (Array.isArray(s.gpus) ? s.gpus : [])
    .map((g) => obj(g))
    .filter((g): g is Record<string, unknown> => g !== null)
    .map((g) => ({
      name: str(g.name),
      hashrateHs: nonNegative(g.hashrate),
      // Absent in the 0.9.1 capture, present (W) in 0.6.3.
      powerW: reportedWatts(g.power),
      tempC: num(g.temperature),
    }));
  const pool = obj(s.active_pool);
  return gpuMinerReading(
    {
      driver: 'trex',
      firmware: trexFirmware(s),
      algorithm: minerAlgorithm(s.algorithm),
      totalHs,
      gpus,
      // JSON.parse already turned the 0.9.1 capture's escaped "stratum+tcp:\/\/..." into plain slashes.
      pools: activePool(pool?.url, pool?.user, s.accepted_count, s.rejected_count),
      uptimeS: seconds(s.uptime),
      // unverified: newer T-Rex (>= 0.20) reports "paused"; no capture has it.
      paused: s.paused === true,
    },
    opts,
  );
}

/** The driver's read of one GET /summary reply: HTTP status and JSON checks, then parseTrex. Pure. */
export function trexFromReply(reply: DeviceHttpReply, url: string, opts: { modelHint?: string | null } = {}): Reading {
  return parseTrex(parseJsonReply(reply, `GET ${TREX_SUMMARY_PATH}`, url), opts);
}
