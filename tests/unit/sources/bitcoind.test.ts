/**
 * Bitcoin Core parsers on the captures (exponent-form numbers, the JSON-RPC envelope, error objects),
 * the cookie file, and the pure assembly of NetworkState with its retarget estimate.
 */
import { describe, expect, it } from 'vitest';
import {
  bitcoindNetworkState,
  feeHeights,
  parseBlockchainInfo,
  parseBlockStats,
  parseMiningInfo,
} from '../../../collectors/sources/network/bitcoind';
import { parseCookie, rpcOutcome, rpcResult } from '../../../collectors/sources/network/bitcoind-rpc';
import { fixtureJson, fixtureText } from './fixtures';

describe('getmininginfo', () => {
  it('reads the 2017 mainnet result with networkhashps in exponent form and since-removed fields', () => {
    expect(fixtureText('network/bitcoind-getmininginfo-mainnet-2017.json')).toContain('4.126888339085874e+18');
    expect(parseMiningInfo(fixtureJson('network/bitcoind-getmininginfo-mainnet-2017.json'))).toEqual({
      tipHeight: 464545,
      difficulty: 521974519553.6282,
      networkHashrateThs: 4126888.339085874,
    });
  });

  it('reads the testnet reply inside its JSON-RPC 1.0 envelope', () => {
    const result = rpcResult(fixtureJson('network/bitcoind-getmininginfo-testnet-jsonrpc-envelope.json'), 'getmininginfo');
    expect(parseMiningInfo(result)).toEqual({ tipHeight: 1804406, difficulty: 4194304, networkHashrateThs: 54.84209795159178 });
  });

  it('names what is wrong with a half or empty result', () => {
    expect(() => parseMiningInfo({ blocks: 1 })).toThrow(/getmininginfo difficulty is missing/);
    expect(() => parseMiningInfo(null)).toThrow(/getmininginfo is not an object/);
    expect(() => parseMiningInfo({ blocks: 1.5, difficulty: 1 })).toThrow(/blocks is not a whole number/);
  });
});

describe('JSON-RPC envelope', () => {
  it('turns error objects and strings into one line naming the code', () => {
    const err = { result: null, error: { code: -8, message: 'Target block height 900000 after current tip 103' }, id: 'x' };
    expect(rpcOutcome(err)).toEqual({ ok: false, error: 'RPC error -8: Target block height 900000 after current tip 103' });
    expect(() => rpcResult(err, 'getblockstats')).toThrow(/^getblockstats: RPC error -8: Target block height/);
    expect(rpcOutcome({ result: null, error: 'Work queue depth exceeded', id: 1 })).toEqual({
      ok: false,
      error: 'RPC error: Work queue depth exceeded',
    });
  });

  it('refuses something that is not an envelope', () => {
    expect(() => rpcOutcome({ blocks: 1 })).toThrow(/neither result nor error/);
    expect(() => rpcOutcome('<html>')).toThrow(/JSON-RPC reply is not an object/);
  });
});

describe('getblockchaininfo and getblockstats', () => {
  it('reads the 0.17 testnet getblockchaininfo (softforks array era)', () => {
    expect(parseBlockchainInfo(fixtureJson('network/bitcoind-getblockchaininfo-testnet-0.17.json'))).toEqual({
      chain: 'test',
      tipHeight: 1486864,
      syncing: false,
      progressPct: 99.99994536561675,
    });
  });

  it('reads the regtest getblockstats: amounts are integer sats', () => {
    expect(parseBlockStats(fixtureJson('network/bitcoind-getblockstats-regtest-103.json'))).toEqual({
      height: 103,
      timeS: 1536411754,
      totalFeeSats: 56860,
    });
    expect(parseBlockStats({ height: 5, time: 1 })).toEqual({ height: 5, timeS: 1, totalFeeSats: null });
  });
});

describe('cookie file', () => {
  it('splits __cookie__:<hex> at the first colon, ignoring the trailing newline', () => {
    expect(parseCookie('__cookie__:6c6f6c3a6869\n')).toEqual({ user: '__cookie__', password: '6c6f6c3a6869' });
  });

  it.each(['', 'no-colon', ':onlypassword', '__cookie__:'])('refuses %j', (text) => {
    expect(() => parseCookie(text)).toThrow(/cookie file does not hold/);
  });
});

describe('bitcoindNetworkState', () => {
  const info = { tipHeight: 464545, difficulty: 521974519553.6282, networkHashrateThs: null };

  it('estimates the retarget from the period so far (865 blocks at 9 minutes: +11.1 %)', () => {
    // Period starts at 230 * 2016 = 463,680; the tip is 865 blocks in; the retarget is at 465,696.
    const nowMs = 1_500_000_000_000;
    const state = bitcoindNetworkState(info, 40_000_000, { tipTimeS: 1_000_000 + 865 * 540, periodStartTimeS: 1_000_000 }, nowMs);
    expect(state.tipHeight).toBe(464545);
    expect(state.subsidySats).toBe(1_250_000_000);
    expect(state.feesPerBlockSats).toBe(40_000_000);
    expect(state.networkHashrateThs).toBeCloseTo((521974519553.6282 * 2 ** 32) / 600 / 1e12, 6);
    expect(state.nextAdjustment).toEqual({
      estimatedChangePct: expect.closeTo(11.1111, 3),
      estimatedDateMs: nowMs + 1151 * 540_000,
      blocksLeft: 1151,
      height: 465696,
    });
    expect(state.halving).toEqual({ height: 630000, blocksLeft: 165455, estimatedDateMs: nowMs + 165455 * 540_000 });
  });

  it('has no retarget estimate when the period start is unreadable (pruned), and uses 10 minutes', () => {
    const state = bitcoindNetworkState(info, 1, { tipTimeS: 5, periodStartTimeS: null }, 0);
    expect(state.nextAdjustment).toBeNull();
    expect(state.halving.estimatedDateMs).toBe(165455 * 600_000);
  });

  it('fee window: the last N heights, never the genesis block', () => {
    expect(feeHeights(10, 3)).toEqual([8, 9, 10]);
    expect(feeHeights(2, 144)).toEqual([1, 2]);
    expect(feeHeights(0, 144)).toEqual([]);
  });
});
