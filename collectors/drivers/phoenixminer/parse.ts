/**
 * PhoenixMiner / Claymore `miner_getstat1` (JSON-RPC over TCP 3333, protocols.md §2.3): reply -> Reading.
 * Pure. `result` is an array of strings, several of them ";"-joined lists:
 *   [0] version "PM 5.1c - ETH" (Claymore: "10.0 - ETH")   [1] uptime in minutes
 *   [2] "totalKH;accepted;rejected"                          [3] per-GPU rate "29792;29791;..." (kH/s)
 *   [4] dual-coin "total;acc;rej"                            [5] dual per-GPU ("off;off;..." when not dual)
 *   [6] "temp;fan%;temp;fan%;..." per GPU                    [7] pool(s) "ssl://eu1.ethermine.org:5555"
 *   [8] "invalid;pool switches;dual invalid;dual switches"
 */
import type { Reading } from '../../../lib/domain/reading';
import { num, obj, str } from '../cgminer-tcp/coerce';
import { activePool, gpuMinerReading, nonNegative, shareCount, type MinerGpu } from '../gpu-miner/reading';
import { DeviceError } from '../types';

/** The request PhoenixMiner and Claymore answer (PhoenixMiner needs the newline the transport adds). */
export const MINER_GETSTAT1 = { id: 0, jsonrpc: '2.0', method: 'miner_getstat1' } as const;

/** Coin suffix of the version string -> coin algorithm. */
const COIN_ALGORITHM: Record<string, string> = {
  ETH: 'ethash',
  ETC: 'etchash',
  UBQ: 'ubqhash',
  EXP: 'ethash',
  ZEC: 'equihash',
  XMR: 'cryptonight',
};

/**
 * Claymore's ZCash and CryptoNote miners put H/s (Sol/s) where the Ethereum miners put kH/s.
 * unverified: from Claymore's API notes, no capture of those miners here.
 */
const HS_COINS = new Set(['ZEC', 'XMR']);

/** What the version string says: firmware name, coin, and the unit of the rate fields. */
export function phoenixVersion(version: unknown): { firmware: string; algorithm: string | null; unitHs: number } {
  const v = str(version) ?? '';
  const coin = /-\s*([A-Za-z]+)\s*$/.exec(v)?.[1]?.toUpperCase() ?? null;
  const pm = /^PM\s+(\S+)/i.exec(v);
  const claymore = /^v?(\d+(?:\.\d+)*\w*)\s*-/.exec(v);
  const firmware = pm ? `PhoenixMiner ${pm[1]}` : claymore ? `Claymore ${claymore[1]}` : v || 'PhoenixMiner';
  return {
    firmware,
    algorithm: coin ? (COIN_ALGORITHM[coin] ?? null) : null,
    unitHs: coin && HS_COINS.has(coin) ? 1 : 1000,
  };
}

/** The number when finite (a huge rate times its unit can overflow to Infinity), else null. */
function finite(n: number | null): number | null {
  return n !== null && Number.isFinite(n) ? n : null;
}

/** A ";"-joined field as trimmed parts; [] for a missing or empty field. */
function parts(v: unknown): string[] {
  const s = typeof v === 'number' ? String(v) : str(v);
  return s === null ? [] : s.split(';').map((p) => p.trim());
}

/** True when `body` is a miner_getstat1 reply: a result array of strings whose third is "kh;acc;rej". */
export function isGetstat1Reply(body: unknown): body is { result: unknown[] } {
  const result = obj(body)?.result;
  return Array.isArray(result) && result.length >= 3 && typeof result[0] === 'string' && /^\s*[\d.]+\s*;/.test(String(result[2]));
}

/** Normalizes a miner_getstat1 reply body into a Reading (boards = GPUs in reply order). */
export function parsePhoenixMiner(body: unknown, opts: { modelHint?: string | null } = {}): Reading {
  const result = obj(body)?.result;
  if (!Array.isArray(result)) throw new DeviceError('unexpected', 'miner_getstat1 reply has no "result" array');
  const [version, uptimeMin, totals, perGpu, , , tempsFans, pool, invalid] = result;
  const total = parts(totals);
  const { firmware, algorithm, unitHs } = phoenixVersion(version);
  const totalRate = nonNegative(total[0]);
  if (totalRate === null) {
    throw new DeviceError('unexpected', 'miner_getstat1 result[2] has no total hash rate ("totalKH;accepted;rejected")');
  }
  const rates = parts(perGpu);
  const pairs = parts(tempsFans);
  const count = Math.max(rates.length, Math.floor(pairs.length / 2));
  const gpus: MinerGpu[] = [];
  for (let i = 0; i < count; i++) {
    // "off" marks a GPU disabled in the miner.
    const rate = nonNegative(rates[i]);
    gpus.push({ name: null, hashrateHs: finite(rate === null ? null : rate * unitHs), powerW: null, tempC: num(pairs[2 * i]) });
  }
  const minutes = nonNegative(uptimeMin);
  const uptime = finite(minutes === null ? null : Math.floor(minutes) * 60);
  const reading = gpuMinerReading(
    {
      driver: 'phoenixminer',
      firmware,
      algorithm,
      totalHs: totalRate * unitHs,
      gpus,
      // Only the pool in use is reported; several are ";"-joined when failover is configured.
      pools: activePool(parts(pool)[0], null, total[1], total[2]),
      uptimeS: uptime,
      // "Invalid shares": shares the GPU computed wrong, what ASICs call hardware errors.
      hardwareErrors: parts(invalid).length ? shareCount(parts(invalid)[0]) : null,
    },
    opts,
  );
  // The API names no GPUs: fans are duty % only (never RPM), the model comes from the registration.
  return { ...reading, model: opts.modelHint?.trim() || `${gpus.length}x GPU` };
}
