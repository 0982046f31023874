/** Issuance and the network's schedule: exact integer satoshis at every halving boundary. */
import { describe, expect, it } from 'vitest';
import { halvingInfo, networkHashrateThsFromDifficulty, nextRetargetHeight, subsidySatsAt } from '../../../lib/economics';
import { sig5 } from './fixtures';

describe('subsidySatsAt', () => {
  it.each([
    [0, 5_000_000_000],
    [209_999, 5_000_000_000],
    [210_000, 2_500_000_000],
    [839_999, 625_000_000],
    [840_000, 312_500_000],
    [1_049_999, 312_500_000],
    [1_050_000, 156_250_000],
    // 50 BTC >> 32 = 1 sat; >> 33 = 0 sats (integer shift, no fractional satoshis).
    [32 * 210_000, 1],
    [33 * 210_000, 0],
    [13_440_000, 0],
    [13_440_000 + 1, 0],
  ])('at height %i pays %i sats', (height, sats) => {
    expect(subsidySatsAt(height)).toBe(sats);
    expect(Number.isInteger(subsidySatsAt(height))).toBe(true);
  });

  it('is 3.125 BTC from 840,000 and 1.5625 BTC from 1,050,000', () => {
    expect(subsidySatsAt(840_000) / 1e8).toBe(3.125);
    expect(subsidySatsAt(1_050_000) / 1e8).toBe(1.5625);
  });

  it.each([-1, 1.5, Number.NaN])('refuses the height %s', (h) => {
    expect(() => subsidySatsAt(h)).toThrow(/block height must be a whole number >= 0/);
  });
});

describe('halvingInfo and nextRetargetHeight', () => {
  it('counts down to the next halving with an ETA at the given block time', () => {
    const nowMs = Date.UTC(2025, 0, 1);
    expect(halvingInfo(839_999, nowMs)).toEqual({
      height: 840_000,
      blocksLeft: 1,
      estimatedDateMs: nowMs + 600_000,
      subsidySatsNow: 625_000_000,
      subsidySatsAfter: 312_500_000,
    });
    const at = halvingInfo(840_000, nowMs, 540);
    expect(at.height).toBe(1_050_000);
    expect(at.blocksLeft).toBe(210_000);
    expect(at.estimatedDateMs).toBe(nowMs + 210_000 * 540_000);
  });

  it('the next retarget is the first block of the next 2016-block period', () => {
    expect(nextRetargetHeight(837_043)).toBe(838_656);
    expect(nextRetargetHeight(838_655)).toBe(838_656);
    expect(nextRetargetHeight(838_656)).toBe(840_672);
    expect(nextRetargetHeight(0)).toBe(2016);
  });
});

describe('networkHashrateThsFromDifficulty', () => {
  it('is D * 2^32 / 600 in TH/s (about 1.06 ZH/s at D = 1.48e14)', () => {
    expect(sig5(networkHashrateThsFromDifficulty(1.48e14))).toBe(1.0594e9);
  });

  it('refuses a difficulty of 0 rather than dividing by it', () => {
    expect(() => networkHashrateThsFromDifficulty(0)).toThrow('difficulty must be > 0 (got 0)');
  });
});
