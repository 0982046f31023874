/**
 * T-Rex's GET /summary (protocols.md §2.3) rendered from a MinerState. Shape of the newest capture,
 * fx:gpu/trex-0.9.1-summary.json: keys in alphabetical order, 2-space indentation, "/" escaped as "\/",
 * integer H/s. Values that are the capture's own (api, cuda, version) are kept as captured.
 */
import type { SimHttpReply, SimHttpRequest } from '../families/types';
import type { RigPlan } from '../fleet-plan';
import type { MinerState } from '../miner-state';
import { gpuPoolUrl, gpuPoolUser, gpuShares, JSON_HEADERS, jsonEscapingSlashes, simGpus } from './gpu-view';

export const TREX_SIM_PATH = '/summary';

const round = (x: number, digits = 0): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** The /summary object. */
export function trexSummary(rig: RigPlan, state: MinerState): object {
  const shares = gpuShares(state);
  const gpus = simGpus(rig, state).map((g) => ({
    device_id: g.index,
    // unverified: fan_speed (%) and power (W) per GPU are in the 0.6.3 capture, not in 0.9.1's; kept in
    // the alphabetical places the 0.6.3 capture has them.
    fan_speed: g.fanPct,
    gpu_id: g.index,
    hashrate: round(g.hashrateHs),
    // unverified: the state has no 1 h or 24 h window; T-Rex sends 0 until it has run that long.
    hashrate_day: state.elapsedS >= 86_400 ? round(g.hashrateAvgHs) : 0,
    hashrate_hour: state.elapsedS >= 3_600 ? round(g.hashrate30mHs) : 0,
    hashrate_instant: round(g.hashrateHs),
    hashrate_minute: round(g.hashrate1mHs),
    intensity: 20,
    name: g.name,
    power: round(g.powerW),
    temperature: g.tempC,
    vendor: 'NVIDIA',
  }));
  const total = (pick: (g: (typeof gpus)[number]) => number): number => gpus.reduce((a, g) => a + pick(g), 0);
  const minutes = state.elapsedS / 60;
  return {
    accepted_count: shares.accepted,
    active_pool: {
      difficulty: 4,
      ping: 20 + (rig.idHash % 60),
      retries: 0,
      url: gpuPoolUrl(rig),
      user: gpuPoolUser(rig),
    },
    algorithm: rig.model.algorithm,
    api: '3.0',
    cuda: '9.20',
    description: 'T-Rex NVIDIA GPU miner',
    difficulty: 51151.705016436,
    gpu_total: gpus.length,
    gpus,
    hashrate: total((g) => g.hashrate),
    hashrate_day: total((g) => g.hashrate_day),
    hashrate_hour: total((g) => g.hashrate_hour),
    hashrate_minute: total((g) => g.hashrate_minute),
    name: 't-rex',
    os: 'linux',
    rejected_count: shares.rejected,
    sharerate: minutes > 0 ? round(shares.accepted / minutes, 3) : 0,
    sharerate_average: minutes > 0 ? round(shares.accepted / minutes, 3) : 0,
    solved_count: 0,
    success: 1,
    ts: Math.floor(state.tMs / 1000),
    uptime: state.elapsedS,
    version: '0.9.1',
  };
}

/** GET /summary answers 200; anything else 404 (unverified: T-Rex's own 404 body is not captured). */
export function trexHttpReply(request: SimHttpRequest, rig: RigPlan, state: MinerState): SimHttpReply {
  if (request.method !== 'GET' || request.path !== TREX_SIM_PATH) return { status: 404, body: 'Not Found' };
  return { status: 200, headers: { ...JSON_HEADERS }, body: jsonEscapingSlashes(trexSummary(rig, state), 2) };
}
