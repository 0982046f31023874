import { describe, expect, it } from 'vitest';
import type { Delta, FleetSnapshot, RigView, SiteSummary, SummaryDelta } from '../../../lib/views/contracts';
import { scopedStream } from '../../../lib/views/scope';
import { countStates, type RigCell } from '../../../lib/domain/rig-cell';
import { summarizeFleet } from '../../../lib/domain/fleet-summary';
import { encodeCell } from '../../../lib/realtime/cells-wire';

const rig = (id: number, siteId: number, hashrateThs: number): RigView =>
  ({
    id,
    name: `r${id}`,
    siteId,
    siteName: `S${siteId}`,
    address: `10.0.0.${id}`,
    port: 4028,
    driver: 'antminer',
    model: null,
    connectivity: 'online',
    lastSeenMs: 1,
    lastError: null,
    reading: {
      driver: 'antminer',
      make: null,
      model: null,
      firmware: null,
      status: 'mining',
      hashrateThs,
      expectedHashrateThs: null,
      powerW: 3000,
      powerSource: 'firmware',
      efficiencyJth: null,
      boards: [],
      tempMaxC: null,
      fansRpm: [],
      pools: [],
      uptimeS: 1,
      hardwareErrors: 0,
    },
  }) as unknown as RigView;

const alert = (id: string, siteId: number | null) => ({ id, siteId }) as unknown as FleetSnapshot['alerts'][number];
const econ = { tsMs: 1, stale: [] } as unknown as FleetSnapshot['economics']['fleet'];

const cellOf = (id: number, siteId: number): RigCell => ({
  id,
  siteId,
  name: `r${id}`,
  location: null,
  state: 'mining',
  profitBand: 'unknown',
  tempBand: 'unknown',
});
/** Sites 1 (rig 1) and 2 (rigs 2 and 3) summarized as the collector writes them. */
const sitesOf = (rigs: RigView[], updatedAtMs: number): SiteSummary[] =>
  summarizeFleet(rigs, updatedAtMs).sites.map((s) => ({
    id: s.siteId,
    name: `S${s.siteId}`,
    timeZone: 'UTC',
    totals: s.totals,
    counts: s.counts,
  }));

const snapshot: FleetSnapshot = {
  cursor: 5,
  fleet: {
    hashrateThs: 600,
    powerW: 9000,
    efficiencyJth: 15,
    rigsOnline: 3,
    rigsStale: 0,
    rigsOffline: 0,
    rigsTotal: 3,
    powerEstimatedShare: 0,
    updatedAtMs: 1000,
  },
  rigs: [rig(1, 1, 100), rig(2, 2, 200), rig(3, 2, 300)],
  counts: countStates([]),
  sites: sitesOf([rig(1, 1, 100), rig(2, 2, 200), rig(3, 2, 300)], 1000),
  cells: [cellOf(1, 1), cellOf(2, 2), cellOf(3, 2)],
  history: [{ tsMs: 1, hashrateThs: 600, powerW: 9000 }],
  economics: { fleet: econ, sites: { 1: econ!, 2: econ! }, rigs: { 1: econ!, 2: econ!, 3: econ! } },
  market: {} as FleetSnapshot['market'],
  alerts: [alert('a', 1), alert('b', 2), alert('pool', null)],
};

describe('scopedStream', () => {
  it('passes everything through for a principal of every site', () => {
    const s = scopedStream(null);
    expect(s.snapshot(snapshot)).toBe(snapshot);
  });

  it("limits a snapshot to the sites and totals and counts those sites' only", () => {
    const s = scopedStream([2]).snapshot(snapshot);
    expect(s.rigs.map((r) => r.id)).toEqual([2, 3]);
    expect(s.cells?.map((c) => c.id)).toEqual([2, 3]);
    expect(s.sites.map((site) => site.id)).toEqual([2]);
    expect(s.fleet).toMatchObject({ hashrateThs: 500, powerW: 6000, rigsOnline: 2, rigsTotal: 2 });
    expect(s.counts).toEqual({ ...countStates([]), mining: 2 });
    expect(s.history).toEqual([]);
    expect(s.economics.fleet).toBeNull(); // no BTC quotes in this market: nothing to convert with
    expect(Object.keys(s.economics.sites)).toEqual(['2']);
    expect(Object.keys(s.economics.rigs)).toEqual(['2', '3']);
    expect(s.alerts.map((a) => a.id)).toEqual(['b']);
  });

  it("drops other sites' cells and watched rigs from a summary, and totals its own sites only", () => {
    const s = scopedStream([1]);
    s.snapshot(snapshot);
    const later = [rig(1, 1, 150), rig(2, 2, 250), rig(3, 2, 300)];
    const all = summarizeFleet(later, 2000);
    const summary: SummaryDelta = {
      id: 8,
      tsMs: 2000,
      kind: 'summary',
      fleet: all.fleet,
      counts: all.counts,
      sites: sitesOf(later, 2000),
      full: false,
      cells: [cellOf(1, 1), cellOf(2, 2)].map(encodeCell),
      rigs: [later[0], later[1]],
      point: { tsMs: 1900, hashrateThs: 700, powerW: 9000 },
    };
    const batch: Delta[] = [
      { id: 7, tsMs: 2000, kind: 'sweep', point: { tsMs: 1900, hashrateThs: 700, powerW: 9000 } },
      summary,
      { id: 9, tsMs: 2000, kind: 'alerts', alerts: [alert('a', 1), alert('b', 2)] },
    ];
    const out = s.deltas(batch);
    // The stored sweep point is whole-fleet: dropped; the summary carries this scope's point.
    expect(out.map((d) => d.id)).toEqual([8, 9]);
    const mine = out[0] as SummaryDelta;
    expect(mine.fleet).toMatchObject({ hashrateThs: 150, powerW: 3000, rigsTotal: 1, updatedAtMs: 2000 });
    expect(mine.counts).toEqual({ ...countStates([]), mining: 1 });
    expect(mine.sites.map((x) => x.id)).toEqual([1]);
    expect(mine.cells.map((c) => c[0])).toEqual([1]);
    expect(mine.rigs.map((r) => r.id)).toEqual([1]);
    expect(mine.point).toEqual({ tsMs: 1900, hashrateThs: 150, powerW: 3000 });
    expect((out[1] as Extract<Delta, { kind: 'alerts' }>).alerts.map((a) => a.id)).toEqual(['a']);
  });
});

describe('money totals over a limited principal\'s sites (issue 14: "waiting for the next sweep" forever)', () => {
  const figures = (currency: string, revenuePerDay: number, costPerDay: number, kwhPerDay: number, pricePerKwh: number) =>
    ({
      currency,
      tsMs: 1000,
      stale: [],
      hashrateThs: 200,
      powerW: 3500,
      kwhPerDay,
      btcPerDay: 1e-4,
      revenuePerDay,
      costPerDay,
      profitPerDay: revenuePerDay - costPerDay,
      revenuePerKwh: revenuePerDay / kwhPerDay,
      profitPerKwh: revenuePerDay / kwhPerDay - pricePerKwh,
      breakevenPricePerKwh: revenuePerDay / kwhPerDay,
      breakevenBtcPrice: null,
      hashpricePerThDay: 0.04,
      pricePerKwh,
      powerEstimatedShare: 0,
    }) as NonNullable<FleetSnapshot['economics']['fleet']>;
  // Site 1 in USD; site 2 in CAD (1 BTC = 90,000 USD = 120,000 CAD: 1 CAD = 0.75 USD).
  const usd = figures('USD', 10, 4, 100, 0.04);
  const cad = figures('CAD', 12, 6, 120, 0.05);
  const market = { currency: 'USD', prices: { USD: 90_000, CAD: 120_000 } } as unknown as FleetSnapshot['market'];
  const money: FleetSnapshot = {
    ...snapshot,
    market,
    economics: { fleet: figures('USD', 19, 8.5, 220, 0.045), sites: { 1: usd, 2: cad }, rigs: {} },
  };

  it("a viewer of the CAD site gets that site's money in the fleet currency, never the other site's", () => {
    const fleet = scopedStream([2]).snapshot(money).economics.fleet!;
    expect(fleet.currency).toBe('USD');
    expect(fleet.revenuePerDay).toBeCloseTo(9, 12); // 12 CAD x 0.75
    expect(fleet.costPerDay).toBeCloseTo(4.5, 12);
    expect(fleet.profitPerDay).toBeCloseTo(4.5, 12);
    expect(fleet.kwhPerDay).toBe(120);
    expect(fleet.breakevenPricePerKwh).toBeCloseTo(0.075, 12); // 0.1 CAD/kWh
    expect(fleet.profitPerKwh).toBeCloseTo(0.0375, 12); // (0.1 - 0.05) CAD x 0.75
  });

  it('a viewer of both sites gets their sum; each economics delta is scoped the same way', () => {
    const both = scopedStream([1, 2]).snapshot(money).economics.fleet!;
    expect(both.profitPerDay).toBeCloseTo(6 + 4.5, 12);
    const s = scopedStream([1]);
    s.snapshot(money);
    const [d] = s.deltas([{ id: 9, tsMs: 2000, kind: 'economics', economics: money.economics }]) as Extract<Delta, { kind: 'economics' }>[];
    expect(d.economics.fleet!.profitPerDay).toBe(6);
    expect(Object.keys(d.economics.sites)).toEqual(['1']);
  });
});
