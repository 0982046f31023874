/**
 * miniZ driver: one `getstat` JSON-RPC request over TCP (the foreman integration test serves it on 20000
 * from a TCP fake, not HTTP), then the pure parser.
 */
import { jsonrpcQuery } from '../jsonrpc-tcp/client';
import { driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { isMinizReply, MINIZ_GETSTAT, parseMiniz } from './parse';

/**
 * A jsonrpc probe reply in miniZ's getstat shape (result[] of {gpuid, speed_sps...}). The scanner asks
 * miner_getstat1; miniZ only matches here if it answers that with its getstat reply.
 */
export function identifyMiniz(probe: ProbeReplies): Identity | null {
  if (!isMinizReply(probe.jsonrpc)) return null;
  try {
    const { make, model, firmware } = parseMiniz(probe.jsonrpc);
    return { driver: 'miniz', make, model, firmware };
  } catch {
    return { driver: 'miniz', make: 'GPU', model: 'GPU rig', firmware: 'miniZ' };
  }
}

/** miniZ (Equihash GPU miner) over JSON-RPC on TCP (protocols.md §2.3). */
export const minizDriver: Driver = {
  ...driverKind('miniz'),
  maxRequestsPerPoll: 1, // getstat
  identify: identifyMiniz,
  async poll(target: PollTarget) {
    const body = await jsonrpcQuery(target, MINIZ_GETSTAT, 'getstat');
    return parseMiniz(body, { modelHint: target.modelHint ?? null, nowMs: Date.now() });
  },
};
