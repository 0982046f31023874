/**
 * The sweep writer on a real SQLite file, in process: the database made full with `PRAGMA max_page_count`
 * (which works without root; storage-faults-process.test.ts fills a real disk under a real process),
 * read-only, and deleted. It holds sweeps, drops the oldest past its bound and says how many, writes the
 * held ones in order when storage works again, and tells its listener once each way.
 */
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSweepWriter, type StorageListener, type SweepWriter } from '../../../collectors/sweep-writer';
import { upsertDemoFleet, type DemoFleet } from '../../../lib/db/mutations/upsert-demo-fleet';
import type { PollResult, SweepRecord } from '../../../lib/domain/sweep-record';
import { listRigViews } from '../../../lib/db/queries/rigs';
import { setSiteEconomics } from '../../../lib/db/mutations/site-settings';
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
      driver: 'antminer',
      model: 'Antminer S19 Pro',
      nameplateHashrateThs: 110,
      nameplatePowerW: 3250,
    },
  ],
};

let t: ReturnType<typeof tempDb>;
let rigIds: number[];
let lines: string[];
let events: string[];
let writer: SweepWriter;
let clockMs: number;

const listener: StorageListener = {
  healthy: () => undefined,
  failing: (_now, text, sinceMs) => events.push(`failing ${sinceMs}: ${text}`),
  recovered: (_now, text, sinceMs) => events.push(`recovered ${sinceMs}: ${text}`),
};

beforeEach(() => {
  t = tempDb();
  upsertDemoFleet(t.db, fleet, 1);
  rigIds = listRigViews(t.db).map((r) => r.id);
  lines = [];
  events = [];
  clockMs = 1_000_000;
  // Two rigs a sweep: at most 3 sweeps held.
  writer = createSweepWriter({ db: t.db, policy, maxHeldReadings: 6, now: () => clockMs, log: (l) => lines.push(l), listener });
});
afterEach(() => t.cleanup());

/** A sweep at `atMs` where every rig failed with a long error (so each sweep needs new pages). */
function sweep(atMs: number): SweepRecord {
  const results: PollResult[] = rigIds.map((rigId) => ({
    rigId,
    siteId: 1,
    tsMs: atMs,
    ok: false,
    error: `timeout at ${atMs}: ${'x'.repeat(3000)}`,
  }));
  return { startedAtMs: atMs, durationMs: 10, results };
}

const storedStarts = () => t.db.sqlite.prepare('select started_at_ms from sweeps order by id').pluck().all() as number[];

/** Writes sweeps until one is held (the last pages may still take a sweep or two); returns the start of the first held. */
function writeUntilHeld(fromMs: number): number {
  for (let atMs = fromMs; atMs < fromMs + 50_000; atMs += 1000) {
    clockMs = atMs;
    if (writer.write(sweep(atMs)) === null) return atMs;
  }
  throw new Error('the database never filled up');
}

describe('the sweep writer', () => {
  it('holds sweeps while the database is full, drops the oldest past its bound, and writes the rest in order when space returns', () => {
    expect(writer.write(sweep(1000))).toMatchObject({ sweepId: 1 });
    const pages = t.db.sqlite.pragma('page_count', { simple: true }) as number;
    t.db.sqlite.pragma(`max_page_count = ${pages}`);
    const firstHeldMs = writeUntilHeld(2000);
    const storedWhenFull = storedStarts();
    expect(lines[0]).toBe(
      `collector: storage failing: ${t.path}: database or disk is full (SQLITE_FULL); holding 1 sweep (2 readings, at most 6) in memory; 0 dropped, retrying at every sweep`,
    );
    for (let i = 1; i <= 4; i++) {
      clockMs = firstHeldMs + i * 1000;
      expect(writer.write(sweep(clockMs))).toBeNull();
    }
    expect(writer.heldSweeps()).toBe(3);
    expect(lines).toContain(
      `collector: storage still failing: ${t.path}: database or disk is full (SQLITE_FULL); holding 2 sweeps (4 readings, at most 6) in memory; 0 dropped`,
    );
    expect(storedStarts()).toEqual(storedWhenFull);

    t.db.sqlite.pragma('max_page_count = 1000000');
    clockMs = firstHeldMs + 5000;
    expect(writer.write(sweep(clockMs))).not.toBeNull();
    // Held: +2 s, +3 s, +4 s (the first two dropped for the bound), then the live +5 s.
    expect(storedStarts()).toEqual([...storedWhenFull, firstHeldMs + 3000, firstHeldMs + 4000, firstHeldMs + 5000]);
    expect(lines.at(-1)).toBe(`collector: storage recovered: ${t.path}: wrote 2 held sweeps in order (3 dropped) after 5 s failing`);
    expect(writer.failing()).toBeNull();
    expect(events).toEqual([
      ...Array.from({ length: 5 }, () => `failing ${firstHeldMs}: ${t.path}: database or disk is full (SQLITE_FULL)`),
      `recovered ${firstHeldMs}: ${t.path}: database or disk is full (SQLITE_FULL)`,
    ]);
  });

  it('holds sweeps while the database is read-only, and writes them when it can again', () => {
    t.db.sqlite.pragma('query_only = ON');
    expect(writer.write(sweep(1000))).toBeNull();
    expect(writer.failing()).toBe(`${t.path}: attempt to write a readonly database (SQLITE_READONLY)`);
    t.db.sqlite.pragma('query_only = OFF');
    expect(writer.write(sweep(2000))).not.toBeNull();
    expect(storedStarts()).toEqual([1000, 2000]);
  });

  it('stops writing when the database file is deleted, naming the path; the web’s writes stop the same way', () => {
    expect(writer.write(sweep(1000))).not.toBeNull();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${t.path}${suffix}`, { force: true });
    expect(writer.write(sweep(2000))).toBeNull();
    const message = `database file ${t.path} was deleted or replaced while running; stopping writes: restore it or restart`;
    expect(writer.failing()).toBe(message);
    expect(lines[0]).toContain(`collector: storage failing: ${message}; holding 1 sweep`);
    // Every later write on the connection is refused with the same words; reads still work.
    expect(() => setSiteEconomics(t.db, 1, { pue: 1.2 }, 3000)).toThrow(message);
    expect(storedStarts()).toEqual([1000]);
    expect(writer.write(sweep(3000))).toBeNull();
    expect(writer.heldSweeps()).toBe(2);
  });
});
