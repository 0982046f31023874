/**
 * Adding, editing and removing rigs in a real SQLite file: a batch with a duplicate adds nothing and names
 * it, an edit clashing with another rig is refused, removal takes the rig's history with it (foreign keys
 * on) while past alerts stay, and a sweep that polled a rig removed meanwhile still commits.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRigsToSite, RigConflictError } from '../../../lib/db/mutations/add-rigs';
import { removeRig, updateRig } from '../../../lib/db/mutations/edit-rigs';
import { writeSweep } from '../../../lib/db/mutations/write-sweep';
import type { PollResult } from '../../../lib/domain/sweep-record';
import { listRigViews } from '../../../lib/db/queries/rigs';
import type { Reading } from '../../../lib/domain/reading';
import { alerts, sites } from '../../../lib/db/schema';
import { tempDb } from '../../support/temp';

const reading: Reading = {
  driver: 'antminer',
  make: 'Bitmain',
  model: 'Antminer S19 Pro',
  firmware: 'test',
  status: 'mining',
  hashrateThs: 100,
  expectedHashrateThs: 110,
  powerW: 3000,
  powerSource: 'firmware',
  efficiencyJth: 30,
  boards: [{ index: 0, hashrateThs: 100, chips: 114, tempC: 70 }],
  tempMaxC: 70,
  fansRpm: [5000],
  pools: [],
  uptimeS: 10,
  hardwareErrors: 0,
  algorithm: 'sha256',
} as Reading;
const ports = { antminer: 4028 };
const dev = (address: string, name: string | null = null) => ({
  address,
  port: 4028,
  driver: 'antminer',
  model: 'Antminer S19 Pro',
  algorithm: 'sha256',
  name,
});

let t: ReturnType<typeof tempDb>;
let siteId: number;
beforeEach(() => {
  t = tempDb();
  siteId = t.db.orm.insert(sites).values({ name: 'North Hall', createdAtMs: 1 }).returning({ id: sites.id }).get().id;
});
afterEach(() => t.cleanup());

const count = (table: string, where = '1') =>
  (t.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
const sweep = (atMs: number, results: PollResult[]) =>
  writeSweep(t.db, { startedAtMs: atMs, durationMs: 10, results }, { staleAfterPolls: 2, offlineAfterPolls: 4 });

describe('adding rigs to a site', () => {
  it('names them by site and address unless named, and refuses a whole batch with a duplicate', () => {
    const first = addRigsToSite(t.db, siteId, [dev('10.0.0.5'), dev('10.0.0.6', 'Rack A 06')], {
      nowMs: 1,
      defaultPorts: ports,
      allOrNothing: true,
    });
    expect(first?.added.map((a) => a.name)).toEqual(['north-hall-10-0-0-5', 'Rack A 06']);
    expect(() =>
      addRigsToSite(t.db, siteId, [dev('10.0.0.7'), dev('10.0.0.5')], { nowMs: 2, defaultPorts: ports, allOrNothing: true }),
    ).toThrow(new RigConflictError([{ address: '10.0.0.5', port: 4028, reason: 'already registered as north-hall-10-0-0-5' }]));
    expect(() =>
      addRigsToSite(t.db, siteId, [dev('10.0.0.8', 'Rack A 06')], { nowMs: 2, defaultPorts: ports, allOrNothing: true }),
    ).toThrow('10.0.0.8:4028: another rig is already called "Rack A 06"');
    expect(
      listRigViews(t.db)
        .map((r) => r.address)
        .sort(),
    ).toEqual(['10.0.0.5', '10.0.0.6']);
    expect(addRigsToSite(t.db, 999, [dev('10.0.0.9')], { nowMs: 3, defaultPorts: ports })).toBeNull();
  });
});

describe('editing and removing rigs', () => {
  let a: number;
  let b: number;
  beforeEach(() => {
    addRigsToSite(t.db, siteId, [dev('10.0.0.5', 'a'), dev('10.0.0.6', 'b')], { nowMs: 1, defaultPorts: ports });
    [a, b] = listRigViews(t.db).map((r) => r.id);
  });

  it('edits the name, address and nameplate; refuses a name or endpoint another rig has', () => {
    expect(updateRig(t.db, a, { name: 'Rack A 01', port: 4029, nameplateHashrateThs: 110 }, 5)).toEqual({ ok: true });
    const row = t.db.sqlite.prepare('SELECT name, port, nameplate_hashrate_ths AS th FROM rigs WHERE id = ?').get(a);
    expect(row).toEqual({ name: 'Rack A 01', port: 4029, th: 110 });
    expect(updateRig(t.db, b, { name: 'Rack A 01' }, 6)).toEqual({
      ok: false,
      error: { reason: 'conflict', message: 'name: another rig is already called "Rack A 01"' },
    });
    expect(updateRig(t.db, b, { address: '10.0.0.5', port: 4029 }, 6)).toEqual({
      ok: false,
      error: { reason: 'conflict', message: '10.0.0.5:4029 is already registered as Rack A 01' },
    });
    expect(updateRig(t.db, 999, { name: 'x' }, 6)).toEqual({ ok: false, error: { reason: 'not-found', message: 'there is no rig 999' } });
    expect(count('changes', "kind = 'rigs-changed'")).toBe(2); // the add and the one accepted edit
  });

  it('removes the rig with its samples, status and timeline; past alerts stay; a sweep that polled it still commits', () => {
    sweep(1_000, [
      { rigId: a, siteId, tsMs: 1_000, ok: true, reading },
      { rigId: b, siteId, tsMs: 1_000, ok: true, reading },
    ]);
    t.db.orm
      .insert(alerts)
      .values({
        id: 'x',
        key: `rig-offline:rig:${a}`,
        rule: 'rig-offline',
        scope: 'rig',
        subjectId: a,
        subjectName: 'a',
        severity: 'critical',
        title: 't',
        detail: '',
        startedAtMs: 1,
        firingAtMs: 1,
        resolvedAtMs: 2,
      })
      .run();
    expect(count('samples', `rig_id = ${a}`)).toBe(1);
    expect(removeRig(t.db, a, 2_000)).toEqual({ removed: true, name: 'a', samples: 1 });
    for (const table of ['samples', 'rig_status', 'rig_events', 'rigs'])
      expect(count(table, table === 'rigs' ? `id = ${a}` : `rig_id = ${a}`), table).toBe(0);
    expect(count('alerts', `subject_id = ${a}`)).toBe(1);
    expect(count('samples', `rig_id = ${b}`)).toBe(1);
    expect(removeRig(t.db, a, 2_000)).toEqual({ removed: false });

    // The collector polled both before the removal and writes afterwards: the removed rig is left out.
    const info = sweep(3_000, [
      { rigId: a, siteId, tsMs: 3_000, ok: true, reading },
      { rigId: b, siteId, tsMs: 3_000, ok: true, reading },
    ]);
    expect(info.fleet.rigsOnline).toBe(1);
    expect(count('samples', `rig_id = ${a}`)).toBe(0);
    expect(count('samples', `rig_id = ${b}`)).toBe(2);
    expect(t.db.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });
});
