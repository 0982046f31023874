/**
 * Replies of the demo's mempool-compatible API, shaped like the captures in shared/fixtures/network and
 * with their unit quirks (text/plain tip, ms and s mixed in difficulty-adjustment, sums as strings).
 * Pure functions of (seed, time): the tip advances one block every 10 minutes of the injected clock.
 */
import { subsidySatsAt } from '../../../lib/economics/subsidy';
import { hash32, smoothNoise, unit } from '../prng';

const HALVING_2024_MS = Date.UTC(2024, 3, 20, 0, 9, 27);
const BLOCK_MS = 600_000;
const RETARGET = 2016;
/** Difficulty around which each retarget period's value is drawn (brief: about 1.2e14). */
const BASE_DIFFICULTY = 1.2e14;
const USD_PRICE = 90_000;
/** Fixed cross rates: the demo's other currencies follow USD. */
const PER_USD: Readonly<Record<string, number>> = { USD: 1, EUR: 0.92, GBP: 0.79, CAD: 1.38, CHF: 0.88, AUD: 1.53, JPY: 150 };

// Stream tags keep the random series of different quantities independent.
const S_DIFF = 101,
  S_FEE = 102,
  S_PRICE = 103,
  S_PACE = 104;

/** Tip height at tMs: the same schedule as the Whatsminer "Current Block Height" (840,000 at the 2024 halving). */
export function simTipHeight(tMs: number): number {
  return 840_000 + Math.floor((tMs - HALVING_2024_MS) / BLOCK_MS);
}

/** When block `height` was found, s. */
function blockTimeS(height: number): number {
  return Math.floor((HALVING_2024_MS + (height - 840_000) * BLOCK_MS) / 1000);
}

/** Difficulty of retarget period `period` (height / 2016): within +/-3 % of the base. */
export function simDifficulty(seed: number, period: number): number {
  return Math.round(BASE_DIFFICULTY * (1 + 0.03 * (unit(seed, S_DIFF, period) * 2 - 1)) * 100) / 100;
}

/** Hash rate pace vs. difficulty, -3..+3 %: what the next retarget is estimated to correct. */
function pacePct(seed: number, tMs: number): number {
  return 3 * smoothNoise(seed, S_PACE, tMs, 6 * 3600_000);
}

/** `/api/v1/difficulty-adjustment`, quirks included: estimatedRetargetDate/remainingTime/timeAvg in ms, previousTime in s. */
export function difficultyAdjustmentReply(seed: number, tMs: number): object {
  const tip = simTipHeight(tMs);
  const start = Math.floor(tip / RETARGET) * RETARGET;
  const next = start + RETARGET;
  const change = pacePct(seed, tMs);
  const timeAvg = Math.round(BLOCK_MS / (1 + change / 100));
  const period = start / RETARGET;
  return {
    progressPercent: ((tip - start) / RETARGET) * 100,
    difficultyChange: change,
    estimatedRetargetDate: tMs + (next - tip) * timeAvg,
    remainingBlocks: next - tip,
    remainingTime: (next - tip) * timeAvg,
    previousRetarget: (simDifficulty(seed, period) / simDifficulty(seed, period - 1) - 1) * 100,
    previousTime: blockTimeS(start),
    nextRetargetHeight: next,
    timeAvg,
    adjustedTimeAvg: timeAvg,
    timeOffset: 0,
    expectedBlocks: (tMs / 1000 - blockTimeS(start)) / 600,
  };
}

/** Total fees of block `height`, sats: 0.02-0.05 BTC, varying block to block and slowly over the day. */
function blockFeeSats(seed: number, height: number): number {
  const trend = smoothNoise(seed, S_FEE, height * BLOCK_MS, 12 * 3600_000);
  return Math.round(3_500_000 * (1 + 0.25 * trend + 0.15 * (unit(seed, S_FEE, height) * 2 - 1)));
}

/** `/api/v1/mining/reward-stats/:n`: the last n blocks, sums as strings of sats (a MySQL DECIMAL quirk). */
export function rewardStatsReply(seed: number, tMs: number, blockCount: number): object {
  const end = simTipHeight(tMs);
  const start = end - blockCount + 1;
  let fee = 0;
  let reward = 0;
  let txs = 0;
  for (let h = start; h <= end; h++) {
    const f = blockFeeSats(seed, h);
    fee += f;
    reward += f + subsidySatsAt(h);
    txs += 2500 + (hash32(seed, S_FEE, h) % 2000);
  }
  return { startBlock: start, endBlock: end, totalReward: String(reward), totalFee: String(fee), totalTx: String(txs) };
}

/** `/api/v1/mining/hashrate/:period`: daily averages, the latest adjustment, current values (H/s). */
export function hashrateReply(seed: number, tMs: number): object {
  const tip = simTipHeight(tMs);
  const period = Math.floor(tip / RETARGET);
  const difficulty = simDifficulty(seed, period);
  const hps = (atMs: number) => Math.round(((difficulty * 2 ** 32) / 600) * (1 + pacePct(seed, atMs) / 100));
  const dayMs = 86_400_000;
  const today = Math.floor(tMs / dayMs) * dayMs;
  return {
    hashrates: [3, 2, 1].map((d) => ({ timestamp: (today - d * dayMs) / 1000, avgHashrate: hps(today - d * dayMs + dayMs / 2) })),
    difficulty: [{ timestamp: blockTimeS(period * RETARGET), difficulty, height: period * RETARGET }],
    currentHashrate: hps(tMs),
    currentDifficulty: difficulty,
  };
}

/** `/api/v1/prices`: whole units, USD about 90,000 drifting a few percent over hours, the rest by fixed rates. */
export function pricesReply(seed: number, tMs: number): object {
  const drift = 0.7 * smoothNoise(seed, S_PRICE, tMs, 6 * 3600_000) + 0.3 * smoothNoise(seed, S_PRICE + 1, tMs, 30 * 60_000);
  const usd = USD_PRICE * (1 + 0.03 * drift);
  const out: Record<string, number> = { time: Math.floor(tMs / 1000) };
  for (const [code, rate] of Object.entries(PER_USD)) out[code] = Math.round(usd * rate);
  return out;
}

/** `/api/v1/fees/recommended`, sat/vB. */
export function feesRecommendedReply(seed: number, tMs: number): object {
  const base = 4 + Math.round(3 * (smoothNoise(seed, S_FEE + 1, tMs, 3600_000) + 1));
  return { fastestFee: base + 3, halfHourFee: base + 1, hourFee: base, economyFee: Math.max(1, base - 2), minimumFee: 1 };
}

/** A stable fake hash of block `height`. */
function blockHash(seed: number, height: number): string {
  return (
    '00000000000000000000' +
    Array.from({ length: 11 }, (_, i) => hash32(seed, height, i).toString(16).padStart(8, '0'))
      .join('')
      .slice(0, 44)
  );
}

/** `/api/blocks/tip/hash`: a stable fake hash of the tip. */
export function tipHashReply(seed: number, tMs: number): string {
  return blockHash(seed, simTipHeight(tMs));
}

/** `/api/v1/blocks`: the 15 newest blocks, newest first, with mempool's fields (a subset of its extras). */
export function recentBlocksReply(seed: number, tMs: number): object[] {
  const tip = simTipHeight(tMs);
  return Array.from({ length: 15 }, (_, i) => {
    const height = tip - i;
    const fees = blockFeeSats(seed, height);
    const txCount = 2500 + (hash32(seed, S_FEE, height) % 2000);
    return {
      id: blockHash(seed, height),
      height,
      version: 0x20000000,
      timestamp: blockTimeS(height),
      tx_count: txCount,
      size: 1_500_000 + txCount * 150,
      weight: 3_990_000,
      difficulty: simDifficulty(seed, Math.floor(height / RETARGET)),
      previousblockhash: blockHash(seed, height - 1),
      mediantime: blockTimeS(height - 5),
      extras: { reward: subsidySatsAt(height) + fees, totalFees: fees, medianFee: 4 },
    };
  });
}
