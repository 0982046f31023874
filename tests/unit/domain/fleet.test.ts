import { describe, expect, it } from 'vitest';
import { fleetTotals } from '../../../lib/domain/fleet';
import type { Reading } from '../../../lib/domain/reading';
import type { RigView } from '../../../lib/views/contracts';

function reading(hashrateThs: number, powerW: number | null, powerSource: Reading['powerSource'] = 'firmware'): Reading {
  return {
    driver: 'test',
    make: 'x',
    model: 'y',
    firmware: 'z',
    status: 'mining',
    hashrateThs,
    expectedHashrateThs: null,
    powerW,
    powerSource,
    efficiencyJth: null,
    boards: [],
    tempMaxC: null,
    fansRpm: [],
    pools: [],
    uptimeS: null,
    hardwareErrors: null,
  };
}

function rig(id: number, connectivity: RigView['connectivity'], r: Reading | null): RigView {
  return {
    id,
    name: `r${id}`,
    siteId: 1,
    siteName: 's',
    address: '127.0.0.1',
    port: 4028,
    driver: 'test',
    model: null,
    connectivity,
    lastSeenMs: 1,
    lastError: null,
    reading: r,
  };
}

describe('fleetTotals', () => {
  it('sums online rigs only and takes J/TH from the sums', () => {
    const totals = fleetTotals(
      [
        rig(1, 'online', reading(100, 3000)),
        rig(2, 'online', reading(200, 3500, 'estimated')),
        rig(3, 'stale', reading(110, 3250)),
        rig(4, 'offline', null),
      ],
      1234,
    );
    expect(totals.hashrateThs).toBe(300);
    expect(totals.powerW).toBe(6500);
    expect(totals.efficiencyJth).toBeCloseTo(6500 / 300, 10); // not the mean of 30 and 17.5
    expect(totals.rigsOnline).toBe(2);
    expect(totals.rigsStale).toBe(1);
    expect(totals.rigsOffline).toBe(1);
    expect(totals.rigsTotal).toBe(4);
    expect(totals.powerEstimatedShare).toBeCloseTo(3500 / 6500, 10);
    expect(totals.updatedAtMs).toBe(1234);
  });

  it('gives null efficiency, never Infinity, when nothing hashes', () => {
    const totals = fleetTotals([rig(1, 'online', reading(0, 50))], null);
    expect(totals.efficiencyJth).toBeNull();
    expect(fleetTotals([], null).efficiencyJth).toBeNull();
  });

  it("counts a GPU rig's power but not its hash rate in TH/s or J/TH", () => {
    const gpu = { ...reading(480e-6, 1040), algorithm: 'ethash' };
    const agent = { ...reading(0, 1500), algorithm: null };
    const totals = fleetTotals([rig(1, 'online', reading(100, 3000)), rig(2, 'online', gpu), rig(3, 'online', agent)], null);
    expect(totals.hashrateThs).toBe(100);
    expect(totals.powerW).toBe(3000 + 1040 + 1500);
    expect(totals.efficiencyJth).toBeCloseTo(30, 10); // the ASIC's 3,000 W over its 100 TH/s
    expect(totals.rigsOnline).toBe(3);
  });

  it('sums nothing of a stored reading outside the plausibility table (written by an older version)', () => {
    const totals = fleetTotals(
      [
        rig(1, 'online', reading(100, 3000)),
        rig(2, 'online', reading(-5, 3000)),
        rig(3, 'online', reading(1e297, 3000)),
        rig(4, 'online', reading(100, 2.95e298)),
      ],
      null,
    );
    expect(totals.hashrateThs).toBe(100);
    expect(totals.powerW).toBe(3000);
    expect(totals.rigsOnline).toBe(4); // still shown as online: the rig answered
  });
});
