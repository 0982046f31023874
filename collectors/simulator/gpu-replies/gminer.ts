/**
 * GMiner's GET /stat (protocols.md §2.3) rendered from a MinerState. Shape of the newest capture,
 * fx:gpu/gminer-1.34-stat.json: same keys and order, 2-space indentation, "/" escaped as "\/", device
 * speeds in speedUnit. GMiner 1.34 reports no fan per device, so neither does this.
 */
import type { SimHttpReply, SimHttpRequest } from '../families/types';
import type { RigPlan } from '../fleet-plan';
import type { MinerState } from '../miner-state';
import { gpuPoolUrl, gpuPoolUser, gpuShares, JSON_HEADERS, jsonEscapingSlashes, simGpus } from './gpu-view';

export const GMINER_SIM_PATH = '/stat';

const round = (x: number, digits = 0): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** GMiner's spelling of the algorithm; unverified (the captures only show Equihash 150,5 "Beam-PoW"). */
const ALGORITHM_NAMES: Record<string, string> = { kawpow: 'KawPow', ethash: 'Ethash', etchash: 'Etchash' };
/** Decimals of the speeds (the capture's 1 decimal of Sol/s; MH/s here, so 2). */
const SPEED_PRECISION = 2;

/** The /stat object. */
export function gminerStat(rig: RigPlan, state: MinerState): object {
  const shares = gpuShares(state);
  return {
    miner: 'GMiner 1.34',
    uptime: state.elapsedS,
    server: gpuPoolUrl(rig),
    user: gpuPoolUser(rig),
    algorithm: ALGORITHM_NAMES[rig.model.algorithm] ?? rig.model.algorithm,
    // kWh drawn since start-up, 3 decimals (0.005 after 15 s at 1,360 W in the 1.18 capture).
    electricity: round((state.powerW * state.elapsedS) / 3.6e6, 3),
    total_accepted_shares: shares.accepted,
    total_rejected_shares: shares.rejected,
    devices: simGpus(rig, state).map((g) => ({
      gpu_id: g.index,
      bus_id: g.busId,
      name: g.name,
      speed: round(g.hashrateHs / 1e6, SPEED_PRECISION),
      accepted_shares: g.accepted,
      rejected_shares: g.rejected,
      temperature: g.tempC,
      temperature_limit: 90,
      power_usage: round(g.powerW),
    })),
    speedRatePrecision: SPEED_PRECISION,
    // unverified: "MH/s" / "MH/W" for kawpow; the capture (Equihash) says "Sol/s" / "Sol/W".
    speedUnit: 'MH/s',
    powerUnit: 'MH/W',
  };
}

/** GET /stat answers 200; anything else 404 (unverified: GMiner's own 404 body is not captured). */
export function gminerHttpReply(request: SimHttpRequest, rig: RigPlan, state: MinerState): SimHttpReply {
  if (request.method !== 'GET' || request.path !== GMINER_SIM_PATH) return { status: 404, body: 'Not Found' };
  return { status: 200, headers: { ...JSON_HEADERS }, body: jsonEscapingSlashes(gminerStat(rig, state), 2) };
}
