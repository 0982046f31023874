import { describe, expect, it } from 'vitest';
import { connectivityAfter } from '../../../lib/domain/connectivity';

const policy = { staleAfterPolls: 2, offlineAfterPolls: 6 };

describe('connectivityAfter', () => {
  it.each([
    [0, true, 'online'],
    [1, true, 'online'],
    [2, true, 'stale'],
    [5, true, 'stale'],
    [6, true, 'offline'],
    [40, true, 'offline'],
    [0, false, 'offline'],
    [3, false, 'offline'],
  ] as const)('after %i missed polls (seen before: %s) a rig is %s', (failures, seen, expected) => {
    expect(connectivityAfter(failures, seen, policy)).toBe(expected);
  });

  it('marks a rig stale after one missed poll when the threshold is 1', () => {
    expect(connectivityAfter(1, true, { staleAfterPolls: 1, offlineAfterPolls: 3 })).toBe('stale');
  });
});
