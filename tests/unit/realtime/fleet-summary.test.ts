import { describe, expect, it } from 'vitest';
import { summarizeFleet, sumCounts, sumTotals } from '../../../lib/domain/fleet-summary';
import type { RigView } from '../../../lib/domain/fleet';
import type { RigCell } from '../../../lib/domain/rig-cell';
import { decodeCell, encodeCell } from '../../../lib/realtime/cells-wire';

const view = (
  id: number,
  siteId: number,
  connectivity: RigView['connectivity'],
  hashrateThs: number,
  powerW: number,
  estimated = false,
): RigView =>
  ({
    id,
    name: `r${id}`,
    siteId,
    siteName: `S${siteId}`,
    address: '10.0.0.1',
    port: 4028,
    driver: 'antminer',
    model: 'Antminer S19 Pro',
    connectivity,
    lastSeenMs: 1,
    lastError: null,
    reading: {
      driver: 'antminer',
      make: 'Bitmain',
      model: 'Antminer S19 Pro',
      firmware: 't',
      status: id === 4 ? 'throttled' : 'mining',
      hashrateThs,
      expectedHashrateThs: 110,
      powerW,
      powerSource: estimated ? 'estimated' : 'firmware',
      efficiencyJth: powerW / hashrateThs,
      boards: [],
      tempMaxC: 70,
      fansRpm: [],
      pools: [],
      uptimeS: 1,
      hardwareErrors: 0,
    },
  }) as RigView;

describe('sweep summary', () => {
  const views = [
    view(1, 1, 'online', 100, 3000),
    view(2, 1, 'stale', 100, 3000),
    view(3, 2, 'online', 110, 3300, true),
    view(4, 2, 'online', 90, 2800),
  ];

  it('counts rigs by state over the fleet and per site', () => {
    const s = summarizeFleet(views, 5);
    expect(s.counts).toEqual({ mining: 2, throttled: 1, sleeping: 0, error: 0, stale: 1, offline: 0 });
    expect(s.sites.map((x) => [x.siteId, x.counts.mining, x.counts.throttled, x.counts.stale])).toEqual([
      [1, 1, 0, 1],
      [2, 1, 1, 0],
    ]);
    expect(s.sites.map((x) => x.totals.hashrateThs)).toEqual([100, 200]);
  });

  it('sums site totals to what the fleet totals over all their rigs are (J/TH and estimated share of the sums)', () => {
    const s = summarizeFleet(views, 5);
    const summed = sumTotals(
      s.sites.map((x) => x.totals),
      5,
    );
    expect(summed.hashrateThs).toBe(300);
    expect(summed.powerW).toBe(9100);
    expect(summed.efficiencyJth).toBeCloseTo(9100 / 300, 12);
    expect(summed.powerEstimatedShare).toBeCloseTo(3300 / 9100, 12);
    expect(summed).toMatchObject({ rigsOnline: 3, rigsStale: 1, rigsOffline: 0, rigsTotal: 4, updatedAtMs: 5 });
    expect(sumCounts(s.sites.map((x) => x.counts))).toEqual(s.counts);
  });
});

describe('cells on the wire', () => {
  it('round-trips every field, with and without a location', () => {
    const cells: RigCell[] = [
      {
        id: 7,
        siteId: 2,
        name: 'rack 3 / 14',
        location: { building: 'B', rack: '3', position: null },
        state: 'stale',
        profitBand: 'thin',
        tempBand: 'very-hot',
      },
      { id: 8, siteId: 2, name: 'r8', location: null, state: 'mining', profitBand: 'unknown', tempBand: 'normal' },
    ];
    const wire = cells.map(encodeCell);
    expect(wire[1]).toEqual([8, 2, 'r8', 0, 0, 1, null, null, null]);
    expect(JSON.parse(JSON.stringify(wire)).map(decodeCell)).toEqual(cells);
  });

  it('reads an index it does not know (a newer server) as offline and unknown bands', () => {
    expect(decodeCell([1, 1, 'x', 99, 99, 99, null, null, null])).toMatchObject({
      state: 'offline',
      profitBand: 'unknown',
      tempBand: 'unknown',
    });
  });
});
