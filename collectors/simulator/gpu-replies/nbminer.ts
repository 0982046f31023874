/**
 * NBMiner's GET /api/v1/status (protocols.md §2.3) rendered from a MinerState. Shape of the only capture,
 * fx:gpu/nbminer-10.0-api-v1-status.json: same keys and order, 2-space indentation, *_raw rates in H/s.
 * Single-coin mining, so no hashrate2 fields. unverified: whether NBMiner escapes "/" as T-Rex does (the
 * capture's pool URL has no slash); sent unescaped here.
 */
import type { SimHttpReply, SimHttpRequest } from '../families/types';
import type { RigPlan } from '../fleet-plan';
import type { MinerState } from '../miner-state';
import { gpuPoolUrl, gpuPoolUser, gpuShares, JSON_HEADERS, simGpus } from './gpu-view';

export const NBMINER_SIM_PATH = '/api/v1/status';

const round = (x: number, digits = 0): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Memory NBMiner appends to the name ("GeForce GTX 1080 Ti 11178 MB"); an RTX 3090 has 24 GB. */
const MEMORY_MB = 24576;

/** The /api/v1/status object. */
export function nbminerStatus(rig: RigPlan, state: MinerState): object {
  const shares = gpuShares(state);
  const devices = simGpus(rig, state).map((g) => ({
    core_clock: rig.model.freqMhz,
    core_utilization: 100,
    fan: g.fanPct,
    // A number as in the capture (its primary coin); newer versions may format it like hashrate2 ("23.0 M").
    hashrate: round(g.hashrateHs),
    hashrate_raw: round(g.hashrateHs),
    id: g.index,
    info: `${g.name} ${MEMORY_MB} MB`,
    power: round(g.powerW),
    temperature: g.tempC,
  }));
  const totalRaw = devices.reduce((a, d) => a + d.hashrate_raw, 0);
  const submitted = shares.accepted + shares.rejected;
  return {
    miner: {
      devices,
      total_hashrate: totalRaw,
      total_hashrate_raw: totalRaw,
      total_power_consume: round(state.powerW),
    },
    start_time: Math.floor(state.tMs / 1000) - state.elapsedS,
    stratum: {
      accepted_share_rate: submitted ? round(shares.accepted / submitted, 2) : 0,
      accepted_shares: shares.accepted,
      // unverified: "algorithm" is in newer NBMiner versions only (the v10 capture has none).
      algorithm: rig.model.algorithm,
      password: '',
      rejected_share_rate: submitted ? round(shares.rejected / submitted, 2) : 0,
      rejected_shares: shares.rejected,
      url: gpuPoolUrl(rig),
      use_ssl: false,
      user: gpuPoolUser(rig),
      difficulty: '0003ffff',
      latency: 20 + (rig.idHash % 60),
    },
    version: 'v10.0',
  };
}

/** GET /api/v1/status answers 200; anything else 404 (unverified: NBMiner's own 404 body is not captured). */
export function nbminerHttpReply(request: SimHttpRequest, rig: RigPlan, state: MinerState): SimHttpReply {
  if (request.method !== 'GET' || request.path !== NBMINER_SIM_PATH) return { status: 404, body: 'Not Found' };
  return { status: 200, headers: { ...JSON_HEADERS }, body: JSON.stringify(nbminerStatus(rig, state), null, 2) };
}
