/**
 * Migration 0010 (lean telemetry) converts a database written by the schema of 0009: every rig, setting and
 * alert stays; every sample keeps its numbers; every rollup bucket stays and the minutes gain a 5-minute
 * tier; each rig's latest economics and its profit series are kept; the history API answers the same.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db/client';
import { migrateDb } from '../../../lib/db/migrate';
import { latestEconomics } from '../../../lib/db/queries/economics';
import { rigHistory } from '../../../lib/db/queries/rig-history';
import { bucketsBetween } from '../../../lib/db/queries/rollups';
import { tempDir } from '../../support/temp';

const MIGRATIONS = join(import.meta.dirname, '../../../drizzle/migrations');
const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const HOUR = 60 * MIN;

const t = tempDir();
afterAll(() => t.cleanup());

/** A copy of the migrations up to 0009, the schema before this change. */
function migrationsUpTo0009(): string {
  const dir = join(t.dir, 'migrations-0009');
  mkdirSync(join(dir, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= 9);
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) cpSync(join(MIGRATIONS, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
  return dir;
}

const ECON_COLS = `sweep_id, scope, scope_id, ts_ms, currency, hashrate_ths, power_w, kwh_per_day, btc_per_day, revenue_per_day,
  cost_per_day, profit_per_day, profit_per_kwh, hashprice_per_th_day, power_estimated_share`;

/** A database as the 0009 schema wrote it: 2 rigs, 3 hours of samples and per-sweep economics, rolled up. */
function write0009(path: string): void {
  const db = openDb(path);
  migrateDb(db, migrationsUpTo0009());
  const s = db.sqlite;
  s.prepare("insert into sites (name, created_at_ms) values ('North', 0)").run();
  for (const [name, addr] of [
    ['a', '10.0.0.1'],
    ['b', '10.0.0.2'],
  ])
    s.prepare(
      "insert into rigs (name, site_id, address, port, driver, created_at_ms, location_rack) values (?, 1, ?, 4028, 'antminer', 0, 'R1')",
    ).run(name, addr);
  s.prepare(`insert into app_settings (key, value_json, updated_at_ms) values ('fleet-time-zone', '"Europe/Berlin"', 0)`).run();
  s.prepare(
    `insert into alerts (id, key, rule, scope, subject_id, subject_name, severity, title, detail, started_at_ms, firing_at_ms)
     values ('al1', 'offline:rig:1', 'offline', 'rig', 1, 'a', 'critical', 'a offline', '', 0, 0)`,
  ).run();
  const sample = s.prepare(
    `insert into samples (rig_id, ts_ms, status, hashrate_ths, expected_hashrate_ths, power_w, power_source, efficiency_jth, temp_max_c, uptime_s, hardware_errors, boards_json, fans_json, pools_json)
     values (?, ?, 'mining', ?, 110, ?, 'firmware', 30, ?, ?, 0, '[{"index":0}]', '[5000]', '[]')`,
  );
  const econ = s.prepare(`insert into economics (${ECON_COLS}) values (?, ?, ?, ?, 'USD', 100, 3000, 72, 0.0001, 5, 4, 1, ?, 0.05, 0)`);
  for (let i = 0; i < 3 * 360; i++) {
    const ts = T0 + i * 10_000;
    sample.run(1, ts + 1, 100 + (Math.floor(i / 6) % 3), 3000, 60 + (i % 7), 1000 + i * 10);
    sample.run(2, ts + 2, 50, null, null, 500 + i * 10);
    econ.run(i + 1, 'rig', 1, ts, ts < T0 + HOUR ? -0.01 : 0.02);
    econ.run(i + 1, 'rig', 2, ts, 0.005);
    econ.run(i + 1, 'site', 1, ts, 0.01);
    econ.run(i + 1, 'fleet', 0, ts, 0.01);
  }
  db.close();
}

describe('migration 0010 from a database of schema 0009', () => {
  const path = join(t.dir, 'old.db');
  write0009(path);
  const before = openDb(path);
  const count = (table: string) => before.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number;
  const samplesBefore = before.sqlite
    .prepare(
      'select rig_id, ts_ms, status, hashrate_ths, expected_hashrate_ths, power_w, power_source, temp_max_c, uptime_s, hardware_errors from samples order by rig_id, ts_ms',
    )
    .all();
  const rigsBefore = before.sqlite.prepare('select * from rigs order by id').all();
  const settingsBefore = before.sqlite.prepare('select * from app_settings order by key').all();
  const alertsBefore = before.sqlite.prepare('select * from alerts').all();
  const profitBefore = before.sqlite
    .prepare("select scope_id, ts_ms, profit_per_kwh from economics where scope = 'rig' order by scope_id, ts_ms")
    .all();
  const siteRows = count("economics where scope != 'rig'");
  before.close();

  const db = openDb(path);
  migrateDb(db);

  it('keeps every rig, setting and alert', () => {
    expect(db.sqlite.prepare('select * from rigs order by id').all()).toEqual(rigsBefore);
    expect(db.sqlite.prepare('select * from app_settings order by key').all()).toEqual(settingsBefore);
    expect(db.sqlite.prepare('select * from alerts').all()).toEqual(alertsBefore);
  });

  it("keeps every sample's numbers, narrow (no boards/fans/pools JSON)", () => {
    expect(db.sqlite.prepare('select * from samples order by rig_id, ts_ms').all()).toEqual(samplesBefore);
    expect(samplesBefore).toHaveLength(2 * 3 * 360);
  });

  it("keeps each rig's profit series and latest economics, and the site and fleet rows", () => {
    expect(db.sqlite.prepare('select rig_id as scope_id, ts_ms, profit_per_kwh from rig_profit order by rig_id, ts_ms').all()).toEqual(
      profitBefore,
    );
    expect(db.sqlite.prepare("select count(*) from economics where scope = 'rig'").pluck().get()).toBe(0);
    expect(db.sqlite.prepare('select count(*) from economics').pluck().get()).toBe(siteRows);
    const latest = latestEconomics(db);
    expect(Object.keys(latest.rigs).map(Number).sort()).toEqual([1, 2]);
    expect(latest.rigs[1].profitPerKwh).toBe(0.02);
    expect(latest.rigs[1].tsMs).toBe(T0 + (3 * 360 - 1) * 10_000);
    expect(latest.fleet?.profitPerKwh).toBe(0.01);
  });
});

describe('history across migration 0010', () => {
  const path = join(t.dir, 'rolled.db');
  write0009(path);
  const now = T0 + 3 * HOUR + 5 * MIN;
  // The 0009 rollup job's tables, filled as it did (1-minute and 1-hour buckets, its watermarks).
  const old = openDb(path);
  const cols = ['hashrate_ths', 'power_w', 'temp_max_c', 'profit_per_kwh'].flatMap((c) => [`${c}_min`, `${c}_avg`, `${c}_max`, `${c}_n`]);
  old.sqlite.exec(`
    insert into rollups (rig_id, tier, bucket_start_ms, ${cols.join(', ')})
    select rig_id, 'm1', (ts_ms / 60000) * 60000,
      min(h), avg(h), max(h), nullif(count(h), 0), min(p), avg(p), max(p), nullif(count(p), 0),
      min(tc), avg(tc), max(tc), nullif(count(tc), 0), min(pk), avg(pk), max(pk), nullif(count(pk), 0)
    from (select rig_id, ts_ms, hashrate_ths as h, power_w as p, temp_max_c as tc, null as pk from samples
          union all select scope_id, ts_ms, null, null, null, profit_per_kwh from economics where scope = 'rig')
    where ts_ms < ${T0 + 2 * HOUR}
    group by rig_id, ts_ms / 60000;
    insert into app_settings (key, value_json, updated_at_ms) values ('rollup-done-until:m1', '${T0 + 2 * HOUR}', 0);
  `);
  // The 0009 history read profit per kWh from the rigs' per-sweep economics rows: a view of this connection
  // only (temp, not stored) gives today's reader exactly those rows under the new name.
  old.sqlite.exec("create temp view rig_profit as select scope_id as rig_id, ts_ms, profit_per_kwh from economics where scope = 'rig'");
  // Nor had it packs (migration 0011): an empty temp table of that name lets today's reader union none.
  old.sqlite.exec('create temp table rollup_packs (rig_id integer, tier text, pack_start_ms integer, buckets blob)');
  const historyBefore = (['1h', '24h'] as const).flatMap((r) => [rigHistory(old, 1, r, now), rigHistory(old, 2, r, now)]);
  const m1Before = bucketsBetween(old, 'm1', 0, now);
  old.close();

  const db = openDb(path);
  migrateDb(db);

  it('answers the same history (1-minute tier and raw samples stitched as before)', () => {
    const after = (['1h', '24h'] as const).flatMap((r) => [rigHistory(db, 1, r, now), rigHistory(db, 2, r, now)]);
    expect(after).toEqual(historyBefore);
    expect(bucketsBetween(db, 'm1', 0, now)).toEqual(m1Before);
  });

  it('fills the 5-minute tier from the minutes already rolled up, and marks how far it got', () => {
    const fives = bucketsBetween(db, 'm5', 0, now, 1);
    expect(fives).toHaveLength(24);
    expect(fives[0].stats.hashrateThs).toMatchObject({ min: 100, max: 102, n: 30 });
    expect(fives[0].stats.hashrateThs!.avg).toBeCloseTo(100.8, 12);
    expect(fives[0].stats.profitPerKwh).toMatchObject({ min: -0.01, max: -0.01, n: 30 });
    expect(db.sqlite.prepare("select value_json from app_settings where key = 'rollup-done-until:m5'").pluck().get()).toBe(
      String(T0 + 2 * HOUR),
    );
  });
});
