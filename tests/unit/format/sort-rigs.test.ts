import { describe, expect, it } from 'vitest';
import type { RigView } from '../../../lib/views/contracts';
import type { Connectivity, MinerStatus, Reading } from '../../../lib/domain/reading';
import { rigProblemRank, sortRigsProblemsFirst } from '../../../lib/format/sort-rigs';

let nextId = 1;
function rig(name: string, connectivity: Connectivity, status: MinerStatus | null): RigView {
  const reading: Reading | null =
    status === null
      ? null
      : {
          driver: 'antminer',
          make: 'Bitmain',
          model: 'S19',
          firmware: 'x',
          status,
          hashrateThs: 100,
          expectedHashrateThs: 100,
          powerW: 3000,
          powerSource: 'firmware',
          efficiencyJth: 30,
          boards: [],
          tempMaxC: 70,
          fansRpm: [],
          pools: [],
          uptimeS: 1,
          hardwareErrors: 0,
        };
  return {
    id: nextId++,
    name,
    siteId: 1,
    siteName: 'Site',
    address: '127.0.0.1',
    port: 4028,
    driver: 'antminer',
    model: 'S19',
    connectivity,
    lastSeenMs: 0,
    lastError: null,
    reading,
  };
}

describe('rigProblemRank', () => {
  it.each([
    ['offline', 'mining', 0],
    ['stale', 'error', 1],
    ['online', 'error', 2],
    ['online', 'throttled', 3],
    ['online', 'mining', 4],
    ['online', 'sleeping', 4],
    ['online', null, 4],
  ] as const)('%s + %s ranks %i', (connectivity, status, expected) => {
    expect(rigProblemRank(rig('r', connectivity, status))).toBe(expected);
  });
});

describe('sortRigsProblemsFirst', () => {
  it('puts offline, stale, error, throttled first, then sorts by name with numbers in order', () => {
    const rigs = [
      rig('rig-10', 'online', 'mining'),
      rig('rig-2', 'online', 'mining'),
      rig('rig-9', 'online', 'throttled'),
      rig('rig-8', 'online', 'error'),
      rig('rig-7', 'stale', 'mining'),
      rig('Rig-1', 'online', 'sleeping'),
      rig('rig-6', 'offline', null),
      rig('rig-5', 'offline', 'mining'),
    ];
    expect(sortRigsProblemsFirst(rigs).map((r) => r.name)).toEqual([
      'rig-5',
      'rig-6',
      'rig-7',
      'rig-8',
      'rig-9',
      'Rig-1',
      'rig-2',
      'rig-10',
    ]);
  });

  it('does not mutate its input and breaks name ties by id', () => {
    const a = rig('same', 'online', 'mining');
    const b = rig('same', 'online', 'mining');
    const input = [b, a];
    expect(sortRigsProblemsFirst(input)).toEqual([a, b]);
    expect(input).toEqual([b, a]);
  });
});
