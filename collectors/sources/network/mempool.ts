/**
 * Network state and prices from a mempool-compatible REST API (mempool.space or a self-hosted instance).
 * Pure parsers per endpoint, then one thin fetch shell. Unit quirks (protocols.md section 4.1):
 * difficulty-adjustment mixes ms and s; reward-stats sums are strings. The tip comes from /v1/blocks (the
 * newest blocks with their heights and timestamps) rather than the bare /blocks/tip/height, because the
 * sanity checks need the tip's own time.
 * Current difficulty comes from /v1/mining/hashrate/3d (`currentDifficulty`): difficulty-adjustment only has
 * the change, not the value.
 */
import type { BtcPrices, NetworkReading, NetworkState, PriceReading } from '../../../lib/domain/network';
import { CURRENCIES } from '../../../lib/domain/network';
import { getParsed, joinUrl, type HttpOptions } from '../http';
import { count, numeric, optionalNumeric, record, unexpected } from '../parse';
import { halvingAfter, hashrateThsFromDifficulty, subsidySatsAt, TARGET_BLOCK_MS } from './chain';

/** Default base URL; operators may point HASHWATT_MEMPOOL_URL at their own instance. */
export { DEFAULT_MEMPOOL_URL } from '../../../lib/config/sources';

/** Blocks the fee average spans (economics.md formula 5). */
export const FEE_WINDOW_BLOCKS = 144;

/** The next retarget as /v1/difficulty-adjustment describes it, in ms. */
export interface DifficultyAdjustment {
  estimatedChangePct: number;
  estimatedDateMs: number;
  blocksLeft: number;
  height: number;
  /** Average block time of the current period (`timeAvg`), ms. */
  avgBlockMs: number;
}

/** Options of the fetch shells. */
export interface MempoolOptions extends HttpOptions {
  nowMs: number;
}

/**
 * `/v1/blocks`: the newest blocks (15 on mempool.space), each with `height` and `timestamp` (s). The tip
 * is the highest; its timestamp says how old the source's view of the chain is.
 */
export function parseRecentBlocks(json: unknown): { tipHeight: number; tipTimeMs: number } {
  if (!Array.isArray(json) || json.length === 0) unexpected('blocks: not a non-empty list of blocks');
  let tip: { height: number; timeS: number } | null = null;
  for (const [i, raw] of json.entries()) {
    const b = record(raw, `blocks[${i}]`);
    const height = count(b.height, `blocks[${i}].height`);
    if (tip === null || height > tip.height) tip = { height, timeS: count(b.timestamp, `blocks[${i}].timestamp`) };
  }
  return { tipHeight: tip!.height, tipTimeMs: tip!.timeS * 1000 };
}

/**
 * Epoch ms from a field the live API sends in ms but the old docs (and older backends) in s: values below
 * 1e11 (1973 in ms, year 5138 in s) can only be seconds.
 */
function epochMs(x: unknown, what: string): number {
  const n = numeric(x, what);
  return n < 1e11 ? n * 1000 : n;
}

/** `/v1/difficulty-adjustment`. `estimatedRetargetDate` and `timeAvg` are ms; `previousTime` (unused) is s. */
export function parseDifficultyAdjustment(json: unknown): DifficultyAdjustment {
  const o = record(json, 'difficulty-adjustment');
  const timeAvg = optionalNumeric(o.timeAvg, 'difficulty-adjustment timeAvg');
  return {
    estimatedChangePct: numeric(o.difficultyChange, 'difficulty-adjustment difficultyChange'),
    estimatedDateMs: epochMs(o.estimatedRetargetDate, 'difficulty-adjustment estimatedRetargetDate'),
    blocksLeft: count(o.remainingBlocks, 'difficulty-adjustment remainingBlocks'),
    height: count(o.nextRetargetHeight, 'difficulty-adjustment nextRetargetHeight'),
    // A ten-minute average is ~600,000 in ms and ~600 in s; below 100,000 it can only be seconds.
    avgBlockMs: timeAvg === null || timeAvg <= 0 ? TARGET_BLOCK_MS : timeAvg < 100_000 ? timeAvg * 1000 : timeAvg,
  };
}

/** `/v1/mining/reward-stats/:n`: mean fees per block over startBlock..endBlock (inclusive), integer sats. */
export function parseRewardStats(json: unknown): { feesPerBlockSats: number; blockCount: number; endBlock: number } {
  const o = record(json, 'reward-stats');
  const startBlock = count(o.startBlock, 'reward-stats startBlock');
  const endBlock = count(o.endBlock, 'reward-stats endBlock');
  // The sums are MySQL DECIMALs, which arrive as strings of satoshis.
  const totalFee = numeric(o.totalFee, 'reward-stats totalFee');
  const blockCount = endBlock - startBlock + 1;
  if (blockCount < 1) unexpected(`reward-stats endBlock ${endBlock} is before startBlock ${startBlock}`);
  if (totalFee < 0) unexpected(`reward-stats totalFee is negative: ${totalFee}`);
  return { feesPerBlockSats: Math.round(totalFee / blockCount), blockCount, endBlock };
}

/**
 * `/v1/mining/hashrate/3d`: current difficulty and hash rate (H/s). The backend sends 0 for both when it
 * cannot reach its own Bitcoin Core; then the latest adjustment in `difficulty[]` is the current value.
 */
export function parseHashrate(json: unknown): { difficulty: number; networkHashrateThs: number | null } {
  const o = record(json, 'hashrate');
  let difficulty = optionalNumeric(o.currentDifficulty, 'hashrate currentDifficulty') ?? 0;
  if (difficulty <= 0 && Array.isArray(o.difficulty) && o.difficulty.length > 0) {
    const latest = o.difficulty
      .map((d, i) => record(d, `hashrate difficulty[${i}]`))
      .reduce((a, b) => (numeric(b.height, 'hashrate difficulty height') > numeric(a.height, 'hashrate difficulty height') ? b : a));
    difficulty = numeric(latest.difficulty, 'hashrate difficulty[].difficulty');
  }
  if (difficulty <= 0) unexpected('hashrate: no current difficulty (currentDifficulty is 0 and no adjustment listed)');
  const hashrateHs = optionalNumeric(o.currentHashrate, 'hashrate currentHashrate') ?? 0;
  return { difficulty, networkHashrateThs: hashrateHs > 0 ? hashrateHs / 1e12 : null };
}

/** `/v1/prices` `time`: when the source last updated its prices (s in the reply), ms; null when absent. */
export function parsePricesTimeMs(json: unknown): number | null {
  const timeS = optionalNumeric(record(json, 'prices').time, 'prices time');
  return timeS === null ? null : timeS * 1000;
}

/** `/v1/prices`: `{time, USD, EUR, ...}` in whole currency units; non-positive values (unknown) are dropped. */
export function parsePrices(json: unknown): BtcPrices {
  const o = record(json, 'prices');
  const prices: BtcPrices = {};
  for (const currency of CURRENCIES) {
    const value = optionalNumeric(o[currency], `prices ${currency}`);
    if (value !== null && value > 0) prices[currency] = value;
  }
  if (Object.keys(prices).length === 0) unexpected(`prices: no positive price for any of ${CURRENCIES.join(', ')}`);
  return prices;
}

/** Assembles NetworkState from the parsed endpoints (pure, so the arithmetic is table-tested). */
export function mempoolNetworkState(
  parts: {
    tipHeight: number;
    adjustment: DifficultyAdjustment;
    rewards: { feesPerBlockSats: number };
    hashrate: { difficulty: number; networkHashrateThs: number | null };
  },
  nowMs: number,
): NetworkState {
  const { tipHeight, adjustment: da, hashrate } = parts;
  return {
    tipHeight,
    subsidySats: subsidySatsAt(tipHeight),
    difficulty: hashrate.difficulty,
    feesPerBlockSats: parts.rewards.feesPerBlockSats,
    networkHashrateThs: hashrate.networkHashrateThs ?? hashrateThsFromDifficulty(hashrate.difficulty),
    nextAdjustment: {
      estimatedChangePct: da.estimatedChangePct,
      estimatedDateMs: da.estimatedDateMs,
      blocksLeft: da.blocksLeft,
      height: da.height,
    },
    halving: halvingAfter(tipHeight, nowMs, da.avgBlockMs),
  };
}

/** Fetches the four endpoints at once; any failure rejects with a located SourceError. */
export async function fetchMempoolNetwork(baseUrl: string, opts: MempoolOptions): Promise<NetworkReading> {
  const [blocks, adjustment, rewards, hashrate] = await Promise.all([
    getParsed(joinUrl(baseUrl, 'v1/blocks'), opts, parseRecentBlocks),
    getParsed(joinUrl(baseUrl, 'v1/difficulty-adjustment'), opts, parseDifficultyAdjustment),
    getParsed(joinUrl(baseUrl, `v1/mining/reward-stats/${FEE_WINDOW_BLOCKS}`), opts, parseRewardStats),
    getParsed(joinUrl(baseUrl, 'v1/mining/hashrate/3d'), opts, parseHashrate),
  ]);
  const state = mempoolNetworkState({ tipHeight: blocks.tipHeight, adjustment, rewards, hashrate }, opts.nowMs);
  return { state, tipTimeMs: blocks.tipTimeMs, chain: null };
}

/** Fetches `/v1/prices`, with the time the source gives them. */
export async function fetchMempoolPrices(baseUrl: string, opts: HttpOptions): Promise<PriceReading> {
  return getParsed(joinUrl(baseUrl, 'v1/prices'), opts, (json) => ({ prices: parsePrices(json), timeMs: parsePricesTimeMs(json) }));
}
