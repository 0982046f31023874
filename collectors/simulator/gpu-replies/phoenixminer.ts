/**
 * PhoenixMiner's JSON-RPC `miner_getstat1` (TCP 3333, protocols.md §2.3) rendered from a MinerState. Shape
 * of fx:gpu/phoenixminer-miner_getstat1.json byte for byte: compact envelope, ", " between the result
 * strings, rates in integer kH/s, temperature/fan-% pairs. The listener appends the "\n".
 */
import type { RigPlan } from '../fleet-plan';
import type { MinerState } from '../miner-state';
import { gpuPoolUrl, gpuShares, simGpus } from './gpu-view';

/** The capture's version string, with the coin of the rig's algorithm. */
const COINS: Record<string, string> = { ethash: 'ETH', etchash: 'ETC', ubqhash: 'UBQ' };

/** The result array of miner_getstat1. */
export function phoenixResult(rig: RigPlan, state: MinerState): string[] {
  const gpus = simGpus(rig, state);
  const shares = gpuShares(state);
  const kh = (hs: number): number => Math.round(hs / 1e3);
  const total = gpus.reduce((a, g) => a + g.hashrateHs, 0);
  return [
    `PM 5.1c - ${COINS[rig.model.algorithm] ?? 'ETH'}`,
    String(Math.floor(state.elapsedS / 60)),
    `${kh(total)};${shares.accepted};${shares.rejected}`,
    gpus.map((g) => kh(g.hashrateHs)).join(';'),
    '0;0;0',
    gpus.map(() => 'off').join(';'),
    gpus.flatMap((g) => [g.tempC, g.fanPct]).join(';'),
    gpuPoolUrl(rig),
    '0;0;0;0',
  ];
}

/** The id of the request to echo (the capture answers id 0 to id 0); 0 when absent. */
function requestId(request: Record<string, unknown> | null): number | string {
  const id = request?.id;
  return typeof id === 'number' || typeof id === 'string' ? id : 0;
}

/**
 * The reply text to one request. miner_getstat1 (and miner_getstat2, unverified: answered the same) get
 * the stats; other methods and non-JSON get a JSON-RPC error (unverified: no capture of PhoenixMiner's).
 */
export function phoenixReply(requestText: string, rig: RigPlan, state: MinerState): string {
  let request: Record<string, unknown> | null;
  try {
    const parsed: unknown = JSON.parse(requestText.replace(/\u0000/g, '').trim());
    request = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    request = null;
  }
  const id = JSON.stringify(requestId(request));
  if (!request) return `{"id":${id},"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error"}}`;
  if (request.method !== 'miner_getstat1' && request.method !== 'miner_getstat2') {
    return `{"id":${id},"jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found"}}`;
  }
  const items = phoenixResult(rig, state).map((s) => JSON.stringify(s));
  return `{"id":${id},"jsonrpc":"2.0","result":[${items.join(', ')}]}`;
}
