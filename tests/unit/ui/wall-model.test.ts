/**
 * The wall display's view model: which views rotate, what a site view adds up to (from the site summaries
 * and heat-map cells, never every rig's view), the worst rigs badged, the fleet's map grouped by site, which
 * alerts show, when the indicator turns amber and red, and how the URL is read.
 */
import { describe, expect, it } from 'vitest';
import {
  freshness,
  nextViewIndex,
  parseRotateS,
  parseSiteId,
  fleetMapCells,
  rotationOrder,
  viewKey,
  wallFigures,
  type WallSite,
} from '../../../app/components/wall/wall-model';
import type { Reading } from '../../../lib/domain/reading';
import type { AlertView } from '../../../lib/views/alert-contracts';
import type { EconomicsView, FleetSnapshot, RigView } from '../../../lib/views/contracts';
import { countStates, type RigCell } from '../../../lib/domain/rig-cell';
import { fleetTotals } from '../../../lib/domain/fleet';

function reading(over: Partial<Reading> = {}): Reading {
  return {
    driver: 'antminer',
    make: 'Bitmain',
    model: 'S19',
    firmware: '1.0',
    status: 'mining',
    hashrateThs: 100,
    expectedHashrateThs: 100,
    powerW: 3000,
    powerSource: 'firmware',
    efficiencyJth: 30,
    boards: [],
    tempMaxC: 70,
    fansRpm: [],
    pools: [],
    uptimeS: 100,
    hardwareErrors: 0,
    ...over,
  };
}

function rig(id: number, siteId: number, over: Partial<RigView> = {}, r: Partial<Reading> = {}): RigView {
  return {
    id,
    name: `rig-${id}`,
    siteId,
    siteName: siteId === 1 ? 'Alpha' : 'Beta',
    address: `10.0.0.${id}`,
    port: 4028,
    driver: 'antminer',
    model: 'S19',
    connectivity: 'online',
    lastSeenMs: 1_000_000,
    lastError: null,
    reading: reading(r),
    ...over,
  };
}

function eco(profitPerKwh: number | null, over: Partial<EconomicsView> = {}): EconomicsView {
  return {
    currency: 'USD',
    hashrateThs: 100,
    powerW: 3000,
    kwhPerDay: 72,
    btcPerDay: 0.0001,
    revenuePerDay: 5,
    costPerDay: 4,
    profitPerDay: 1,
    revenuePerKwh: 0.07,
    profitPerKwh,
    breakevenPricePerKwh: 0.07,
    breakevenBtcPrice: 50_000,
    hashpricePerThDay: 0.05,
    pricePerKwh: 0.05,
    powerEstimatedShare: 0,
    tsMs: 0,
    stale: [],
    ...over,
  };
}

function alert(id: string, siteId: number | null, severity: AlertView['severity'], over: Partial<AlertView> = {}): AlertView {
  return {
    id,
    rule: 'offline',
    scope: 'rig',
    subjectId: 1,
    subjectName: 'rig-1',
    siteId,
    siteName: siteId === null ? null : `site ${siteId}`,
    severity,
    title: `alert ${id}`,
    detail: '',
    value: null,
    startedAtMs: 0,
    firingAtMs: 100,
    resolvedAtMs: null,
    resolveReason: null,
    ackedAtMs: null,
    ackedBy: null,
    snoozedUntilMs: null,
    ...over,
  };
}

const SITES: WallSite[] = [
  { id: 1, name: 'Alpha', timeZone: 'America/Chicago' },
  { id: 2, name: 'Beta', timeZone: 'Europe/Oslo' },
  { id: 3, name: 'Empty', timeZone: 'UTC' },
];

function cell(id: number, siteId: number, over: Partial<RigCell> = {}): RigCell {
  return { id, siteId, name: `rig-${id}`, location: null, state: 'mining', profitBand: 'healthy', tempBand: 'normal', ...over };
}

function summary(id: number, cells: RigCell[]) {
  return { id, counts: countStates(cells.filter((c) => c.siteId === id)) };
}

describe('rotation', () => {
  it('goes fleet, then each site with rigs, in site order', () => {
    const cells = [cell(1, 2), cell(2, 1)];
    const order = rotationOrder(SITES, [summary(1, cells), summary(2, cells), summary(3, cells)], null);
    expect(order.map(viewKey)).toEqual(['fleet', 'site-1', 'site-2']);
  });

  it('shows a pinned site alone, even one without rigs; an unknown pin falls back to the rotation', () => {
    const cells = [cell(1, 1)];
    const sums = [summary(1, cells), summary(2, cells), summary(3, cells)];
    expect(rotationOrder(SITES, sums, 3).map(viewKey)).toEqual(['site-3']);
    expect(rotationOrder(SITES, sums, 99).map(viewKey)).toEqual(['fleet', 'site-1']);
  });

  it('wraps around, and stays put with one view', () => {
    expect([0, 1, 2].map((i) => nextViewIndex(i, 3))).toEqual([1, 2, 0]);
    expect(nextViewIndex(0, 1)).toBe(0);
    expect(nextViewIndex(0, 0)).toBe(0);
  });

  it('reads ?rotate and ?site, falling back on anything malformed', () => {
    expect(parseRotateS(undefined)).toBe(20);
    expect(parseRotateS('0')).toBe(0);
    expect(parseRotateS('2')).toBe(2);
    expect(parseRotateS('-5')).toBe(20);
    expect(parseRotateS('1.5')).toBe(20);
    expect(parseRotateS('99999')).toBe(20);
    expect(parseSiteId('3')).toBe(3);
    expect(parseSiteId('abc')).toBeNull();
    expect(parseSiteId(undefined)).toBeNull();
  });
});

describe('the fleet map', () => {
  it("groups by site first, keeping each rig's building under its site and its rack and position", () => {
    const cells = [
      cell(1, 1, { location: { building: 'B1', rack: 'R2', position: '3' } }),
      cell(2, 2),
      cell(3, 9, { location: { building: null, rack: 'R1', position: null } }),
    ];
    const out = fleetMapCells(
      cells,
      new Map([
        [1, 'Alpha'],
        [2, 'Beta'],
      ]),
    );
    expect(out.map((c) => c.location)).toEqual([
      { building: 'Alpha · B1', rack: 'R2', position: '3' },
      { building: 'Beta', rack: null, position: null },
      { building: 'Site 9', rack: 'R1', position: null },
    ]);
    expect(out.map((c) => [c.id, c.state])).toEqual(cells.map((c) => [c.id, c.state]));
  });
});

describe('figures of a view', () => {
  const RIGS = [rig(1, 1), rig(2, 1, {}, { hashrateThs: 50, powerW: 2000 }), rig(3, 2), rig(4, 2, { connectivity: 'offline' })];
  const CELLS = [
    cell(1, 1, { profitBand: 'losing' }),
    cell(2, 1, { tempBand: 'very-hot' }),
    cell(3, 2),
    cell(4, 2, { state: 'offline', profitBand: 'unknown', tempBand: 'unknown' }),
  ];
  const snapshot: FleetSnapshot = {
    cursor: 10,
    fleet: {
      hashrateThs: 300,
      powerW: 9000,
      efficiencyJth: 30,
      rigsOnline: 3,
      rigsStale: 0,
      rigsOffline: 1,
      rigsTotal: 4,
      powerEstimatedShare: 0,
      updatedAtMs: 5000,
    },
    rigs: [],
    counts: countStates(CELLS),
    sites: [
      {
        id: 1,
        name: 'Alpha',
        timeZone: 'America/Chicago',
        totals: fleetTotals(RIGS.slice(0, 2), 5000),
        counts: countStates(CELLS.slice(0, 2)),
      },
      { id: 2, name: 'Beta', timeZone: 'Europe/Oslo', totals: fleetTotals(RIGS.slice(2), 5000), counts: countStates(CELLS.slice(2)) },
    ],
    cells: CELLS,
    history: [],
    economics: { fleet: eco(0.01), sites: { 1: eco(0.02, { currency: 'USD' }), 2: eco(-0.01, { currency: 'CAD' }) }, rigs: {} },
    market: {} as FleetSnapshot['market'],
    alerts: [
      alert('a', 1, 'warning'),
      alert('b', 2, 'critical'),
      alert('c', null, 'info'),
      alert('d', 1, 'critical', { snoozedUntilMs: 10_000 }),
      ...['e', 'f', 'g', 'h'].map((id) => alert(id, 2, 'warning')),
    ],
  };

  it('uses the fleet totals and economics for the fleet, with every unsnoozed alert, five shown', () => {
    const f = wallFigures(snapshot, { kind: 'fleet' }, 1000);
    expect(f.title).toBe('Fleet');
    expect(f.timeZone).toBeUndefined();
    expect(f.totals).toBe(snapshot.fleet);
    expect(f.economics?.profitPerKwh).toBe(0.01);
    expect(f.alerts.map((a) => a.id)).toEqual(['b', 'a', 'e', 'f', 'g']);
    expect(f.moreAlerts).toBe(2);
    expect(f.counts).toEqual({ mining: 3, throttled: 0, sleeping: 0, error: 0, stale: 0, offline: 1 });
    expect(f.losing).toBe(1);
    // The fleet's map reads site by site.
    expect(f.cells?.map((c) => c.location?.building)).toEqual(['Alpha', 'Alpha', 'Beta', 'Beta']);
    expect(f.worst.map((w) => [w.cell.id, w.problem])).toEqual([
      [4, 'offline'],
      [2, 'very-hot'],
      [1, 'losing'],
    ]);
    expect(f.problems).toBe(3);
  });

  it("waits for the cells: no map, no list, no losing count, but the summaries' counts", () => {
    const f = wallFigures({ ...snapshot, cells: null }, { kind: 'site', site: SITES[1] }, 1000);
    expect(f.cells).toBeNull();
    expect(f.losing).toBeNull();
    expect(f.worst).toEqual([]);
    expect(f.counts.offline).toBe(1);
  });

  it("takes a site's totals and counts from its summary, with its own cells, economics, clock and alerts", () => {
    const f = wallFigures(snapshot, { kind: 'site', site: SITES[0] }, 1000);
    expect(f.title).toBe('Alpha');
    expect(f.timeZone).toBe('America/Chicago');
    expect(f.totals).toMatchObject({
      hashrateThs: 150,
      powerW: 5000,
      efficiencyJth: 5000 / 150,
      rigsOnline: 2,
      rigsTotal: 2,
      updatedAtMs: 5000,
    });
    expect(f.economics?.profitPerKwh).toBe(0.02);
    expect(f.alerts.map((a) => a.id)).toEqual(['a']);
    const beta = wallFigures(snapshot, { kind: 'site', site: SITES[1] }, 1000);
    expect(beta.totals).toMatchObject({ hashrateThs: 100, rigsOnline: 1, rigsOffline: 1 });
    expect(beta.counts).toEqual({ mining: 1, throttled: 0, sleeping: 0, error: 0, stale: 0, offline: 1 });
    expect(beta.cells?.map((c) => c.id)).toEqual([3, 4]);
    expect(beta.losing).toBe(0);
    expect(beta.worst.map((w) => w.problem)).toEqual(['offline']);
    expect(beta.economics?.currency).toBe('CAD');
  });

  it('shows a snoozed alert again once its snooze ends', () => {
    expect(wallFigures(snapshot, { kind: 'site', site: SITES[0] }, 20_000).alerts.map((a) => a.id)).toEqual(['d', 'a']);
  });
});

describe('freshness indicator', () => {
  const poll = 10_000;
  it('is live with a recent sweep on a live socket', () => {
    expect(freshness('live', 100_000, 125_000, poll)).toBe('live');
  });
  it('turns amber after three missed intervals, while connecting, or before any sweep', () => {
    expect(freshness('live', 100_000, 131_000, poll)).toBe('late');
    expect(freshness('connecting', 100_000, 101_000, poll)).toBe('late');
    expect(freshness('live', null, 101_000, poll)).toBe('late');
  });
  it('turns red when the socket is down, or after ten missed intervals', () => {
    expect(freshness('reconnecting', 100_000, 101_000, poll)).toBe('down');
    expect(freshness('live', 100_000, 201_000, poll)).toBe('down');
    expect(freshness('live', 100_000, 200_000, poll)).toBe('late');
  });
});
