/**
 * A GPU rig's MinerState as the HTTP GPU miners (T-Rex, lolMiner, GMiner, NBMiner) see it: each present
 * board is a GPU, with its hash rate in H/s of the rig's algorithm, its share of the rig's power, its
 * hottest sensor and a fan duty derived from the board's fan RPM. Pure.
 */
import type { RigPlan } from '../fleet-plan';
import type { MinerState } from '../miner-state';

/** Fan RPM at 100 % duty (the APIs report %); unverified, same full scale as the simulated gpu-agent. */
export const GPU_FAN_MAX_RPM = 6500;
/**
 * Hashes per accepted share: GPU pools hand out far easier shares than the SHA-256 difficulty of the
 * ASIC replies (4 G is a typical ethash pool difficulty), so a GPU rig finds a few shares a minute.
 */
export const GPU_SHARE_HASHES = 4e9;
/** One share in this many is rejected. */
const REJECT_EVERY = 250;

/** One GPU at an instant. */
export interface SimGpu {
  /** Zero-based position on the bus (a lost board is a GPU that is no longer listed). */
  index: number;
  name: string;
  /** H/s: instant (the miner's main figure), then the windows. */
  hashrateHs: number;
  hashrate1mHs: number;
  hashrate30mHs: number;
  hashrateAvgHs: number;
  /** Unrounded share of the rig's power; each API rounds as it does. */
  powerW: number;
  tempC: number;
  fanPct: number;
  accepted: number;
  rejected: number;
  /** "0000:01:00.0", as GMiner prints bus ids. */
  busId: string;
}

const hs = (ths: number): number => ths * 1e12;

/** Shares accepted and rejected since start-up at the rig's average rate. */
export function gpuShares(state: MinerState): { accepted: number; rejected: number } {
  const accepted = Math.floor((state.elapsedS * hs(state.hashrateAvgThs)) / GPU_SHARE_HASHES);
  return { accepted, rejected: Math.floor(accepted / REJECT_EVERY) };
}

/** The GPUs of the rig at the instant, in bus order. */
export function simGpus(rig: RigPlan, state: MinerState): SimGpu[] {
  const present = state.boards.filter((b) => b.present);
  const shares = gpuShares(state);
  const avgTotal = present.reduce((a, b) => a + b.hashrateAvgThs, 0);
  const gpus = present.map((b, index): SimGpu => {
    const powerShare = state.hashrateThs > 0 ? b.hashrateThs / state.hashrateThs : 1 / present.length;
    const shareOf = avgTotal > 0 ? b.hashrateAvgThs / avgTotal : 1 / present.length;
    const fanRpm = state.fansRpm[b.slot - 1] ?? state.fansRpm[0] ?? 0;
    return {
      index,
      name: rig.model.firmwareModel,
      hashrateHs: hs(b.hashrateThs),
      hashrate1mHs: hs(b.hashrate1mThs),
      hashrate30mHs: hs(b.hashrate30mThs),
      hashrateAvgHs: hs(b.hashrateAvgThs),
      powerW: state.powerW * powerShare,
      tempC: Math.max(...b.chipTempsC),
      fanPct: Math.min(100, Math.round((fanRpm / GPU_FAN_MAX_RPM) * 100)),
      accepted: Math.floor(shares.accepted * shareOf),
      rejected: Math.floor(shares.rejected * shareOf),
      busId: `0000:${b.slot.toString(16).toUpperCase().padStart(2, '0')}:00.0`,
    };
  });
  // Rounding remainders go to the first GPU, so the GPUs add up to the rig's counters.
  if (gpus[0]) {
    gpus[0].accepted += shares.accepted - gpus.reduce((a, g) => a + g.accepted, 0);
    gpus[0].rejected += shares.rejected - gpus.reduce((a, g) => a + g.rejected, 0);
  }
  return gpus;
}

/**
 * The site's primary pool on the rig's algorithm: "stratum+tcp://btc.pool-one.example:3333" becomes
 * "stratum+tcp://ethash.pool-one.example:3333", so GPU rigs never count as SHA-256 workers of the demo pool.
 */
export function gpuPoolUrl(rig: RigPlan): string {
  return (rig.site.poolUrls[0] ?? 'stratum+tcp://btc.pool-one.example:3333').replace(/\/\/btc\./, `//${rig.model.algorithm}.`);
}

/** Pool user "<account>.<rig name>", as the ASIC replies use. */
export function gpuPoolUser(rig: RigPlan): string {
  return `${rig.site.poolAccount}.${rig.name}`;
}

/** JSON with every "/" written "\/", as T-Rex 0.9.1, lolMiner 1.0 and GMiner 1.34 send it. */
export function jsonEscapingSlashes(value: unknown, indent: number): string {
  return JSON.stringify(value, null, indent).replace(/\//g, '\\/');
}

/** Headers of a JSON body sent as text (the listener labels string bodies text/plain otherwise). */
export const JSON_HEADERS: Readonly<Record<string, string>> = { 'content-type': 'application/json' };
