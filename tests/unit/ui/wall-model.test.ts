/**
 * The wall display's view model: which views rotate, what a site view adds up to, the order of the worst
 * rigs, which alerts show, when the indicator turns amber and red, and how the URL is read.
 */
import { describe, expect, it } from 'vitest';
import {
  freshness,
  nextViewIndex,
  parseRotateS,
  parseSiteId,
  rigCounts,
  rotationOrder,
  viewKey,
  wallFigures,
  worstRigs,
  type WallSite,
} from '../../../app/components/wall/wall-model';
import type { Reading } from '../../../lib/domain/reading';
import type { AlertView } from '../../../lib/views/alert-contracts';
import type { EconomicsView, FleetSnapshot, RigView } from '../../../lib/views/contracts';
import { countStates } from '../../../lib/domain/rig-cell';

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

describe('rotation', () => {
  it('goes fleet, then each site with rigs, in site order', () => {
    const order = rotationOrder(SITES, [rig(1, 2), rig(2, 1)], null);
    expect(order.map(viewKey)).toEqual(['fleet', 'site-1', 'site-2']);
  });

  it('shows a pinned site alone, even one without rigs; an unknown pin falls back to the rotation', () => {
    expect(rotationOrder(SITES, [rig(1, 1)], 3).map(viewKey)).toEqual(['site-3']);
    expect(rotationOrder(SITES, [rig(1, 1)], 99).map(viewKey)).toEqual(['fleet', 'site-1']);
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

describe('rigs by state and the worst rigs', () => {
  const rigs = [
    rig(1, 1, {}, { tempMaxC: 80 }),
    rig(2, 1, { connectivity: 'offline', name: 'rig-2' }),
    rig(3, 1, {}, { tempMaxC: 65 }),
    rig(4, 1, {}, { tempMaxC: 90 }),
    rig(5, 1, { connectivity: 'stale' }),
    rig(6, 1, {}, { tempMaxC: null }),
  ];
  const economics = { 1: eco(-0.01), 3: eco(-0.03), 4: eco(0.02), 5: eco(-0.05) };

  it('counts online, stale, offline, and online rigs losing money (a stale rig is not counted losing)', () => {
    expect(rigCounts(rigs, economics)).toEqual({ online: 4, stale: 1, offline: 1, losing: 2, total: 6 });
  });

  it('lists the largest loss per kWh first, then offline, then stale, then the hottest; none without a temperature', () => {
    const worst = worstRigs(rigs, economics);
    expect(worst.map((w) => [w.rig.id, w.reason])).toEqual([
      [3, 'losing'],
      [1, 'losing'],
      [2, 'offline'],
      [5, 'stale'],
      [4, 'hot'],
    ]);
  });

  it('shows at most eight lines', () => {
    const many = Array.from({ length: 12 }, (_, i) => rig(i + 1, 1, {}, { tempMaxC: 50 + i }));
    const worst = worstRigs(many, {});
    expect(worst).toHaveLength(8);
    expect(worst[0].tempMaxC).toBe(61);
    expect(worst[7].tempMaxC).toBe(54);
  });
});

describe('figures of a view', () => {
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
    rigs: [rig(1, 1), rig(2, 1, {}, { hashrateThs: 50, powerW: 2000 }), rig(3, 2), rig(4, 2, { connectivity: 'offline' })],
    counts: countStates([]),
    sites: [],
    cells: null,
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
  });

  it('sums a site over its online rigs, with its own economics, clock and alerts', () => {
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
    expect(beta.counts).toEqual({ online: 1, stale: 0, offline: 1, losing: 0, total: 2 });
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
