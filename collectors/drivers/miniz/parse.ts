/**
 * miniZ `getstat` (JSON-RPC over TCP, default 20000; protocols.md §2.3): reply -> Reading. Pure.
 * result[] is one object per GPU: name, temperature, gpu_fan_speed (%), gpu_power_usage (W, 0 when the
 * card has no sensor), speed_sps (Sol/s, counted as H/s), accepted_shares/rejected_shares. Top level:
 * current_server, server_status, start_time (Unix seconds).
 */
import type { PoolReading, Reading } from '../../../lib/domain/reading';
import { num, obj, str } from '../cgminer-tcp/coerce';
import { gpuMinerReading, minerAlgorithm, nonNegative, reportedWatts, shareCount, type MinerGpu } from '../gpu-miner/reading';
import { DeviceError } from '../types';

/**
 * The request miniZ answers, byte for byte as the foreman integration test keys its fake server (a string
 * id and a space after the comma).
 */
export const MINIZ_GETSTAT = '{"id":"0", "method":"getstat"}';

/** A getstat reply: a result array of per-GPU objects with miniZ's keys. */
export function isMinizReply(body: unknown): body is Record<string, unknown> & { result: unknown[] } {
  const b = obj(body);
  if (!b || !Array.isArray(b.result) || b.result.length === 0) return false;
  return b.result.every((r) => {
    const row = obj(r);
    return row !== null && 'gpuid' in row && ('speed_sps' in row || 'sol_ps' in row);
  });
}

/** Normalizes a miniZ getstat reply; `nowMs` turns start_time into uptime (the parser reads no clock). */
export function parseMiniz(body: unknown, opts: { modelHint?: string | null; nowMs?: number } = {}): Reading {
  const b = obj(body);
  if (!b || !Array.isArray(b.result)) throw new DeviceError('unexpected', 'miniZ getstat reply has no "result" array');
  const rows = b.result.map(obj).filter((r): r is Record<string, unknown> => r !== null);
  if (rows.length === 0) throw new DeviceError('unexpected', 'miniZ getstat reply lists no GPU in "result"');
  const gpus: MinerGpu[] = rows.map((r) => ({
    name: str(r.name),
    hashrateHs: nonNegative(r.speed_sps) ?? nonNegative(r.sol_ps),
    powerW: reportedWatts(r.gpu_power_usage),
    tempC: num(r.temperature),
  }));
  if (!gpus.some((g) => g.hashrateHs !== null)) throw new DeviceError('unexpected', 'miniZ getstat reply has no speed_sps on any GPU');
  const started = num(b.start_time);
  const uptimeS =
    started !== null && started > 0 && opts.nowMs !== undefined && opts.nowMs / 1000 >= started
      ? Math.floor(opts.nowMs / 1000 - started)
      : null;
  const server = str(b.current_server);
  const pools: PoolReading[] = server
    ? [
        {
          url: server,
          user: '',
          // server_status 1 while connected (the capture); anything else is taken as not connected.
          status: num(b.server_status) === 1 ? 'Alive' : 'Dead',
          accepted: rows.reduce((a, r) => a + shareCount(r.accepted_shares), 0),
          rejected: rows.reduce((a, r) => a + shareCount(r.rejected_shares), 0),
        },
      ]
    : [];
  const version = str(b.version); // unverified: newer miniZ adds "version" and "algo"; the capture has neither
  return gpuMinerReading(
    {
      driver: 'miniz',
      firmware: version ? `miniZ ${version}` : 'miniZ',
      algorithm: minerAlgorithm(b.algo ?? b.algorithm),
      totalHs: null,
      gpus,
      pools,
      uptimeS,
    },
    opts,
  );
}
