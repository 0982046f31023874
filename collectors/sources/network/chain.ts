/**
 * Consensus arithmetic both network sources share. Subsidy, halving and the retarget height come from
 * lib/economics/subsidy (one definition for the whole app); this adds the retarget estimate a node
 * source must work out itself, and the ms-based halving ETA the sources store.
 */
import type { NetworkState } from '../../../lib/domain/network';
import { halvingInfo, nextRetargetHeight, RETARGET_INTERVAL_BLOCKS, subsidySatsAt } from '../../../lib/economics/subsidy';

export { nextRetargetHeight, subsidySatsAt };

/** Target block interval, ms. */
export const TARGET_BLOCK_MS = 600_000;

/** The next halving after `tipHeight`, with an ETA from the average block time (ms). */
export function halvingAfter(tipHeight: number, nowMs: number, avgBlockMs: number): NetworkState['halving'] {
  const { height, blocksLeft, estimatedDateMs } = halvingInfo(tipHeight, nowMs, avgBlockMs / 1000);
  return { height, blocksLeft, estimatedDateMs };
}

/** First height of the retarget period `tipHeight` belongs to. */
export function periodStartHeight(tipHeight: number): number {
  return Math.floor(tipHeight / RETARGET_INTERVAL_BLOCKS) * RETARGET_INTERVAL_BLOCKS;
}

/**
 * Estimated difficulty change at the next retarget from the period's blocks so far: expected over actual
 * time, clamped to the factor 4 consensus allows. 0 when no block of the period has been found yet.
 */
export function estimateRetargetChangePct(blocksIntoPeriod: number, elapsedMs: number): number {
  if (blocksIntoPeriod < 1 || elapsedMs <= 0) return 0;
  const ratio = (blocksIntoPeriod * TARGET_BLOCK_MS) / elapsedMs;
  return (Math.min(4, Math.max(0.25, ratio)) - 1) * 100;
}

/** Network hash rate in TH/s implied by difficulty: D * 2^32 / 600 s. */
export function hashrateThsFromDifficulty(difficulty: number): number {
  return (difficulty * 2 ** 32) / 600 / 1e12;
}
