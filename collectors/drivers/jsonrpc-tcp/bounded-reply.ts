/**
 * JSON-RPC replies behind the same nesting limit as the cgminer reader: a reply nested deeper than
 * MAX_REPLY_DEPTH is refused as 'garbage' before anything parses or walks it (a 100,000-deep "error"
 * member overflowed the stack while its message was written).
 */
import { MAX_REPLY_DEPTH, nestsDeeperThan } from '../cgminer-tcp/lenient-json';
import { describeTarget } from '../tcp-exchange';
import { DeviceError, type PollTarget } from '../types';
import { jsonrpcRequest, parseJsonRpcReply } from './client';

/** parseJsonRpcReply for a reply within the nesting limit; DeviceError 'garbage' naming the limit otherwise. Pure. */
export function parseBoundedJsonRpcReply(raw: string, label: string, source?: string): Record<string, unknown> {
  if (nestsDeeperThan(raw, MAX_REPLY_DEPTH)) {
    const where = source ? ` from ${source}` : '';
    throw new DeviceError('garbage', `reply to "${label}"${where} nests deeper than ${MAX_REPLY_DEPTH} levels (the limit for a device reply)`);
  }
  return parseJsonRpcReply(raw, label, source);
}

/** Request plus bounded parse: the reply body to one JSON-RPC request, errors naming the request and address. */
export async function boundedJsonrpcQuery(target: PollTarget, request: object | string, label: string): Promise<Record<string, unknown>> {
  const raw = await jsonrpcRequest(target, request, label);
  return parseBoundedJsonRpcReply(raw, label, describeTarget(target));
}
