import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, runRetention } from '../../../collectors/jobs/retention';
import { upsertDemoFleet } from '../../../lib/db/mutations/upsert-demo-fleet';
import { tempDb } from '../../support/temp';

let t: ReturnType<typeof tempDb>;
afterEach(() => t.cleanup());

const HOUR_MS = 3_600_000;

describe('retention', () => {
  it('deletes raw samples and changes older than their windows and keeps the rest', () => {
    t = tempDb();
    upsertDemoFleet(
      t.db,
      {
        sites: [{ name: 'S', timeZone: 'UTC', currency: 'USD' }],
        rigs: [
          {
            name: 'r',
            site: 'S',
            address: '127.0.9.1',
            port: 4028,
            driver: 'antminer',
            model: 'Antminer S21',
            nameplateHashrateThs: 200,
            nameplatePowerW: 3500,
          },
        ],
      },
      0,
    );
    const nowMs = 100 * HOUR_MS;
    const insertSample = t.db.sqlite.prepare("insert into samples (rig_id, ts_ms, status, hashrate_ths) values (1, ?, 'mining', 100)");
    const insertChange = t.db.sqlite.prepare("insert into changes (ts_ms, kind) values (?, 'rig')");
    // 12,000 samples one minute apart reaching back 200 h: more than one delete batch is old.
    for (let i = 0; i < 12_000; i++) insertSample.run(nowMs - i * 60_000);
    for (let i = 0; i < 60; i++) insertChange.run(nowMs - i * 60_000);
    const removed = runRetention(t.db, nowMs, { ...DEFAULT_RETENTION, rawRetentionMs: 48 * HOUR_MS, changesRetentionMs: 15 * 60_000 });
    // Kept: ts >= now - 48 h, i.e. i <= 2880 -> 2,881 samples; changes with i <= 15 -> 16.
    // (The fleet upsert at t=0 logged one more change, also old.)
    expect(removed).toEqual({
      samples: 12_000 - 2_881,
      profit: 0,
      economics: 0,
      sweeps: 0,
      changes: 60 + 1 - 16,
      m1: 0,
      m5: 0,
      h1: 0,
      m1Packs: 0,
      m5Packs: 0,
      h1Packs: 0,
      events: 0,
    });
    expect(t.db.sqlite.prepare('select count(*) from samples').pluck().get()).toBe(2_881);
    expect(t.db.sqlite.prepare('select min(ts_ms) from samples').pluck().get()).toBe(nowMs - 48 * HOUR_MS);
    expect(t.db.sqlite.prepare('select count(*) from changes').pluck().get()).toBe(16);
  });
});
