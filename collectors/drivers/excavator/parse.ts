/**
 * NiceHash excavator JSON-RPC API (protocols.md §2.3): devices.get + algorithm.list (+ subscribe.info) ->
 * Reading. Pure.
 *   devices.get:    {"devices": [{device_id, name, gpu_temp, gpu_power_usage (W), gpu_fan_speed (%),
 *                    gpu_fan_speed_rpm, ...}], "id": 1, "error": null}          (capture)
 *   algorithm.list: {"algorithms": [{algorithm_id, name, speed (H/s), uptime (s), accepted_shares,
 *                    rejected_shares, ...}], "id": 1, "error": null}
 *   subscribe.info: {"id": 1, "address": "nhmp.eu.nicehash.com:3200", "login": "<wallet.worker>:x",
 *                    "connected": true, "server_status": "Subscribed"}
 * unverified: algorithm.list and subscribe.info are shaped from the replies foreman's ExcavatorITest
 * serves (excavator 1.4-era); newer excavator moved rates to worker.list. devices.get has no hash rate.
 * Quirk: several algorithms at once are rates of different algorithms and cannot be added; the first
 * listed is the rig's. NiceHash calls ethash "daggerhashimoto".
 */
import type { PoolReading, Reading } from '../../../lib/domain/reading';
import { num, obj, str } from '../cgminer-tcp/coerce';
import { gpuMinerReading, minerAlgorithm, nonNegative, reportedWatts, seconds, shareCount, type MinerGpu } from '../gpu-miner/reading';
import { DeviceError } from '../types';

/** The three requests, as foreman sends them (the transport adds "\n"). */
export const EXCAVATOR_DEVICES_GET = { id: 1, method: 'devices.get', params: [] } as const;
export const EXCAVATOR_ALGORITHM_LIST = { id: 1, method: 'algorithm.list', params: [] } as const;
export const EXCAVATOR_SUBSCRIBE_INFO = { id: 1, method: 'subscribe.info', params: [] } as const;

/** Parsed bodies of one poll; devices and algorithms are required. */
export interface ExcavatorReplies {
  devices: unknown;
  algorithms: unknown;
  subscribe?: unknown;
}

/** NiceHash algorithm names that differ from the coin algorithm's usual name. */
const NICEHASH_NAMES: Record<string, string> = { daggerhashimoto: 'ethash' };

/** The coin algorithm of a NiceHash algorithm name, lowercased. */
export function excavatorAlgorithm(name: unknown): string | null {
  const a = minerAlgorithm(name);
  return a === null ? null : (NICEHASH_NAMES[a] ?? a);
}

function rows(v: unknown): Array<Record<string, unknown>> {
  return Array.isArray(v) ? v.map(obj).filter((r): r is Record<string, unknown> => r !== null) : [];
}

/** A devices.get reply: devices[] of excavator's GPU records (uuid, gpgpu_type). */
export function isExcavatorDevices(body: unknown): boolean {
  const list = obj(body)?.devices;
  return Array.isArray(list) && list.length > 0 && rows(list).every((d) => 'gpgpu_type' in d || 'gpu_power_usage' in d);
}

/** "34HK...test2:x" -> "34HK...test2" (the password after the last ":" is dropped). */
function loginUser(login: unknown): string {
  const s = str(login) ?? '';
  const i = s.lastIndexOf(':');
  return i > 0 ? s.slice(0, i) : s;
}

/** Normalizes excavator's replies into a Reading (boards = devices[] in order, no per-GPU rate). */
export function parseExcavator(replies: ExcavatorReplies, opts: { modelHint?: string | null } = {}): Reading {
  const deviceList = obj(replies.devices)?.devices;
  if (!Array.isArray(deviceList)) throw new DeviceError('unexpected', 'excavator devices.get reply has no "devices" array');
  const algorithmList = obj(replies.algorithms)?.algorithms;
  if (!Array.isArray(algorithmList)) {
    throw new DeviceError('unexpected', 'excavator algorithm.list reply has no "algorithms" array (the only hash rate)');
  }
  const algos = rows(algorithmList);
  const primary = algos[0];
  const primaryName = str(primary?.name);
  const speeds = algos.filter((a) => str(a.name) === primaryName).map((a) => nonNegative(a.speed));
  if (!primary || !speeds.some((s) => s !== null)) {
    throw new DeviceError('unexpected', 'excavator algorithm.list has no algorithm with a "speed"');
  }
  const devices = rows(deviceList);
  const gpus: MinerGpu[] = devices.map((d) => ({
    name: str(d.name),
    hashrateHs: null,
    powerW: reportedWatts(d.gpu_power_usage),
    tempC: num(d.gpu_temp),
  }));
  const sub = obj(replies.subscribe);
  const address = str(sub?.address);
  const pools: PoolReading[] = address
    ? [
        {
          url: address,
          user: loginUser(sub?.login),
          status: sub?.connected === true ? 'Alive' : 'Dead',
          accepted: algos.reduce((a, x) => a + shareCount(x.accepted_shares), 0),
          rejected: algos.reduce((a, x) => a + shareCount(x.rejected_shares), 0),
        },
      ]
    : [];
  const reading = gpuMinerReading(
    {
      driver: 'excavator',
      firmware: 'excavator',
      algorithm: excavatorAlgorithm(primaryName),
      totalHs: speeds.reduce<number>((a, s) => a + (s ?? 0), 0),
      gpus,
      pools,
      uptimeS: seconds(primary.uptime),
    },
    opts,
  );
  const fansRpm = devices.map((d) => num(d.gpu_fan_speed_rpm)).filter((rpm): rpm is number => rpm !== null && rpm > 0);
  return { ...reading, fansRpm };
}
