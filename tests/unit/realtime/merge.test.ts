import { describe, expect, it } from 'vitest';
import type { Delta, FleetSnapshot, FleetTotals, MarketView, RigView } from '../../../lib/views/contracts';
import { applyDeltas } from '../../../lib/realtime/merge';
import { countStates } from '../../../lib/domain/rig-cell';

const totals = (hashrateThs: number): FleetTotals => ({
  hashrateThs,
  powerW: 1,
  efficiencyJth: null,
  rigsOnline: 1,
  rigsStale: 0,
  rigsOffline: 0,
  rigsTotal: 1,
  powerEstimatedShare: 0,
  updatedAtMs: 1,
});
const rigView = (id: number, lastSeenMs: number): RigView => ({
  id,
  name: `r${id}`,
  siteId: 1,
  siteName: 's',
  address: 'a',
  port: 1,
  driver: 'd',
  model: null,
  connectivity: 'online',
  lastSeenMs,
  lastError: null,
  reading: null,
});
const market: MarketView = {
  currency: 'USD',
  network: null,
  networkSource: 'none',
  networkFetchedAtMs: null,
  networkError: null,
  prices: null,
  btcPrice: null,
  priceSource: 'none',
  priceFetchedAtMs: null,
  priceError: null,
  hashpricePerThDay: null,
  stale: true,
};
const base: FleetSnapshot = {
  cursor: 10,
  fleet: totals(5),
  counts: countStates([]),
  sites: [],
  cells: null,
  rigs: [rigView(1, 100)],
  history: [{ tsMs: 1_000, hashrateThs: 5, powerW: 1 }],
  economics: { fleet: null, sites: {}, rigs: {} },
  market,
  alerts: [],
};

describe('applyDeltas', () => {
  it('drops deltas at or below the cursor so a replay never double-counts', () => {
    const old: Delta[] = [{ id: 9, tsMs: 0, kind: 'sweep', fleet: totals(99), point: { tsMs: 5_000, hashrateThs: 99, powerW: 1 } }];
    const { snapshot } = applyDeltas(base, old);
    expect(snapshot).toBe(base);
  });

  it('replaces rigs by id, appends history and advances the cursor in id order', () => {
    const deltas: Delta[] = [
      { id: 12, tsMs: 0, kind: 'sweep', fleet: totals(7), point: { tsMs: 2_000, hashrateThs: 7, powerW: 1 } },
      { id: 11, tsMs: 0, kind: 'rig', rig: rigView(1, 200) },
      { id: 11, tsMs: 0, kind: 'rig', rig: rigView(1, 200) },
      { id: 13, tsMs: 0, kind: 'rig', rig: rigView(2, 300) },
    ];
    const { snapshot, resync } = applyDeltas(base, deltas);
    expect(resync).toBe(false);
    expect(snapshot.cursor).toBe(13);
    expect(snapshot.fleet.hashrateThs).toBe(7);
    expect(snapshot.rigs.map((r) => [r.id, r.lastSeenMs])).toEqual([
      [1, 200],
      [2, 300],
    ]);
    expect(snapshot.history.map((p) => p.tsMs)).toEqual([1_000, 2_000]);
    expect(base.rigs[0].lastSeenMs).toBe(100); // the input is not mutated
  });

  it('keeps one hour of history', () => {
    const hourMs = 3_600_000;
    const { snapshot } = applyDeltas(base, [
      { id: 11, tsMs: 0, kind: 'sweep', fleet: totals(1), point: { tsMs: 1_000 + hourMs + 1, hashrateThs: 1, powerW: 1 } },
    ]);
    expect(snapshot.history.map((p) => p.tsMs)).toEqual([1_000 + hourMs + 1]);
  });

  it('replaces the economics and the market panel with the newest delta', () => {
    const economics = { fleet: null, sites: {}, rigs: {} };
    const newMarket = { ...market, btcPrice: 91_000, stale: false };
    const { snapshot } = applyDeltas(base, [
      { id: 11, tsMs: 0, kind: 'economics', economics },
      { id: 12, tsMs: 0, kind: 'market', market: newMarket },
    ]);
    expect(snapshot.economics).toBe(economics);
    expect(snapshot.market.btcPrice).toBe(91_000);
  });

  it('replaces the active alerts with the newest alerts delta', () => {
    const alert = {
      id: 'offline:rig:1:5',
      rule: 'offline',
      scope: 'rig',
      subjectId: 1,
      subjectName: 'r1',
      siteId: 1,
      siteName: 's',
      severity: 'critical',
      title: 'r1 is offline',
      detail: '',
      value: null,
      startedAtMs: 5,
      firingAtMs: 5,
      resolvedAtMs: null,
      resolveReason: null,
      ackedAtMs: null,
      ackedBy: null,
      snoozedUntilMs: null,
    } as const;
    const { snapshot, resync } = applyDeltas(base, [
      { id: 11, tsMs: 0, kind: 'alerts', alerts: [alert] },
      { id: 12, tsMs: 0, kind: 'alerts', alerts: [] },
    ]);
    expect(resync).toBe(false);
    expect(snapshot.alerts).toEqual([]);
    expect(applyDeltas(base, [{ id: 11, tsMs: 0, kind: 'alerts', alerts: [alert] }]).snapshot.alerts).toEqual([alert]);
  });

  it("keeps a site's totals and counts live: a sweep re-sums its rigs, a rig's new state moves its count", () => {
    const reading = {
      status: 'mining',
      hashrateThs: 100,
      powerW: 3000,
      powerSource: 'firmware',
      tempMaxC: 60,
    } as unknown as RigView['reading'];
    const live = (id: number, hashrateThs: number, over: Partial<RigView> = {}): RigView => ({
      ...rigView(id, 100),
      model: 'S19',
      reading: { ...reading!, hashrateThs },
      ...over,
    });
    const cell = (id: number) => ({
      id,
      siteId: 1,
      name: `r${id}`,
      location: null,
      state: 'mining' as const,
      profitBand: 'healthy' as const,
      tempBand: 'normal' as const,
    });
    const start: FleetSnapshot = {
      ...base,
      rigs: [live(1, 100), live(2, 100)],
      cells: [cell(1), cell(2)],
      sites: [{ id: 1, name: 's', timeZone: 'UTC', totals: totals(200), counts: countStates([cell(1), cell(2)]) }],
    };
    const { snapshot } = applyDeltas(start, [
      { id: 11, tsMs: 0, kind: 'rig', rig: live(1, 150) },
      { id: 12, tsMs: 0, kind: 'rig', rig: live(2, 100, { connectivity: 'offline' }) },
      { id: 13, tsMs: 0, kind: 'sweep', fleet: { ...totals(150), updatedAtMs: 9 }, point: { tsMs: 2_000, hashrateThs: 150, powerW: 1 } },
    ]);
    expect(snapshot.sites[0].totals).toMatchObject({ hashrateThs: 150, rigsOnline: 1, rigsOffline: 1, rigsTotal: 2, updatedAtMs: 9 });
    expect(snapshot.sites[0].counts).toMatchObject({ mining: 1, offline: 1 });
    expect(start.sites[0].totals.hashrateThs).toBe(200); // the input is not mutated
  });

  it("moves a cell's profit band with the rig's new economics, leaving a rig that does not hash unknown", () => {
    const cell = (id: number, state: 'mining' | 'offline') => ({
      id,
      siteId: 1,
      name: `r${id}`,
      location: null,
      state,
      profitBand: 'healthy' as const,
      tempBand: 'normal' as const,
    });
    const start: FleetSnapshot = { ...base, cells: [cell(1, 'mining'), cell(2, 'offline')] };
    const rigEco = { breakevenPricePerKwh: 0.08, pricePerKwh: 0.1 } as unknown as FleetSnapshot['economics']['rigs'][number];
    const { snapshot } = applyDeltas(start, [
      { id: 11, tsMs: 0, kind: 'economics', economics: { fleet: null, sites: {}, rigs: { 1: rigEco, 2: rigEco } } },
    ]);
    expect(snapshot.cells!.map((c) => c.profitBand)).toEqual(['losing', 'unknown']);
  });

  it('asks for a resync when rigs were added or removed', () => {
    expect(applyDeltas(base, [{ id: 11, tsMs: 0, kind: 'rigs-changed' }]).resync).toBe(true);
  });
});
