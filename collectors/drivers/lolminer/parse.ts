/**
 * lolMiner HTTP API, GET /summary (protocols.md §2.3): reply -> Reading. Pure. Two schemas:
 * - up to 1.0 (captured): Session {Performance_Summary, Performance_Unit, TotalPower, Accepted, Submitted},
 *   GPUs[] with unit-bearing keys "Consumption (W)", "Temps (deg C)", "Fan Speed (%)".
 * - later 1.x (unverified: no capture, shape from third-party parsers): Algorithms[] {Performance_Unit,
 *   Performance_Factor, Total_Performance, Worker_Performance[], Pool, User, Total_Accepted/Rejected},
 *   Workers[] {Name, Power, Core_Temp, Juc_Temp, Fan_Speed}.
 */
import type { Reading } from '../../../lib/domain/reading';
import { maxOf, num, obj, previewJson, str } from '../cgminer-tcp/coerce';
import {
  activePool,
  gpuMinerReading,
  minerAlgorithm,
  nonNegative,
  rateUnitFactor,
  reportedWatts,
  seconds,
  shareCount,
  type MinerGpu,
} from '../gpu-miner/reading';
import { parseJsonReply, type DeviceHttpReply } from '../http/client';
import { DeviceError } from '../types';

export const LOLMINER_SUMMARY_PATH = '/summary';

type Json = Record<string, unknown>;
const rows = (v: unknown): Json[] => (Array.isArray(v) ? v.map((x) => obj(x)).filter((x): x is Json => x !== null) : []);

/** A lolMiner /summary object: "Software": "lolMiner ...", or Session with GPUs[] or Algorithms[]. */
export function isLolminerSummary(body: unknown): body is Json {
  const s = obj(body);
  if (!s) return false;
  if (/lolminer/i.test(str(s.Software) ?? '')) return true;
  return obj(s.Session) !== null && (Array.isArray(s.GPUs) || Array.isArray(s.Algorithms));
}

/** "lolMiner 1.0 a2" as the miner writes it. */
export function lolminerFirmware(s: Json): string {
  return str(s.Software) ?? 'lolMiner';
}

/** GPU names of either schema (for identify). */
export function lolminerGpuNames(s: Json): unknown[] {
  return (Array.isArray(s.Algorithms) ? rows(s.Workers) : rows(s.GPUs)).map((g) => g.Name);
}

/** H/s per unit of Performance_Unit; DeviceError 'unexpected' for a unit this driver does not know. */
function unitFactor(unit: unknown, where: string): number {
  const factor = rateUnitFactor(unit);
  if (factor === null)
    throw new DeviceError('unexpected', `lolMiner ${where} has an unknown Performance_Unit ${previewJson(unit ?? null)}`);
  return factor;
}

const times = (v: unknown, factor: number): number | null => {
  const n = nonNegative(v);
  return n === null ? null : n * factor;
};

/** Old schema (<= 1.0, fx:gpu/lolminer-1.0-summary.json). */
function parseSessionSchema(s: Json, session: Json, opts: { modelHint?: string | null }): Reading {
  const factor = unitFactor(session.Performance_Unit, 'Session');
  const gpus: MinerGpu[] = rows(s.GPUs).map((g) => ({
    name: str(g.Name),
    hashrateHs: times(g.Performance, factor),
    powerW: reportedWatts(g['Consumption (W)']),
    tempC: num(g['Temps (deg C)']),
  }));
  const stratum = obj(s.Stratum);
  const accepted = shareCount(session.Accepted);
  // Submitted counts every share sent; what the pool did not accept was rejected (or is in flight).
  const rejected = Math.max(0, shareCount(session.Submitted) - accepted);
  return gpuMinerReading(
    {
      driver: 'lolminer',
      firmware: lolminerFirmware(s),
      algorithm: minerAlgorithm(obj(s.Mining)?.Algorithm),
      totalHs: times(session.Performance_Summary, factor),
      totalPowerW: reportedWatts(session.TotalPower),
      gpus,
      pools: activePool(stratum?.Current_Pool, stratum?.Current_User, accepted, rejected),
      uptimeS: seconds(session.Uptime),
    },
    opts,
  );
}

/** unverified: newer 1.x schema, shaped after third-party parsers (Performance_Factor = H/s per unit). */
function parseAlgorithmsSchema(s: Json, opts: { modelHint?: string | null }): Reading {
  const algorithms = rows(s.Algorithms);
  const main = algorithms[0];
  if (!main) throw new DeviceError('unexpected', 'lolMiner /summary has an empty "Algorithms" list');
  const factor = nonNegative(main.Performance_Factor) ?? unitFactor(main.Performance_Unit, 'Algorithms[0]');
  const perWorker = Array.isArray(main.Worker_Performance) ? main.Worker_Performance : [];
  const gpus: MinerGpu[] = rows(s.Workers).map((w, position) => {
    const index = num(w.Index);
    const slot = index !== null && Number.isInteger(index) && index >= 0 ? index : position;
    return {
      name: str(w.Name),
      hashrateHs: times(perWorker[slot], factor),
      powerW: reportedWatts(w.Power),
      // Junction (hot spot) is the hottest point of the GPU die; memory temperature is not the chip's.
      tempC: maxOf([num(w.Core_Temp), num(w.Juc_Temp)]),
    };
  });
  return gpuMinerReading(
    {
      driver: 'lolminer',
      firmware: lolminerFirmware(s),
      algorithm: minerAlgorithm(main.Algorithm),
      totalHs: times(main.Total_Performance, factor),
      gpus,
      // Dual mining: one pool per algorithm, the main one first.
      pools: algorithms.flatMap((a) => activePool(a.Pool, a.User, a.Total_Accepted, a.Total_Rejected)),
      uptimeS: seconds(obj(s.Session)?.Uptime),
    },
    opts,
  );
}

/** Normalizes a lolMiner /summary body (either schema) into a Reading. */
export function parseLolminer(body: unknown, opts: { modelHint?: string | null } = {}): Reading {
  const s = obj(body);
  if (!s) throw new DeviceError('unexpected', 'lolMiner /summary reply is not a JSON object');
  if (Array.isArray(s.Algorithms)) return parseAlgorithmsSchema(s, opts);
  const session = obj(s.Session);
  if (!session) throw new DeviceError('unexpected', 'lolMiner /summary has neither "Session" nor "Algorithms"');
  return parseSessionSchema(s, session, opts);
}

/** The driver's read of one GET /summary reply: HTTP status and JSON checks, then parseLolminer. Pure. */
export function lolminerFromReply(reply: DeviceHttpReply, url: string, opts: { modelHint?: string | null } = {}): Reading {
  return parseLolminer(parseJsonReply(reply, `GET ${LOLMINER_SUMMARY_PATH}`, url), opts);
}
