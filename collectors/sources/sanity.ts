/**
 * Whether a network or price reading could be true, before it replaces the stored one. A source that
 * lost its node, was pointed at another chain, froze, or simply lies must not move every profit figure
 * with no flag: an impossible reading is refused with the reason (stored as the source's error), and the
 * last good value stays and ages into "stale" as for any failed fetch. Pure: the clock is an argument.
 *
 * The bounds, in one table (README "Network and price sources" repeats it):
 *
 * | reading | refused when |
 * |---|---|
 * | tip height | more than 6 blocks below the last accepted tip (a reorg is shorter); above one block a minute since genesis |
 * | difficulty | not in 1e-10 .. 1e20 (regtest's minimum is 4.7e-10; mainnet is about 1e14); more than 4x up or down from the last accepted value per retarget period between them (the consensus limit per adjustment) |
 * | fees per block | negative, or more than max(10 x the subsidy, 50 BTC) |
 * | network hash rate | negative or not finite |
 * | tip block time | older than the network staleness limit plus 2 h (blocks come at random: a 2 h gap happens about once a century); more than 2 h ahead of the clock (consensus limit); not checked on regtest, whose blocks come on demand |
 * | BTC price | not above 0, or at least 1e8 per BTC (1e10 in JPY), as mempool's own price task bounds it |
 * | price time | older than the price staleness limit; more than 10 min ahead of the clock |
 *
 * The comparisons with the last accepted reading apply only while it came from the same source: after a
 * change of source (another URL, mempool to bitcoind) the first sane reading starts afresh.
 */
import type { BtcPrices, NetworkReading, NetworkState } from '../../lib/domain/network';
import { RETARGET_INTERVAL_BLOCKS } from '../../lib/economics/subsidy';

/** The bounds of the table above. */
export const SANITY_BOUNDS = {
  reorgMaxBlocks: 6,
  difficultyMaxFactorPerRetarget: 4,
  difficultyRange: [1e-10, 1e20] as const,
  /** Genesis block time (2009-01-03 18:15:05 UTC): no height can exceed one block a minute since. */
  genesisMs: Date.UTC(2009, 0, 3, 18, 15, 5),
  fastestAverageBlockMs: 60_000,
  feesMaxSubsidyFactor: 10,
  feesMaxFloorSats: 50 * 100_000_000,
  tipTimeAllowanceMs: 2 * 3_600_000,
  tipTimeMaxAheadMs: 2 * 3_600_000,
  priceMaxPerBtc: 1e8,
  priceMaxPerBtcJpy: 1e10,
  priceTimeMaxAheadMs: 10 * 60_000,
} as const;

/** What a check needs besides the reading: the clock and the staleness limits. */
export interface SanityContext {
  nowMs: number;
  /** HASHWATT_NETWORK_STALE_AFTER_S in ms. */
  networkStaleAfterMs: number;
  /** HASHWATT_PRICE_STALE_AFTER_S in ms. */
  priceStaleAfterMs: number;
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
const sci = (n: number) => (Number.isFinite(n) ? n.toPrecision(3) : String(n));
const iso = (ms: number) => (Number.isFinite(ms) && Math.abs(ms) < 8.64e15 ? new Date(ms).toISOString().replace('.000Z', 'Z') : String(ms));
/** "45 min", "5 h", "1,800 days": an age as people read it. */
const age = (ms: number) =>
  ms < 2 * 3_600_000 ? `${fmt(ms / 60_000)} min` : ms < 2 * 86_400_000 ? `${fmt(ms / 3_600_000)} h` : `${fmt(ms / 86_400_000)} days`;

/** The highest height possible at `nowMs`. */
export function maxPossibleHeight(nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - SANITY_BOUNDS.genesisMs) / SANITY_BOUNDS.fastestAverageBlockMs));
}

/** Why `state` alone cannot be true, or null. */
function physicalProblem(state: NetworkState, nowMs: number): string | null {
  const b = SANITY_BOUNDS;
  const [minD, maxD] = b.difficultyRange;
  if (!Number.isInteger(state.tipHeight) || state.tipHeight < 0 || state.tipHeight > maxPossibleHeight(nowMs)) {
    return `tip height ${fmt(state.tipHeight)} is impossible (at most ${fmt(maxPossibleHeight(nowMs))} blocks could exist by now)`;
  }
  if (!(state.difficulty >= minD && state.difficulty <= maxD))
    return `difficulty ${sci(state.difficulty)} is outside ${sci(minD)} .. ${sci(maxD)}`;
  const maxFeesSats = Math.max(b.feesMaxSubsidyFactor * state.subsidySats, b.feesMaxFloorSats);
  if (!(state.feesPerBlockSats >= 0 && state.feesPerBlockSats <= maxFeesSats)) {
    return `fees of ${fmt(state.feesPerBlockSats)} sats per block are outside 0 .. ${fmt(maxFeesSats)} (10 x the subsidy, at least 50 BTC)`;
  }
  if (state.networkHashrateThs !== null && !(state.networkHashrateThs >= 0 && Number.isFinite(state.networkHashrateThs))) {
    return `network hash rate ${sci(state.networkHashrateThs)} TH/s is not a positive number`;
  }
  return null;
}

/** Why the tip block's own time rules the reading out, or null. */
function tipTimeProblem(reading: NetworkReading, ctx: SanityContext): string | null {
  const b = SANITY_BOUNDS;
  if (reading.tipTimeMs === null || reading.chain === 'regtest') return null;
  const ageMs = ctx.nowMs - reading.tipTimeMs;
  if (ageMs > ctx.networkStaleAfterMs + b.tipTimeAllowanceMs) {
    return `the tip block ${fmt(reading.state.tipHeight)} is dated ${iso(reading.tipTimeMs)}, ${age(ageMs)} ago: older than the ${age(ctx.networkStaleAfterMs)} staleness limit plus 2 h (the source is behind the chain)`;
  }
  if (-ageMs > b.tipTimeMaxAheadMs)
    return `the tip block ${fmt(reading.state.tipHeight)} is dated ${iso(reading.tipTimeMs)}, more than 2 h ahead of this clock (${iso(ctx.nowMs)})`;
  return null;
}

/** Why the move from the last accepted state is impossible, or null. */
function moveProblem(state: NetworkState, last: NetworkState): string | null {
  const b = SANITY_BOUNDS;
  const drop = last.tipHeight - state.tipHeight;
  if (drop > b.reorgMaxBlocks) {
    return `tip height ${fmt(state.tipHeight)} is ${fmt(drop)} blocks below the last accepted ${fmt(last.tipHeight)} (a reorg is at most ${b.reorgMaxBlocks})`;
  }
  const periods = Math.floor(state.tipHeight / RETARGET_INTERVAL_BLOCKS) - Math.floor(last.tipHeight / RETARGET_INTERVAL_BLOCKS);
  const maxFactor = b.difficultyMaxFactorPerRetarget ** Math.max(1, periods);
  const factor = Math.max(state.difficulty / last.difficulty, last.difficulty / state.difficulty);
  if (factor > maxFactor) {
    const across = periods > 1 ? ` across ${periods} retargets` : '';
    return `difficulty ${sci(state.difficulty)} is ${factor.toPrecision(3)}x the last accepted ${sci(last.difficulty)} (at most ${fmt(maxFactor)}x${across})`;
  }
  return null;
}

/**
 * Why a network reading is refused, or null when it may be stored. `last` is the last accepted state
 * from the same source (null: none, or it came from another source).
 */
export function networkReadingProblem(reading: NetworkReading, last: NetworkState | null, ctx: SanityContext): string | null {
  const problem =
    physicalProblem(reading.state, ctx.nowMs) ?? tipTimeProblem(reading, ctx) ?? (last ? moveProblem(reading.state, last) : null);
  return problem === null ? null : `refused: ${problem}`;
}

/** Why a price reading is refused, or null. `timeMs` is the source's own time of the prices (null: none given). */
export function priceReadingProblem(prices: BtcPrices, timeMs: number | null, ctx: SanityContext): string | null {
  const b = SANITY_BOUNDS;
  for (const [currency, price] of Object.entries(prices)) {
    const max = currency === 'JPY' ? b.priceMaxPerBtcJpy : b.priceMaxPerBtc;
    if (!(price > 0 && price < max)) return `refused: the BTC price ${sci(price)} ${currency} is outside 0 .. ${sci(max)}`;
  }
  if (timeMs === null) return null;
  const ageMs = ctx.nowMs - timeMs;
  if (ageMs > ctx.priceStaleAfterMs) {
    return `refused: the prices are dated ${iso(timeMs)}, ${age(ageMs)} ago: older than the ${age(ctx.priceStaleAfterMs)} staleness limit (HASHWATT_PRICE_STALE_AFTER_S)`;
  }
  if (-ageMs > b.priceTimeMaxAheadMs)
    return `refused: the prices are dated ${iso(timeMs)}, more than 10 min ahead of this clock (${iso(ctx.nowMs)})`;
  return null;
}
