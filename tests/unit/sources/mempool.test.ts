/**
 * The mempool-compatible parsers on the real captures (expected values read off the files by hand),
 * the unit quirks of protocols.md section 4.1, and clear errors on garbage, half and empty input.
 */
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../collectors/sources/http';
import {
  mempoolNetworkState,
  parseDifficultyAdjustment,
  parseHashrate,
  parsePrices,
  parsePricesTimeMs,
  parseRecentBlocks,
  parseRewardStats,
} from '../../../collectors/sources/network/mempool';
import { fixtureJson, fixtureText, jsLiteralToJson } from './fixtures';

const init = fixtureJson('network/mempool-ws-init-mainnet.json') as { da: unknown; conversions: unknown; blocks: { height: number }[] };

describe('parseRecentBlocks (/v1/blocks)', () => {
  it('reads the tip and its own time from the captures: the highest block, whatever the order', () => {
    expect(parseRecentBlocks(fixtureJson('network/mempool-ws-blocks-mainnet.json'))).toEqual({
      tipHeight: 837044,
      tipTimeMs: 1711850704000,
    });
    expect(parseRecentBlocks(init.blocks)).toEqual({ tipHeight: 837050, tipTimeMs: 1711854927000 });
    expect(parseRecentBlocks([...init.blocks].reverse())).toEqual({ tipHeight: 837050, tipTimeMs: 1711854927000 });
  });

  it.each([
    [[], /not a non-empty list/],
    [{ height: 1 }, /not a non-empty list/],
    [[{ height: -5, timestamp: 1 }], /blocks\[0\]\.height is not a whole number/],
    [[{ height: 837044 }], /blocks\[0\]\.timestamp is missing/],
    [['x'], /blocks\[0\] is not an object/],
  ])('%j', (json, message) => {
    expect(() => parseRecentBlocks(json)).toThrow(SourceError);
    expect(() => parseRecentBlocks(json)).toThrow(message);
  });
});

describe('parseDifficultyAdjustment', () => {
  const live = {
    estimatedChangePct: 5.914788959658535,
    estimatedDateMs: 1712766704114,
    blocksLeft: 1606,
    height: 838656,
    avgBlockMs: 574743,
  };

  it('reads the live capture: estimatedRetargetDate and timeAvg already in ms (previousTime, in s, is not used)', () => {
    expect(parseDifficultyAdjustment(fixtureJson('network/mempool-ws-da-mainnet.json'))).toEqual(live);
    expect(parseDifficultyAdjustment(init.da)).toEqual(live);
  });

  it('turns the old docs example, in seconds, into ms', () => {
    const docs = jsLiteralToJson(fixtureText('network/mempool-docs-v1-difficulty-adjustment.txt'));
    expect(parseDifficultyAdjustment(docs)).toEqual({
      estimatedChangePct: 98.45932018381687,
      estimatedDateMs: 1627762478000,
      blocksLeft: 1121,
      height: 741888,
      avgBlockMs: 302328,
    });
  });

  it('falls back to ten minutes without timeAvg, and names a missing field', () => {
    const { timeAvg: _, ...rest } = fixtureJson('network/mempool-ws-da-mainnet.json') as Record<string, unknown>;
    expect(parseDifficultyAdjustment(rest).avgBlockMs).toBe(600_000);
    expect(() => parseDifficultyAdjustment({ ...rest, remainingBlocks: undefined })).toThrow(/remainingBlocks is missing/);
    expect(() => parseDifficultyAdjustment([])).toThrow(/difficulty-adjustment is not an object/);
  });
});

describe('parseRewardStats', () => {
  it('averages the string sum of sats over startBlock..endBlock inclusive', () => {
    // 1,311,748,254 sats over blocks 736556-736655 (100 blocks) = 13,117,482.54 per block.
    expect(parseRewardStats(fixtureJson('network/mempool-docs-v1-mining-reward-stats-100.json'))).toEqual({
      feesPerBlockSats: 13117483,
      blockCount: 100,
      endBlock: 736655,
    });
  });

  it('refuses an empty index (MySQL SUM of nothing is null) and backwards ranges', () => {
    expect(() => parseRewardStats({ startBlock: null, endBlock: null, totalReward: null, totalFee: null, totalTx: 0 })).toThrow(
      /startBlock is missing/,
    );
    expect(() => parseRewardStats({ startBlock: 10, endBlock: 5, totalFee: '1' })).toThrow(/before startBlock/);
    expect(() => parseRewardStats({ startBlock: 1, endBlock: 5, totalFee: 'lots' })).toThrow(/totalFee is not a number/);
  });
});

describe('parseHashrate (/v1/mining/hashrate/3d)', () => {
  it('reads currentDifficulty and currentHashrate (H/s above 2^53) from the capture', () => {
    expect(parseHashrate(fixtureJson('network/mempool-docs-v1-mining-hashrate-3d.json'))).toEqual({
      difficulty: 31251101365711.12,
      networkHashrateThs: 252033247.3552123,
    });
  });

  it('uses the latest listed adjustment when the backend zeroes current values (its Core is down)', () => {
    const zeroed = {
      ...(fixtureJson('network/mempool-docs-v1-mining-hashrate-3d.json') as object),
      currentHashrate: 0,
      currentDifficulty: 0,
    };
    expect(parseHashrate(zeroed)).toEqual({ difficulty: 31251101365711.12, networkHashrateThs: null });
    expect(() => parseHashrate({ ...zeroed, difficulty: [] })).toThrow(/no current difficulty/);
  });
});

describe('parsePrices', () => {
  const captured = { USD: 69880, EUR: 64823, GBP: 55198, CAD: 95154, CHF: 63041, AUD: 107374, JPY: 10601000 };

  it('reads the real conversions, standalone and inside the websocket init message', () => {
    expect(parsePrices(fixtureJson('network/mempool-ws-conversions-mainnet.json'))).toEqual(captured);
    expect(parsePrices(init.conversions)).toEqual(captured);
  });

  it('reads the docs example (JS notation)', () => {
    expect(parsePrices(jsLiteralToJson(fixtureText('network/mempool-docs-v1-prices.txt')))).toEqual({
      USD: 43753,
      EUR: 40545,
      GBP: 37528,
      CAD: 58123,
      CHF: 37438,
      AUD: 64499,
      JPY: 6218915,
    });
  });

  it('drops unknown (non-positive) prices and refuses a reply with none', () => {
    expect(parsePrices({ time: 1, USD: 90000, EUR: -1, GBP: 0 })).toEqual({ USD: 90000 });
    expect(() => parsePrices({ time: 1 })).toThrow(/no positive price/);
    expect(parsePricesTimeMs(fixtureJson('network/mempool-ws-conversions-mainnet.json'))).toBe(1711854906000);
    expect(parsePricesTimeMs({ USD: 1 })).toBeNull();
    expect(() => parsePrices({ USD: 'a lot' })).toThrow(/prices USD is not a number/);
  });
});

describe('mempoolNetworkState', () => {
  it('assembles the captures of block 837043 into NetworkState', () => {
    const nowMs = 1711854906000; // the capture's conversions.time
    const state = mempoolNetworkState(
      {
        tipHeight: init.blocks[0].height,
        adjustment: parseDifficultyAdjustment(init.da),
        rewards: parseRewardStats(fixtureJson('network/mempool-docs-v1-mining-reward-stats-100.json')),
        hashrate: parseHashrate(fixtureJson('network/mempool-docs-v1-mining-hashrate-3d.json')),
      },
      nowMs,
    );
    expect(state).toEqual({
      tipHeight: 837043,
      subsidySats: 625_000_000,
      difficulty: 31251101365711.12,
      feesPerBlockSats: 13117483,
      networkHashrateThs: 252033247.3552123,
      nextAdjustment: { estimatedChangePct: 5.914788959658535, estimatedDateMs: 1712766704114, blocksLeft: 1606, height: 838656 },
      // 2,957 blocks at the period's 574,743 ms average: 2024-04-19 19:20 UTC (the halving came on the 20th).
      halving: { height: 840000, blocksLeft: 2957, estimatedDateMs: 1713554421051 },
    });
  });

  it('derives the network hash rate from difficulty when the source gives none', () => {
    const state = mempoolNetworkState(
      {
        tipHeight: 900_000,
        adjustment: { estimatedChangePct: 0, estimatedDateMs: 0, blocksLeft: 1, height: 900_144, avgBlockMs: 600_000 },
        rewards: { feesPerBlockSats: 1 },
        hashrate: { difficulty: 1.2e14, networkHashrateThs: null },
      },
      0,
    );
    expect(state.networkHashrateThs).toBeCloseTo((1.2e14 * 2 ** 32) / 600 / 1e12, 3);
    expect(state.subsidySats).toBe(312_500_000);
  });
});
