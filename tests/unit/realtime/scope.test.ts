import { describe, expect, it } from 'vitest';
import type { Delta, FleetSnapshot, RigView } from '../../../lib/realtime/contracts';
import { scopedStream } from '../../../lib/realtime/scope';

const rig = (id: number, siteId: number, hashrateThs: number): RigView =>
  ({ id, name: `r${id}`, siteId, siteName: `S${siteId}`, address: `10.0.0.${id}`, port: 4028, driver: 'antminer', model: null, connectivity: 'online', lastSeenMs: 1, lastError: null,
     reading: { driver: 'antminer', make: null, model: null, firmware: null, status: 'mining', hashrateThs, expectedHashrateThs: null, powerW: 3000, powerSource: 'firmware', efficiencyJth: null, boards: [], tempMaxC: null, fansRpm: [], pools: [], uptimeS: 1, hardwareErrors: 0 } }) as unknown as RigView;

const alert = (id: string, siteId: number | null) => ({ id, siteId }) as unknown as FleetSnapshot['alerts'][number];
const econ = { tsMs: 1, stale: [] } as unknown as FleetSnapshot['economics']['fleet'];

const snapshot: FleetSnapshot = {
  cursor: 5,
  fleet: { hashrateThs: 600, powerW: 9000, efficiencyJth: 15, rigsOnline: 3, rigsStale: 0, rigsOffline: 0, rigsTotal: 3, powerEstimatedShare: 0, updatedAtMs: 1000 },
  rigs: [rig(1, 1, 100), rig(2, 2, 200), rig(3, 2, 300)],
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

  it('limits a snapshot to the sites and recomputes the totals from those rigs only', () => {
    const s = scopedStream([2]).snapshot(snapshot);
    expect(s.rigs.map((r) => r.id)).toEqual([2, 3]);
    expect(s.fleet).toMatchObject({ hashrateThs: 500, powerW: 6000, rigsOnline: 2, rigsTotal: 2 });
    expect(s.history).toEqual([]);
    expect(s.economics.fleet).toBeNull();
    expect(Object.keys(s.economics.sites)).toEqual(['2']);
    expect(Object.keys(s.economics.rigs)).toEqual(['2', '3']);
    expect(s.alerts.map((a) => a.id)).toEqual(['b']);
  });

  it('drops other sites\' rig deltas and recomputes each sweep from the rigs it has seen', () => {
    const s = scopedStream([1]);
    s.snapshot(snapshot);
    const batch: Delta[] = [
      { id: 6, tsMs: 2000, kind: 'rig', rig: rig(1, 1, 150) },
      { id: 7, tsMs: 2000, kind: 'rig', rig: rig(2, 2, 250) },
      { id: 8, tsMs: 2000, kind: 'sweep', fleet: { ...snapshot.fleet, hashrateThs: 700, updatedAtMs: 2000 }, point: { tsMs: 2000, hashrateThs: 700, powerW: 9000 } },
      { id: 9, tsMs: 2000, kind: 'alerts', alerts: [alert('a', 1), alert('b', 2)] },
    ];
    const out = s.deltas(batch);
    expect(out.map((d) => d.id)).toEqual([6, 8, 9]);
    const sweep = out[1] as Extract<Delta, { kind: 'sweep' }>;
    expect(sweep.fleet).toMatchObject({ hashrateThs: 150, powerW: 3000, rigsTotal: 1, updatedAtMs: 2000 });
    expect(sweep.point).toEqual({ tsMs: 2000, hashrateThs: 150, powerW: 3000 });
    expect((out[2] as Extract<Delta, { kind: 'alerts' }>).alerts.map((a) => a.id)).toEqual(['a']);
  });
});
