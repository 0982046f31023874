import { describe, expect, it } from 'vitest';
import type { Delta, FleetSnapshot, FleetTotals, MarketView, RigView, SummaryDelta } from '../../../lib/views/contracts';
import { applyDeltas } from '../../../lib/realtime/merge';
import { countStates, type RigCell } from '../../../lib/domain/rig-cell';
import { encodeCell } from '../../../lib/realtime/cells-wire';

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
const cell = (id: number, state: RigCell['state']): RigCell => ({
  id,
  siteId: 1,
  name: `r${id}`,
  location: id === 2 ? { building: 'B', rack: null, position: '4' } : null,
  state,
  profitBand: 'healthy',
  tempBand: 'normal',
});
const summary = (id: number, over: Partial<SummaryDelta>): SummaryDelta => ({
  id,
  tsMs: 0,
  kind: 'summary',
  fleet: totals(id),
  counts: countStates([]),
  sites: [],
  full: false,
  cells: [],
  rigs: [],
  point: null,
  ...over,
});
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
    const old: Delta[] = [
      { id: 9, tsMs: 0, kind: 'sweep', point: { tsMs: 5_000, hashrateThs: 99, powerW: 1 } },
      summary(10, { rigs: [rigView(1, 999)] }),
    ];
    const { snapshot } = applyDeltas(base, old);
    expect(snapshot).toBe(base);
  });

  it('replaces watched rigs by id, appends history and advances the cursor in id order', () => {
    const deltas: Delta[] = [
      { id: 12, tsMs: 0, kind: 'sweep', point: { tsMs: 2_000, hashrateThs: 7, powerW: 1 } },
      summary(11, { rigs: [rigView(1, 200)] }),
      summary(11, { rigs: [rigView(1, 200)] }),
      summary(13, { fleet: totals(7), rigs: [rigView(2, 300)] }),
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
      { id: 11, tsMs: 0, kind: 'sweep', point: { tsMs: 1_000 + hourMs + 1, hashrateThs: 1, powerW: 1 } },
    ]);
    expect(snapshot.history.map((p) => p.tsMs)).toEqual([1_000 + hourMs + 1]);
  });

  it('replaces the fleet and site economics and the market panel with the newest delta, keeping rigs not in it', () => {
    const e = (profitPerDay: number) => ({ ...({} as FleetSnapshot['economics']['fleet'] & object), profitPerDay });
    const start = { ...base, economics: { fleet: null, sites: {}, rigs: { 1: e(1), 2: e(2) } } } as FleetSnapshot;
    const economics = { fleet: e(10), sites: { 1: e(5) }, rigs: { 2: e(20) } } as FleetSnapshot['economics'];
    const newMarket = { ...market, btcPrice: 91_000, stale: false };
    const { snapshot } = applyDeltas(start, [
      { id: 11, tsMs: 0, kind: 'economics', economics },
      { id: 12, tsMs: 0, kind: 'market', market: newMarket },
    ]);
    expect(snapshot.economics.fleet?.profitPerDay).toBe(10);
    expect(snapshot.economics.sites[1].profitPerDay).toBe(5);
    expect(Object.entries(snapshot.economics.rigs).map(([id, v]) => [id, v.profitPerDay])).toEqual([
      ['1', 1],
      ['2', 20],
    ]);
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

  it('asks for a resync when rigs were added or removed', () => {
    expect(applyDeltas(base, [{ id: 11, tsMs: 0, kind: 'rigs-changed' }]).resync).toBe(true);
  });

  it('takes every cell from a full summary and upserts only the changed cells of a partial one', () => {
    const counts = { ...countStates([]), mining: 2 };
    const full = applyDeltas(base, [
      summary(11, { full: true, cells: [cell(1, 'mining'), cell(2, 'mining')].map(encodeCell), counts }),
    ]).snapshot;
    expect(full.cells).toEqual([cell(1, 'mining'), cell(2, 'mining')]);
    expect(full.counts).toEqual(counts);
    const partial = applyDeltas(full, [summary(12, { cells: [cell(2, 'offline'), cell(3, 'stale')].map(encodeCell) })]).snapshot;
    expect(partial.cells).toEqual([cell(1, 'mining'), cell(2, 'offline'), cell(3, 'stale')]);
    expect(full.cells?.[1].state).toBe('mining'); // the input is not mutated
    // Cells are not known until a full summary came: a partial one leaves them unknown.
    expect(applyDeltas(base, [summary(11, { cells: [encodeCell(cell(1, 'stale'))] })]).snapshot.cells).toBeNull();
  });

  it("takes the subscribe's full summary at the page's own cursor (an up-to-date page gets its cells), but no partial one", () => {
    expect(base.cursor).toBe(10);
    const atCursor = applyDeltas(base, [summary(10, { full: true, cells: [encodeCell(cell(1, 'mining'))] })]).snapshot;
    expect(atCursor.cells).toEqual([cell(1, 'mining')]);
    expect(atCursor.cursor).toBe(10);
    const withCells = { ...base, cells: [cell(1, 'mining')] };
    expect(applyDeltas(withCells, [summary(10, { cells: [encodeCell(cell(1, 'offline'))] })]).snapshot.cells).toEqual([cell(1, 'mining')]);
    // With cells, the same full summary again is a replay: the very same snapshot comes back.
    expect(applyDeltas(withCells, [summary(10, { full: true, cells: [encodeCell(cell(1, 'offline'))] })]).snapshot).toBe(withCells);
    expect(applyDeltas(withCells, [summary(9, { full: true, cells: [encodeCell(cell(1, 'offline'))] })]).snapshot.cells).toEqual([
      cell(1, 'mining'),
    ]);
  });

  it("adds a summary's chart point once", () => {
    const point = { tsMs: 2_000, hashrateThs: 7, powerW: 1 };
    const { snapshot } = applyDeltas(base, [{ id: 11, tsMs: 0, kind: 'sweep', point }, summary(11, { point })]);
    expect(snapshot.history).toEqual([base.history[0], point]);
  });
});
