/**
 * PhoenixMiner (and Claymore-compatible miners) driver: one `miner_getstat1` JSON-RPC request on 3333/TCP,
 * then the pure parser.
 */
import { jsonrpcQuery } from '../jsonrpc-tcp/client';
import { driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { isGetstat1Reply, MINER_GETSTAT1, parsePhoenixMiner, phoenixVersion } from './parse';

/**
 * A miner_getstat1 reply (result: version string, uptime, "kh;acc;rej", ...). PhoenixMiner says "PM x.y";
 * Claymore's "10.0 - ETH" has the same reply and is read the same way.
 */
export function identifyPhoenixMiner(probe: ProbeReplies): Identity | null {
  const body = probe.jsonrpc;
  if (!isGetstat1Reply(body)) return null;
  const gpus = String(body.result[3] ?? '')
    .split(';')
    .filter((p) => p.trim() !== '').length;
  return { driver: 'phoenixminer', make: 'GPU', model: `${gpus}x GPU`, firmware: phoenixVersion(body.result[0]).firmware };
}

/** PhoenixMiner / Claymore over JSON-RPC on 3333/TCP (protocols.md §2.3). */
export const phoenixminerDriver: Driver = {
  ...driverKind('phoenixminer'),
  maxRequestsPerPoll: 1, // miner_getstat1
  identify: identifyPhoenixMiner,
  async poll(target: PollTarget) {
    const body = await jsonrpcQuery(target, MINER_GETSTAT1, 'miner_getstat1');
    return parsePhoenixMiner(body, { modelHint: target.modelHint ?? null });
  },
};
