/**
 * lolMiner's GET /summary (protocols.md §2.3) rendered from a MinerState. Shape of the only capture,
 * fx:gpu/lolminer-1.0-summary.json (the old Session/GPUs schema): same keys and order, 4-space
 * indentation, "/" escaped as "\/", rates in Performance_Unit.
 */
import type { SimHttpReply, SimHttpRequest } from '../families/types';
import type { RigPlan } from '../fleet-plan';
import type { MinerState } from '../miner-state';
import { gpuPoolUrl, gpuPoolUser, gpuShares, JSON_HEADERS, jsonEscapingSlashes, simGpus } from './gpu-view';

export const LOLMINER_SIM_PATH = '/summary';

const round = (x: number, digits = 0): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Coin and lolMiner's spelling of the algorithm; unverified except ZelHash (the capture's). */
const ALGORITHMS: Record<string, { coin: string; name: string }> = {
  etchash: { coin: 'ETC', name: 'Etchash' },
  ethash: { coin: 'ETH', name: 'Ethash' },
  zelhash: { coin: 'ZEL', name: 'ZelHash' },
};

/** "2020-06-07_06-51-00", the capture's Startup_String (UTC here). */
function startupString(epochS: number): string {
  return new Date(epochS * 1000).toISOString().slice(0, 19).replace('T', '_').replace(/:/g, '-');
}

/** The /summary object. */
export function lolminerSummary(rig: RigPlan, state: MinerState): object {
  const algo = ALGORITHMS[rig.model.algorithm] ?? { coin: rig.model.algorithm.toUpperCase(), name: rig.model.algorithm };
  const nowS = Math.floor(state.tMs / 1000);
  const shares = gpuShares(state);
  // unverified: "mh/s" for an ethash-class algorithm; the capture (ZelHash) says "sol/s".
  const perUnit = 1e6;
  const gpus = simGpus(rig, state).map((g) => ({
    Index: g.index,
    Name: g.name,
    Performance: round(g.hashrateHs / perUnit, 2),
    'Consumption (W)': round(g.powerW),
    'Fan Speed (%)': g.fanPct,
    'Temps (deg C)': g.tempC,
    Session_Accepted: g.accepted,
    Session_Submitted: g.accepted + g.rejected,
    PCIE_Address: `${g.index + 1}:0`,
  }));
  return {
    Software: 'lolMiner 1.0 a2',
    Mining: { Coin: algo.coin, Algorithm: algo.name },
    Stratum: {
      // The capture's pool has no scheme: "stratum.zel.cash:2001".
      Current_Pool: gpuPoolUrl(rig).replace(/^[a-z+]+:\/\//, ''),
      Current_User: gpuPoolUser(rig),
      Average_Latency: round(20 + (rig.idHash % 600) / 10, 1),
    },
    Session: {
      Startup: nowS - state.elapsedS,
      Startup_String: startupString(nowS - state.elapsedS),
      Uptime: state.elapsedS,
      Last_Update: nowS,
      Active_GPUs: gpus.length,
      Performance_Summary: round(
        gpus.reduce((a, g) => a + g.Performance, 0),
        2,
      ),
      Performance_Unit: 'mh/s',
      Accepted: shares.accepted,
      Submitted: shares.accepted + shares.rejected,
      TotalPower: round(state.powerW),
    },
    GPUs: gpus,
  };
}

/** GET /summary answers 200; anything else 404 (unverified: lolMiner's own 404 body is not captured). */
export function lolminerHttpReply(request: SimHttpRequest, rig: RigPlan, state: MinerState): SimHttpReply {
  if (request.method !== 'GET' || request.path !== LOLMINER_SIM_PATH) return { status: 404, body: 'Not Found' };
  return { status: 200, headers: { ...JSON_HEADERS }, body: jsonEscapingSlashes(lolminerSummary(rig, state), 4) };
}
