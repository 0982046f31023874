import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertDemoFleet, type DemoFleet } from '../../../lib/db/mutations/upsert-demo-fleet';
import { writeSweep } from '../../../lib/db/mutations/write-sweep';
import type { PollResult } from '../../../lib/domain/sweep-record';
import { changesAfter } from '../../../lib/db/queries/changes';
import { rigTimeline } from '../../../lib/db/queries/rig-events';
import { getFleetSnapshot } from '../../../lib/db/queries/fleet';
import { listRigViews } from '../../../lib/db/queries/rigs';
import type { Reading } from '../../../lib/domain/reading';
import { tempDb } from '../../support/temp';

const policy = { staleAfterPolls: 2, offlineAfterPolls: 6 };
const fleet: DemoFleet = {
  sites: [{ name: 'North', timeZone: 'UTC', currency: 'USD' }],
  rigs: [
    {
      name: 'a1',
      site: 'North',
      address: '127.0.9.1',
      port: 4028,
      driver: 'antminer',
      model: 'Antminer S19 Pro',
      nameplateHashrateThs: 110,
      nameplatePowerW: 3250,
    },
    {
      name: 'a2',
      site: 'North',
      address: '127.0.9.2',
      port: 4028,
      driver: 'whatsminer',
      model: 'Whatsminer M60S',
      nameplateHashrateThs: 186,
      nameplatePowerW: 3422,
    },
  ],
};
const reading = (hashrateThs: number, powerW: number): Reading => ({
  driver: 'antminer',
  make: 'Bitmain',
  model: 'Antminer S19 Pro',
  firmware: 'test',
  status: 'mining',
  hashrateThs,
  expectedHashrateThs: 110,
  powerW,
  powerSource: 'firmware',
  efficiencyJth: powerW / hashrateThs,
  boards: [{ index: 0, hashrateThs, chips: 114, tempC: 70 }],
  tempMaxC: 70,
  fansRpm: [5000],
  pools: [],
  uptimeS: 10,
  hardwareErrors: 0,
});

let t: ReturnType<typeof tempDb>;
let ids: number[];
beforeEach(() => {
  t = tempDb();
  upsertDemoFleet(t.db, fleet, 1);
  ids = listRigViews(t.db).map((r) => r.id);
});
afterEach(() => t.cleanup());

function sweep(atMs: number, results: (Reading | string)[]) {
  const rows: PollResult[] = results.map((r, i) =>
    typeof r === 'string'
      ? { rigId: ids[i], siteId: 1, tsMs: atMs, ok: false, error: r }
      : { rigId: ids[i], siteId: 1, tsMs: atMs, ok: true, reading: r },
  );
  return writeSweep(t.db, { startedAtMs: atMs, durationMs: 50, results: rows }, policy);
}

describe('writeSweep', () => {
  it('records the timeline: first seen, stale, offline, back online after a power cycle (uptime went down)', () => {
    const up = (uptimeS: number) => ({ ...reading(100, 3000), uptimeS });
    sweep(1_000, [up(7_200), up(50)]);
    sweep(2_000, [up(7_201), 'timeout: no reply']);
    sweep(3_000, [up(7_202), 'timeout: no reply']);
    for (let i = 4; i <= 7; i++) sweep(i * 1_000, [up(7_200 + i), 'refused: connection refused']);
    sweep(8_000, [{ ...up(7_208), status: 'throttled' }, up(30)]);
    expect(rigTimeline(t.db, ids[1], 100).map((e) => [e.tsMs, e.kind, e.title, e.detail])).toEqual([
      [8_000, 'restart', 'restarted', 'uptime 30 s (was 50 s)'],
      [8_000, 'state', 'offline → online', 'status mining'],
      [7_000, 'state', 'stale → offline', 'refused: connection refused'],
      [3_000, 'state', 'online → stale', 'timeout: no reply'],
      [1_000, 'state', 'first seen: online', 'status mining'],
    ]);
    expect(rigTimeline(t.db, ids[0], 1)).toEqual([{ tsMs: 8_000, kind: 'state', title: 'mining → throttled', detail: '' }]);
  });

  it("stores samples, latest status, the sweep with fleet totals and one change row, the sweep's, with its summary", () => {
    const { fleet: totals } = sweep(1_000, [reading(100, 3000), reading(180, 3400)]);
    expect(totals.hashrateThs).toBe(280);
    expect(totals.powerW).toBe(6400);
    expect(t.db.sqlite.prepare('select count(*) from samples').pluck().get()).toBe(2);
    const sweepRow = t.db.sqlite.prepare('select ok_count, failed_count, hashrate_ths, power_w from sweeps').get();
    expect(sweepRow).toEqual({ ok_count: 2, failed_count: 0, hashrate_ths: 280, power_w: 6400 });
    // No row per rig (10,000 inserts a sweep at 10,000 rigs): the sweep's row carries the summary.
    const rows = changesAfter(t.db, 0, 100);
    expect(rows.map((c) => c.kind)).toEqual(['rigs-changed', 'sweep']);
    const payload = JSON.parse(rows[1].payload);
    expect(payload.point).toEqual({ tsMs: 1_000, hashrateThs: 280, powerW: 6400 });
    expect(payload.fleet).toMatchObject({ hashrateThs: 280, powerW: 6400, rigsOnline: 2, rigsTotal: 2, updatedAtMs: 1_050 });
    expect(payload.counts).toEqual({ mining: 2, throttled: 0, sleeping: 0, error: 0, stale: 0, offline: 0 });
    expect(payload.sites).toHaveLength(1);
    expect(payload.sites[0].totals).toMatchObject({ hashrateThs: 280, rigsTotal: 2 });
  });

  it('writes the rigs in short transactions of a chunk each and the sweep row and its change last: a failed chunk leaves no sweep', () => {
    const rows: PollResult[] = [
      { rigId: ids[0], siteId: 1, tsMs: 1_000, ok: true, reading: reading(100, 3000) },
      // NOT NULL hash rate: the database refuses this rig's sample, in the second chunk.
      { rigId: ids[1], siteId: 1, tsMs: 1_000, ok: true, reading: { ...reading(100, 3000), hashrateThs: null as unknown as number } },
    ];
    expect(() => writeSweep(t.db, { startedAtMs: 1_000, durationMs: 50, results: rows }, policy, 1)).toThrow(/NOT NULL/);
    // The first chunk committed on its own (sample and status together); no sweep row or sweep change.
    expect(t.db.sqlite.prepare('select rig_id from samples').pluck().all()).toEqual([ids[0]]);
    expect(t.db.sqlite.prepare('select rig_id from rig_status').pluck().all()).toEqual([ids[0]]);
    expect(t.db.sqlite.prepare('select count(*) from sweeps').pluck().get()).toBe(0);
    expect(changesAfter(t.db, 0, 100).map((c) => c.kind)).toEqual(['rigs-changed']);

    const stored = writeSweep(
      t.db,
      { startedAtMs: 2_000, durationMs: 50, results: [rows[0], { ...rows[0], rigId: ids[1] }].map((r) => ({ ...r, tsMs: 2_000 })) },
      policy,
      1,
    );
    const kinds = changesAfter(t.db, 0, 100).map((c) => c.kind);
    expect(kinds[kinds.length - 1]).toBe('sweep');
    // The rig views it read once are handed back for the steps after the commit.
    expect(stored.views).toEqual(listRigViews(t.db));
  });

  it('marks a rig stale after two missed polls and offline after six, keeping the last error', () => {
    sweep(1_000, [reading(100, 3000), reading(180, 3400)]);
    sweep(2_000, [reading(100, 3000), 'timeout: no reply']);
    expect(listRigViews(t.db)[1].connectivity).toBe('online');
    sweep(3_000, [reading(100, 3000), 'refused: connection refused']);
    let rig = listRigViews(t.db)[1];
    expect(rig.connectivity).toBe('stale');
    expect(rig.lastError).toBe('refused: connection refused');
    expect(rig.lastSeenMs).toBe(1_000);
    expect(rig.reading?.hashrateThs).toBe(180); // the last good reading is kept, flagged by connectivity
    for (let i = 4; i <= 7; i++) sweep(i * 1_000, [reading(100, 3000), 'garbage: not JSON']);
    rig = listRigViews(t.db)[1];
    expect(rig.connectivity).toBe('offline');
    expect(rig.lastError).toBe('garbage: not JSON');
    // A stale or offline rig contributes nothing to the fleet totals.
    expect(getFleetSnapshot(t.db, 8_000, { currency: 'USD', networkStaleAfterMs: 1, priceStaleAfterMs: 1 }).fleet.hashrateThs).toBe(100);
    // Samples already stored are never lost by failures.
    expect(t.db.sqlite.prepare('select count(*) from samples where rig_id = ?').pluck().get(ids[1])).toBe(1);
  });

  it('comes back online at the first good reply', () => {
    sweep(1_000, [reading(100, 3000), reading(180, 3400)]);
    for (let i = 2; i <= 8; i++) sweep(i * 1_000, [reading(100, 3000), 'timeout: x']);
    sweep(9_000, [reading(100, 3000), reading(170, 3300)]);
    const rig = listRigViews(t.db)[1];
    expect(rig.connectivity).toBe('online');
    expect(rig.lastError).toBeNull();
    expect(rig.reading?.hashrateThs).toBe(170);
  });

  it('shows a rig that never answered as offline with its error', () => {
    sweep(1_000, [reading(100, 3000), 'refused: connection refused']);
    const rig = listRigViews(t.db)[1];
    expect(rig.connectivity).toBe('offline');
    expect(rig.reading).toBeNull();
  });
});

describe('upsertDemoFleet', () => {
  it('keeps ids stable across restarts and only logs a change when something moved', () => {
    const before = listRigViews(t.db).map((r) => [r.name, r.id]);
    expect(upsertDemoFleet(t.db, fleet, 2)).toEqual({ added: 0, updated: 0 });
    expect(listRigViews(t.db).map((r) => [r.name, r.id])).toEqual(before);
    const moved = { ...fleet, rigs: [{ ...fleet.rigs[0], address: '127.0.9.9' }, fleet.rigs[1]] };
    expect(upsertDemoFleet(t.db, moved, 3)).toEqual({ added: 0, updated: 1 });
    expect(listRigViews(t.db)[0].address).toBe('127.0.9.9');
  });

  it('refuses to take over a real rig of the same name', () => {
    t.db.sqlite.prepare("update rigs set is_demo = 0 where name = 'a1'").run();
    expect(() => upsertDemoFleet(t.db, fleet, 2)).toThrow(/a real rig is already named "a1"/);
  });
});
