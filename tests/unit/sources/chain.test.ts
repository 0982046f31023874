/** Halving ETA and retarget arithmetic of the network sources (protocols.md section 4.3). */
import { describe, expect, it } from 'vitest';
import { estimateRetargetChangePct, halvingAfter, nextRetargetHeight, subsidySatsAt } from '../../../collectors/sources/network/chain';

describe('subsidySatsAt (shared with lib/economics/subsidy)', () => {
  it.each([
    [839_999, 625_000_000],
    [840_000, 312_500_000],
    [1_050_000, 156_250_000],
    [100 * 210_000, 0],
  ])('height %i -> %i sats', (height, sats) => {
    expect(subsidySatsAt(height)).toBe(sats);
  });
});

describe('halvingAfter', () => {
  it('counts down to the next multiple of 210,000', () => {
    expect(halvingAfter(925_000, 1000, 600_000)).toEqual({
      height: 1_050_000,
      blocksLeft: 125_000,
      estimatedDateMs: 1000 + 125_000 * 600_000,
    });
    expect(halvingAfter(1_050_000, 0, 600_000).height).toBe(1_260_000);
  });
});

describe('retarget', () => {
  it('next retarget height is ceil((h+1)/2016)*2016', () => {
    expect(nextRetargetHeight(837043)).toBe(838656);
    expect(nextRetargetHeight(838655)).toBe(838656);
    expect(nextRetargetHeight(838656)).toBe(840672);
  });

  it('estimated change is expected over actual time, clamped to the factor 4 consensus allows', () => {
    expect(estimateRetargetChangePct(100, 100 * 600_000)).toBeCloseTo(0, 9);
    expect(estimateRetargetChangePct(100, 50 * 600_000)).toBeCloseTo(100, 9);
    expect(estimateRetargetChangePct(100, 1)).toBe(300);
    expect(estimateRetargetChangePct(1, 1e12)).toBe(-75);
    expect(estimateRetargetChangePct(0, 0)).toBe(0);
  });
});
