/** The retry schedule: exponential steps, cap, equal jitter from an injected random source, Retry-After. */
import { describe, expect, it } from 'vitest';
import { nextRetryDelayMs } from '../../../lib/notify';

const low = () => 0;
const high = () => 0.999_999;
const mid = () => 0.5;

describe('nextRetryDelayMs', () => {
  it('doubles from 5 s: half the step fixed, half jitter', () => {
    // steps 5 s, 10 s, 20 s, 40 s: the delay lies in [step/2, step)
    expect([1, 2, 3, 4].map((a) => nextRetryDelayMs(a, { random: low }))).toEqual([2_500, 5_000, 10_000, 20_000]);
    expect([1, 2, 3, 4].map((a) => nextRetryDelayMs(a, { random: mid }))).toEqual([3_750, 7_500, 15_000, 30_000]);
    expect([1, 2, 3, 4].map((a) => nextRetryDelayMs(a, { random: high }))).toEqual([5_000, 10_000, 20_000, 40_000]);
  });

  it('stops growing at the 15 minute cap, even for huge attempt numbers', () => {
    // 5 s * 2^8 = 1280 s > 900 s: attempt 9 is capped.
    expect(nextRetryDelayMs(8, { random: low })).toBe(320_000);
    expect(nextRetryDelayMs(9, { random: low })).toBe(450_000);
    expect(nextRetryDelayMs(9, { random: mid })).toBe(675_000);
    expect(nextRetryDelayMs(5000, { random: mid })).toBe(675_000);
  });

  it('takes its own base and cap', () => {
    expect(nextRetryDelayMs(1, { random: mid, baseMs: 1_000, capMs: 4_000 })).toBe(750);
    expect(nextRetryDelayMs(4, { random: mid, baseMs: 1_000, capMs: 4_000 })).toBe(3_000);
  });

  it('waits at least what the receiver asked, up to an hour', () => {
    expect(nextRetryDelayMs(1, { random: low, retryAfterMs: 30_000 })).toBe(30_000);
    expect(nextRetryDelayMs(1, { random: low, retryAfterMs: 1_000 })).toBe(2_500);
    expect(nextRetryDelayMs(1, { random: low, retryAfterMs: 86_400_000 })).toBe(3_600_000);
  });

  it('rejects bad attempts, options and random sources', () => {
    expect(() => nextRetryDelayMs(0, { random: low })).toThrow('retry attempt must be a whole number >= 1 (got 0)');
    expect(() => nextRetryDelayMs(1.5, { random: low })).toThrow('retry attempt must be a whole number >= 1 (got 1.5)');
    expect(() => nextRetryDelayMs(1, { random: () => 1 })).toThrow('backoff random source must return a number in [0, 1) (got 1)');
    expect(() => nextRetryDelayMs(1, { random: low, baseMs: 10, capMs: 5 })).toThrow(
      'backoff needs 0 < baseMs <= capMs (got baseMs 10, capMs 5)',
    );
  });
});
