/** The sanity bounds of network and price readings (collectors/sources/sanity.ts), row by row. */
import { describe, expect, it } from 'vitest';
import { maxPossibleHeight, networkReadingProblem, priceReadingProblem } from '../../../collectors/sources/sanity';
import type { NetworkReading, NetworkState } from '../../../lib/domain/network';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const CTX = { nowMs: NOW, networkStaleAfterMs: 1_800_000, priceStaleAfterMs: 1_800_000 };
const LAST: NetworkState = {
  tipHeight: 900_000,
  subsidySats: 312_500_000,
  difficulty: 1.2e14,
  feesPerBlockSats: 3_000_000,
  networkHashrateThs: 8.6e8,
  nextAdjustment: null,
  halving: { height: 1_050_000, blocksLeft: 150_000, estimatedDateMs: 0 },
};
const reading = (
  state: Partial<NetworkState> = {},
  tipTimeMs: number | null = NOW - 300_000,
  chain: string | null = null,
): NetworkReading => ({
  state: { ...LAST, ...state },
  tipTimeMs,
  chain,
});

describe('networkReadingProblem', () => {
  it.each([
    ['the same tip', reading(), null],
    ['a new block', reading({ tipHeight: 900_001 }), null],
    ['a reorg of 6 blocks', reading({ tipHeight: 899_994 }), null],
    ['difficulty 4x up at a retarget', reading({ tipHeight: 901_200, difficulty: 4.8e14 }), null],
    ['difficulty 16x down across two retargets', reading({ tipHeight: 903_500, difficulty: 1.2e14 / 16 }), null],
    ['a tip block 2 h 29 min old', reading({}, NOW - 149 * 60_000), null],
    ['a regtest tip of any age', reading({}, NOW - 30 * 86_400_000, 'regtest'), null],
  ])('accepts %s', (_what, r, expected) => {
    expect(networkReadingProblem(r, LAST, CTX)).toBe(expected);
  });

  it.each([
    [
      'a tip 368,000 blocks lower',
      reading({ tipHeight: 532_000 }),
      'refused: tip height 532,000 is 368,000 blocks below the last accepted 900,000 (a reorg is at most 6)',
    ],
    [
      'a reorg of 7 blocks',
      reading({ tipHeight: 899_993 }),
      'refused: tip height 899,993 is 7 blocks below the last accepted 900,000 (a reorg is at most 6)',
    ],
    ['difficulty 1e-300', reading({ difficulty: 1e-300 }), 'refused: difficulty 1.00e-300 is outside 1.00e-10 .. 1.00e+20'],
    ['difficulty 0', reading({ difficulty: 0 }), 'refused: difficulty 0.00 is outside 1.00e-10 .. 1.00e+20'],
    ['difficulty 1e30', reading({ difficulty: 1e30 }), 'refused: difficulty 1.00e+30 is outside 1.00e-10 .. 1.00e+20'],
    ['difficulty x5', reading({ difficulty: 6e14 }), 'refused: difficulty 6.00e+14 is 5.00x the last accepted 1.20e+14 (at most 4x)'],
    ['difficulty /5', reading({ difficulty: 2.4e13 }), 'refused: difficulty 2.40e+13 is 5.00x the last accepted 1.20e+14 (at most 4x)'],
    [
      'difficulty 17x across two retargets',
      reading({ tipHeight: 903_500, difficulty: 1.2e14 * 17 }),
      'refused: difficulty 2.04e+15 is 17.0x the last accepted 1.20e+14 (at most 16x across 2 retargets)',
    ],
    [
      'a height no chain can have reached',
      reading({ tipHeight: 9_000_000 }),
      `refused: tip height 9,000,000 is impossible (at most ${maxPossibleHeight(NOW).toLocaleString('en-US')} blocks could exist by now)`,
    ],
    [
      'negative fees',
      reading({ feesPerBlockSats: -1 }),
      'refused: fees of -1 sats per block are outside 0 .. 5,000,000,000 (10 x the subsidy, at least 50 BTC)',
    ],
    [
      'fees of 60 BTC a block',
      reading({ feesPerBlockSats: 6e9 }),
      'refused: fees of 6,000,000,000 sats per block are outside 0 .. 5,000,000,000 (10 x the subsidy, at least 50 BTC)',
    ],
    ['a negative network hash rate', reading({ networkHashrateThs: -1 }), 'refused: network hash rate -1.00 TH/s is not a positive number'],
    [
      'a tip block from 2020',
      reading({}, Date.UTC(2020, 0, 1)),
      /^refused: the tip block 900,000 is dated 2020-01-01T00:00:00Z, 1,979 days ago: older than the 30 min staleness limit plus 2 h/,
    ],
    [
      'a tip block 3 h in the future',
      reading({}, NOW + 3 * 3_600_000),
      'refused: the tip block 900,000 is dated 2025-06-01T15:00:00Z, more than 2 h ahead of this clock (2025-06-01T12:00:00Z)',
    ],
  ])('refuses %s', (_what, r, expected) => {
    const problem = networkReadingProblem(r, LAST, CTX);
    if (expected instanceof RegExp) expect(problem).toMatch(expected);
    else expect(problem).toBe(expected);
  });

  it('without a last accepted reading (none yet, or another source) judges the reading alone', () => {
    expect(networkReadingProblem(reading({ tipHeight: 532_000, difficulty: 6e14 }), null, CTX)).toBeNull();
    expect(networkReadingProblem(reading({ difficulty: 1e-300 }), null, CTX)).toMatch(/^refused: difficulty/);
  });
});

describe('priceReadingProblem', () => {
  it.each([
    ['fresh prices', { USD: 90_000, JPY: 14_000_000 }, NOW - 60_000, null],
    ['prices 29 min old', { USD: 90_000 }, NOW - 29 * 60_000, null],
    ['prices with no time', { USD: 90_000 }, null, null],
    [
      'prices dated 2020',
      { USD: 90_000 },
      Date.UTC(2020, 4, 1),
      /^refused: the prices are dated 2020-05-01T00:00:00Z, 1,858 days ago: older than the 30 min staleness limit \(HASHWATT_PRICE_STALE_AFTER_S\)$/,
    ],
    ['prices 31 min old', { USD: 90_000 }, NOW - 31 * 60_000, /^refused: the prices are dated .*, 31 min ago/],
    ['prices an hour ahead', { USD: 90_000 }, NOW + 3_600_000, /more than 10 min ahead of this clock/],
    ['a price of 0', { USD: 0 }, NOW, 'refused: the BTC price 0.00 USD is outside 0 .. 1.00e+8'],
    ['an absurd price', { USD: 1e12 }, NOW, 'refused: the BTC price 1.00e+12 USD is outside 0 .. 1.00e+8'],
  ])('%s', (_what, prices, timeMs, expected) => {
    const problem = priceReadingProblem(prices, timeMs, CTX);
    if (expected instanceof RegExp) expect(problem).toMatch(expected);
    else expect(problem).toBe(expected);
  });
});
