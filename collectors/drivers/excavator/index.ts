/**
 * NiceHash excavator driver: JSON-RPC over TCP on 3456 (foreman's excavator client and its integration
 * test; the HTTP interface of newer versions is not used). devices.get and algorithm.list are required,
 * subscribe.info (pool) is optional. unverified: the transport and port come from foreman, not a capture.
 */
import { jsonrpcQuery } from '../jsonrpc-tcp/client';
import { DeviceError, driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { describeGpuRig } from '../gpu-miner/reading';
import { EXCAVATOR_ALGORITHM_LIST, EXCAVATOR_DEVICES_GET, EXCAVATOR_SUBSCRIBE_INFO, isExcavatorDevices, parseExcavator } from './parse';

/**
 * A jsonrpc probe reply in excavator's devices.get shape. The scanner asks miner_getstat1, which excavator
 * does not serve, so this matches only where a probe sends devices.get.
 */
export function identifyExcavator(probe: ProbeReplies): Identity | null {
  if (!isExcavatorDevices(probe.jsonrpc)) return null;
  const devices = (probe.jsonrpc as { devices: unknown[] }).devices;
  const { make, model } = describeGpuRig(
    devices.map((d) => (d && typeof d === 'object' ? (d as Record<string, unknown>).name : null)),
    null,
  );
  return { driver: 'excavator', make, model, firmware: 'excavator' };
}

/** NiceHash excavator over its JSON-RPC TCP API (protocols.md §2.3). */
export const excavatorDriver: Driver = {
  ...driverKind('excavator'),
  maxRequestsPerPoll: 3, // devices.get, algorithm.list, subscribe.info
  identify: identifyExcavator,
  async poll(target: PollTarget) {
    const devices = await jsonrpcQuery(target, EXCAVATOR_DEVICES_GET, 'devices.get');
    const algorithms = await jsonrpcQuery(target, EXCAVATOR_ALGORITHM_LIST, 'algorithm.list');
    let subscribe: Record<string, unknown> | null = null;
    try {
      subscribe = await jsonrpcQuery(target, EXCAVATOR_SUBSCRIBE_INFO, 'subscribe.info');
    } catch (err) {
      if (!(err instanceof DeviceError) || err.kind === 'aborted') throw err;
    }
    return parseExcavator({ devices, algorithms, subscribe }, { modelHint: target.modelHint ?? null });
  },
};
