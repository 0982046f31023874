/**
 * Bitaxe / NerdQAxe driver (AxeOS / NerdOS on ESP32, plain HTTP on port 80, no auth): GET /api/system/info
 * is required, GET /api/system/asic (ASIC count, the Bitaxe's model name) is optional.
 */
import { deviceJson } from '../http/client';
import { DeviceError, driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { describeAxeos, isAxeosInfo, parseAxeos } from './parse';

export const AXEOS_INFO_PATH = '/api/system/info';
export const AXEOS_ASIC_PATH = '/api/system/asic';

/**
 * An /api/system/info JSON object with a hashRate and the keys only ESP-Miner forks send: ASICModel,
 * axeOSVersion (AxeOS) or deviceModel (NerdOS).
 */
export function identifyAxeos(probe: ProbeReplies): Identity | null {
  const reply = probe.http?.[AXEOS_INFO_PATH];
  if (!reply || reply.status < 200 || reply.status > 299 || !isAxeosInfo(reply.json)) return null;
  const { make, model, firmware } = describeAxeos(reply.json);
  return { driver: 'axeos', make, model, firmware };
}

/** The body of an optional request, or null when it failed in a way that leaves the poll usable. */
async function optionalJson(target: PollTarget, path: string): Promise<unknown> {
  try {
    return await deviceJson(target, path);
  } catch (err) {
    if (!(err instanceof DeviceError) || err.kind === 'aborted') throw err;
    return null;
  }
}

/** Bitaxe (AxeOS) and NerdQAxe (NerdOS) over their HTTP API (protocols.md §1.9). */
export const axeosDriver: Driver = {
  ...driverKind('axeos'),
  maxRequestsPerPoll: 2, // /api/system/info, /api/system/asic
  probePath: AXEOS_INFO_PATH,
  identify: identifyAxeos,
  async poll(target: PollTarget) {
    const info = await deviceJson(target, AXEOS_INFO_PATH);
    // NerdOS names its model and ASIC count in info already. Older AxeOS has no /api/system/asic (404):
    // the model then comes from ASICModel alone.
    const complete = isAxeosInfo(info) && 'deviceModel' in info && 'asicCount' in info;
    const asic = complete ? null : await optionalJson(target, AXEOS_ASIC_PATH);
    return parseAxeos({ info, asic }, { modelHint: target.modelHint ?? null });
  },
};
