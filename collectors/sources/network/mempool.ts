/**
 * Network state and prices from a mempool-compatible REST API (mempool.space or a self-hosted instance).
 * Pure parsers per endpoint, then one thin fetch shell. Unit quirks (protocols.md section 4.1):
 * /blocks/tip/height is text/plain; difficulty-adjustment mixes ms and s; reward-stats sums are strings.
 * Current difficulty comes from /v1/mining/hashrate/3d (`currentDifficulty`): difficulty-adjustment only has
 * the change, not the value.
 */
import type { BtcPrices, NetworkState } from '../../../lib/domain/network';
import { CURRENCIES } from '../../../lib/domain/network';
import { getParsed, joinUrl, SourceError, type HttpOptions } from '../http';
import { count, numeric, optionalNumeric, record, unexpected } from '../parse';
import { halvingAfter, hashrateThsFromDifficulty, subsidySatsAt, TARGET_BLOCK_MS } from './chain';

/** Default base URL; operators may point HASHWATT_MEMPOOL_URL at their own instance. */
export { DEFAULT_MEMPOOL_URL } from '../../../lib/settings/sources-env';

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

/** `/blocks/tip/height`: a bare integer as text/plain ("698767", no newline, no JSON). */
export function parseTipHeight(body: string): number {
  const t = body.trim();
  if (!/^\d{1,9}$/.test(t)) {
    throw new SourceError('garbage', t === '' ? 'tip height: empty body' : `tip height is not an integer: ${JSON.stringify(t.slice(0, 30))}`);
  }
  return Number(t);
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
    nextAdjustment: { estimatedChangePct: da.estimatedChangePct, estimatedDateMs: da.estimatedDateMs, blocksLeft: da.blocksLeft, height: da.height },
    halving: halvingAfter(tipHeight, nowMs, da.avgBlockMs),
  };
}

/** Fetches the four endpoints at once; any failure rejects with a located SourceError. */
export async function fetchMempoolNetwork(baseUrl: string, opts: MempoolOptions): Promise<NetworkState> {
  const [tipHeight, adjustment, rewards, hashrate] = await Promise.all([
    getParsed(joinUrl(baseUrl, 'blocks/tip/height'), { ...opts, text: true }, parseTipHeight),
    getParsed(joinUrl(baseUrl, 'v1/difficulty-adjustment'), opts, parseDifficultyAdjustment),
    getParsed(joinUrl(baseUrl, `v1/mining/reward-stats/${FEE_WINDOW_BLOCKS}`), opts, parseRewardStats),
    getParsed(joinUrl(baseUrl, 'v1/mining/hashrate/3d'), opts, parseHashrate),
  ]);
  return mempoolNetworkState({ tipHeight, adjustment, rewards, hashrate }, opts.nowMs);
}

/** Fetches `/v1/prices`. */
export async function fetchMempoolPrices(baseUrl: string, opts: HttpOptions): Promise<BtcPrices> {
  return getParsed(joinUrl(baseUrl, 'v1/prices'), opts, parsePrices);
}
