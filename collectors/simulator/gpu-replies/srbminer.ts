/**
 * SRBMiner-Multi's HTTP API, GET / (protocols.md §2.3), rendered from a MinerState. Shape of the 0.1.8
 * capture (fx:gpu/srbminer-multi-0.1.8-root.json): keys in its order, 2-space indentation, unrounded H/s
 * floats, GPU model as "radeon_rx_vega"-style identifiers. Values that are the capture's own (versions)
 * are kept as captured; the capture lists one GPU in gpu_devices, the simulator lists them all.
 */
import type { SimHttpReply, SimHttpRequest } from '../families/types';
import type { RigPlan } from '../fleet-plan';
import type { MinerState } from '../miner-state';
import { gpuPoolUrl, gpuShares, JSON_HEADERS, simGpus } from './gpu-view';

export const SRBMINER_SIM_PATH = '/';

/** "Radeon RX 6700 XT" -> "radeon_rx_6700_xt", as SRBMiner names models. */
export function srbModelId(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_');
}

/** "2019-12-03 19:10:34" (UTC). */
function dateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Fan RPM of the i-th listed GPU (simGpus lists present boards only). */
function fanRpm(state: MinerState, gpuIndex: number): number {
  const board = state.boards.filter((b) => b.present)[gpuIndex];
  return board ? (state.fansRpm[board.slot - 1] ?? 0) : 0;
}

/** The GET / object. */
export function srbminerStatus(rig: RigPlan, state: MinerState): object {
  const gpus = simGpus(rig, state);
  const shares = gpuShares(state);
  const hs = (ths: number): number => ths * 1e12;
  const now = gpus.reduce((a, g) => a + g.hashrateHs, 0);
  const oneMin = gpus.reduce((a, g) => a + g.hashrate1mHs, 0);
  const rates: Record<string, number> = {};
  for (const g of gpus) rates[`GPU${g.index}`] = g.hashrate1mHs;
  rates.total = oneMin;
  const poolUptimeS = Math.max(0, state.elapsedS - 14);
  return {
    rig_name: rig.name,
    algorithm: rig.model.algorithm,
    miner_version: '0.1.8',
    driver_version: '26.20.13025.10004',
    mining_time: state.elapsedS,
    gpu_threads: gpus.length,
    total_threads: gpus.length,
    hashrate_total_now: now,
    hashrate_total_1min: oneMin,
    hashrate_total_5min: hs(state.hashrate5mThs),
    hashrate_total_30min: hs(state.hashrate30mThs),
    hashrate_total_max: Math.max(now, oneMin, hs(state.hashrate5mThs), hs(state.hashrate30mThs)) * 1.0021,
    gpu_devices: gpus.map((g) => ({
      device: `GPU${g.index}`,
      device_id: g.index,
      model: srbModelId(g.name),
      bus_id: g.index + 3,
      core_clock: rig.model.freqMhz,
      memory_clock: 1000,
      temperature: g.tempC,
      fan_speed_rpm: fanRpm(state, g.index),
      compute_errors: 0,
      // unverified: SRBMiner-Multi 2.x reports watts per GPU; the 0.1.8 capture has no power.
      power: Math.round(g.powerW),
    })),
    gpu_hashrate: [rates],
    shares: {
      total: shares.accepted + shares.rejected,
      accepted: shares.accepted,
      rejected: shares.rejected,
      avg_find_time: shares.accepted > 0 ? Math.round(state.elapsedS / shares.accepted) : 0,
    },
    pool: {
      pool: gpuPoolUrl(rig).replace(/^[a-z+]+:\/\//i, ''),
      difficulty: 4.294967296,
      time_connected: dateTime(state.tMs - poolUptimeS * 1000),
      uptime: poolUptimeS,
      latency: 20 + (rig.idHash % 200),
      last_job_received: state.lastShareAgoS,
    },
  };
}

/** GET / answers 200; anything else 404 (unverified: SRBMiner's own 404 body is not captured). */
export function srbminerHttpReply(request: SimHttpRequest, rig: RigPlan, state: MinerState): SimHttpReply {
  if (request.method !== 'GET' || request.path !== SRBMINER_SIM_PATH) return { status: 404, body: 'Not Found' };
  return { status: 200, headers: { ...JSON_HEADERS }, body: JSON.stringify(srbminerStatus(rig, state), null, 2) };
}
