/**
 * Network state from the operator's own Bitcoin Core node. Two round trips: getmininginfo +
 * getblockchaininfo, then ONE batch of getblockstats (the fee window plus the retarget period's first
 * block). Fees average over the last 144 blocks like the mempool source; since that batch makes Core read
 * 144 blocks with their undo data, it runs only when the tip has moved (otherwise the previous average is
 * reused) and gets a longer timeout than a plain request.
 */
import type { NetworkReading, NetworkState } from '../../../lib/domain/network';
import { locate, redactUrl, SourceError, type HttpOptions } from '../http';
import { count, numeric, optionalNumeric, record, unexpected } from '../parse';
import { rpcBatch, type BitcoindAuth, type RpcCall, type RpcOutcome } from './bitcoind-rpc';
import {
  estimateRetargetChangePct,
  halvingAfter,
  hashrateThsFromDifficulty,
  nextRetargetHeight,
  periodStartHeight,
  subsidySatsAt,
  TARGET_BLOCK_MS,
} from './chain';
import { FEE_WINDOW_BLOCKS } from './mempool';

/** The getblockstats batch may take this many plain timeouts (Core reads every block from disk). */
export const BATCH_TIMEOUT_FACTOR = 6;

/** `getmininginfo`: tip, difficulty, and network hash rate (H/s, possibly printed as 4.1e+18). */
export function parseMiningInfo(result: unknown): { tipHeight: number; difficulty: number; networkHashrateThs: number | null } {
  const o = record(result, 'getmininginfo');
  const hps = optionalNumeric(o.networkhashps, 'getmininginfo networkhashps');
  const difficulty = numeric(o.difficulty, 'getmininginfo difficulty');
  if (difficulty <= 0) unexpected(`getmininginfo difficulty is not positive: ${difficulty}`);
  return { tipHeight: count(o.blocks, 'getmininginfo blocks'), difficulty, networkHashrateThs: hps && hps > 0 ? hps / 1e12 : null };
}

/** `getblockchaininfo`: whether the node is still syncing (its tip and difficulty would be old). */
export function parseBlockchainInfo(result: unknown): { chain: string; tipHeight: number; syncing: boolean; progressPct: number } {
  const o = record(result, 'getblockchaininfo');
  return {
    chain: String(o.chain ?? '?'),
    tipHeight: count(o.blocks, 'getblockchaininfo blocks'),
    syncing: o.initialblockdownload === true,
    progressPct: (optionalNumeric(o.verificationprogress, 'getblockchaininfo verificationprogress') ?? 1) * 100,
  };
}

/** `getblockstats` (all or selected stats): height, block time (s) and total fees (sats) when asked for. */
export function parseBlockStats(result: unknown): { height: number; timeS: number; totalFeeSats: number | null } {
  const o = record(result, 'getblockstats');
  const fee = optionalNumeric(o.totalfee, 'getblockstats totalfee');
  return { height: count(o.height, 'getblockstats height'), timeS: count(o.time, 'getblockstats time'), totalFeeSats: fee };
}

/** Options of fetchBitcoindNetwork. */
export interface BitcoindOptions extends HttpOptions {
  url: string;
  auth: BitcoindAuth;
  nowMs: number;
  /** The stored value from this node; its fee average is reused while the tip has not moved. */
  previous?: NetworkState | null;
  /** Blocks in the fee average (default 144). */
  feeBlocks?: number;
}

/** Heights of the fee window ending at the tip (genesis has no fees to read). */
export function feeHeights(tipHeight: number, blocks: number): number[] {
  const from = Math.max(1, tipHeight - blocks + 1);
  return Array.from({ length: Math.max(0, tipHeight - from + 1) }, (_, i) => from + i);
}

/** Assembles NetworkState (pure): the period's average block time drives the retarget and halving ETAs. */
export function bitcoindNetworkState(
  info: { tipHeight: number; difficulty: number; networkHashrateThs: number | null },
  feesPerBlockSats: number,
  times: { tipTimeS: number; periodStartTimeS: number | null },
  nowMs: number,
): NetworkState {
  const tip = info.tipHeight;
  const start = periodStartHeight(tip);
  const into = tip - start;
  const elapsedMs = times.periodStartTimeS === null ? 0 : (times.tipTimeS - times.periodStartTimeS) * 1000;
  const avgBlockMs = into > 0 && elapsedMs > 0 ? elapsedMs / into : TARGET_BLOCK_MS;
  const height = nextRetargetHeight(tip);
  return {
    tipHeight: tip,
    subsidySats: subsidySatsAt(tip),
    difficulty: info.difficulty,
    feesPerBlockSats,
    networkHashrateThs: info.networkHashrateThs ?? hashrateThsFromDifficulty(info.difficulty),
    nextAdjustment:
      times.periodStartTimeS === null
        ? null
        : {
            estimatedChangePct: estimateRetargetChangePct(into, elapsedMs),
            estimatedDateMs: Math.round(nowMs + (height - tip) * avgBlockMs),
            blocksLeft: height - tip,
            height,
          },
    halving: halvingAfter(tip, nowMs, avgBlockMs),
  };
}

function stats(height: number, fields: string[]): RpcCall {
  return { method: 'getblockstats', params: [height, fields] };
}

function resultOf(out: RpcOutcome, what: string): unknown {
  if (!out.ok) throw new SourceError('unexpected', `${what}: ${out.error}`);
  return out.value;
}

/** Fetches the network state from Core, with the tip block's own time and the node's chain. */
export async function fetchBitcoindNetwork(opts: BitcoindOptions): Promise<NetworkReading> {
  const where = `POST ${redactUrl(opts.url)}`;
  const located = <T>(fn: () => T): T => locate(where, fn);
  const [mining, chain] = await rpcBatch(
    opts.url,
    opts.auth,
    [
      { method: 'getmininginfo', params: [] },
      { method: 'getblockchaininfo', params: [] },
    ],
    opts,
  );
  const info = located(() => parseMiningInfo(resultOf(mining, 'getmininginfo')));
  const sync = located(() => parseBlockchainInfo(resultOf(chain, 'getblockchaininfo')));
  if (sync.syncing) {
    throw new SourceError(
      'unexpected',
      `bitcoind is still syncing (${sync.chain}, block ${sync.tipHeight}, ${sync.progressPct.toFixed(1)} % verified)`,
      where,
    );
  }

  const tip = info.tipHeight;
  const reuse = opts.previous && opts.previous.tipHeight === tip ? opts.previous.feesPerBlockSats : null;
  const heights = reuse === null ? feeHeights(tip, opts.feeBlocks ?? FEE_WINDOW_BLOCKS) : [];
  const calls = heights.map((h) => stats(h, ['height', 'time', 'totalfee']));
  if (!heights.includes(tip)) calls.push(stats(tip, ['height', 'time']));
  const start = periodStartHeight(tip);
  calls.push(stats(start, ['height', 'time']));
  const outs = await rpcBatch(opts.url, opts.auth, calls, { ...opts, timeoutMs: opts.timeoutMs * BATCH_TIMEOUT_FACTOR });

  return located(() => {
    const blocks = outs.slice(0, -1).map((o, i) => parseBlockStats(resultOf(o, `getblockstats ${calls[i].params[0]}`)));
    const fees = blocks
      .filter((b) => heights.includes(b.height))
      .map((b) => b.totalFeeSats ?? unexpected(`getblockstats ${b.height}: no totalfee`));
    const feesPerBlockSats = reuse ?? (fees.length ? Math.round(fees.reduce((a, b) => a + b, 0) / fees.length) : 0);
    const tipTimeS = blocks.find((b) => b.height === tip)?.timeS ?? unexpected(`getblockstats: no reply for the tip ${tip}`);
    // A pruned node may no longer hold the period's first block: then there is no retarget estimate.
    const startOut = outs[outs.length - 1];
    const periodStartTimeS = startOut.ok ? parseBlockStats(startOut.value).timeS : null;
    const state = bitcoindNetworkState(info, feesPerBlockSats, { tipTimeS, periodStartTimeS }, opts.nowMs);
    return { state, tipTimeMs: tipTimeS * 1000, chain: sync.chain };
  });
}
