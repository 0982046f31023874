/**
 * Packed rollups (migration 0011, collectors/jobs/pack-rollups) on a real SQLite file: a database written by
 * the 0010 schema (narrow rollup rows in every tier) is packed by the job at its first runs after the upgrade,
 * a few rigs per run, and every tier and chart reads the same to float32 precision; only closed periods are
 * packed; a re-run changes nothing; a figure a float32 cannot hold leaves its rig's rows unpacked and named;
 * retention drops whole packs once their period has aged out; removing a rig removes its packs.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, runRetention } from '../../../collectors/jobs/retention';
import { runPackRollups } from '../../../collectors/jobs/pack-rollups';
import { openDb, type Db } from '../../../lib/db/client';
import { migrateDb } from '../../../lib/db/migrate';
import { removeRig } from '../../../lib/db/mutations/edit-rigs';
import { storeRollups } from '../../../lib/db/mutations/rollups';
import { rigHistory, type RigHistory } from '../../../lib/db/queries/rig-history';
import { bucketsBetween } from '../../../lib/db/queries/rollups';
import type { Bucket, Stat, Tier } from '../../../lib/history/rollup';
import { tempDir } from '../../support/temp';

const MIGRATIONS = join(import.meta.dirname, '../../../drizzle/migrations');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 0, 1); // 14 days into an epoch-aligned 4-week period
const NOW = T0 + 15 * DAY + 3 * HOUR + 30 * MIN;
const t = tempDir();
afterAll(() => t.cleanup());

function migrationsUpTo(idx: number): string {
  const dir = join(t.dir, `migrations-${idx}`);
  mkdirSync(join(dir, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= idx);
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) cpSync(join(MIGRATIONS, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
  return dir;
}

/** Figures no float32 holds exactly (thirds, sevenths), rig 3 without profit, every 11th bucket missing. */
function series(tier: Tier, widthMs: number, fromMs: number, toMs: number): Bucket[] {
  const out: Bucket[] = [];
  for (let rigId = 1; rigId <= 3; rigId++) {
    for (let ts = fromMs, i = 0; ts < toMs; ts += widthMs, i++) {
      if ((i + rigId) % 11 === 0) continue;
      const st = (base: number, n: number): Stat => ({ min: base - 1 / 3, avg: base + i / 7, max: base + 2 + 1 / 3, n });
      const n = { m1: 6, m5: 30, h1: 360 }[tier];
      out.push({
        rigId,
        startMs: ts,
        stats: {
          hashrateThs: st(100 * rigId, n),
          powerW: st(3000 + rigId, n),
          tempMaxC: i % 5 === 0 ? null : st(60, n - 1),
          profitPerKwh: rigId === 3 ? null : st(-0.0123, n),
        },
      });
    }
  }
  return out;
}

/** A 0010 database: 3 rigs; 1-minute buckets for the last day, 5-minute for 15 days, hourly for 15 days. */
function write0010(path: string): void {
  const db = openDb(path);
  migrateDb(db, migrationsUpTo(10));
  db.sqlite.prepare("insert into sites (name, created_at_ms) values ('North', 0)").run();
  for (const i of [1, 2, 3])
    db.sqlite
      .prepare("insert into rigs (name, site_id, address, port, driver, created_at_ms) values (?, 1, ?, 4028, 'antminer', 0)")
      .run(`r${i}`, `10.0.0.${i}`);
  const m1Done = NOW - 2 * MIN;
  storeRollups(db, 'm1', series('m1', MIN, NOW - DAY - 30 * MIN, m1Done), m1Done, 0);
  const m5Done = Math.floor(m1Done / (5 * MIN)) * 5 * MIN;
  storeRollups(db, 'm5', series('m5', 5 * MIN, T0, m5Done), m5Done, 0);
  const h1Done = Math.floor(m1Done / HOUR) * HOUR;
  storeRollups(db, 'h1', series('h1', HOUR, T0, h1Done), h1Done, 0);
  db.close();
}

const METRIC_NAMES = ['hashrateThs', 'powerW', 'tempMaxC', 'profitPerKwh'] as const;

/** Packed figures are the stored ones as float32; head rows (open periods) are untouched. */
function expectSameBuckets(after: Bucket[], before: Bucket[]): void {
  expect(after.map((b) => [b.rigId, b.startMs])).toEqual(before.map((b) => [b.rigId, b.startMs]));
  const wrong: string[] = [];
  after.forEach((a, i) => {
    for (const m of METRIC_NAMES) {
      const b = before[i].stats[m];
      const got = a.stats[m];
      const where = `rig ${a.rigId} ${a.startMs} ${m}`;
      if (!b || !got) {
        if (b !== got) wrong.push(`${where}: ${JSON.stringify(got)} != ${JSON.stringify(b)}`);
        continue;
      }
      if (got.n !== b.n) wrong.push(`${where}: n ${got.n} != ${b.n}`);
      for (const k of ['min', 'avg', 'max'] as const)
        if (got[k] !== b[k] && got[k] !== Math.fround(b[k])) wrong.push(`${where} ${k}: ${got[k]} != ${b[k]}`);
    }
  });
  expect(wrong).toEqual([]);
}

/** Same points, counts and extremes; averages (merged from float32 figures) to 7 significant digits. */
function expectSameChart(after: RigHistory, before: RigHistory): void {
  expect(after.points.map((p) => p.tsMs)).toEqual(before.points.map((p) => p.tsMs));
  expect(after.widthMs).toBe(before.widthMs);
  after.points.forEach((p, i) => {
    for (const m of ['hashrateThs', 'powerW', 'tempMaxC', 'profitPerKwh'] as const) {
      const a = p[m];
      const b = before.points[i][m];
      if (!b) {
        expect(a).toBeNull();
        continue;
      }
      expect(a!.n).toBe(b.n);
      expect([b.min, Math.fround(b.min)]).toContain(a!.min);
      expect([b.max, Math.fround(b.max)]).toContain(a!.max);
      expect(Math.abs(a!.avg - b.avg)).toBeLessThanOrEqual(Math.abs(b.avg) * 1e-6);
    }
  });
}

const RANGES = ['1h', '24h', '7d', '30d'] as const;
const TIERS = ['m1', 'm5', 'h1'] as const;

describe('packing a database written by the 0010 schema', () => {
  const path = join(t.dir, 'packs.db');
  write0010(path);
  const old = openDb(path);
  // The 0010 schema had no packs: an empty temp table of that name lets today's reader union none.
  old.sqlite.exec('create temp table rollup_packs (rig_id integer, tier text, pack_start_ms integer, buckets blob)');
  const chartsBefore = RANGES.flatMap((r) => [1, 2, 3].map((rig) => rigHistory(old, rig, r, NOW)));
  const tiersBefore = TIERS.map((tier) => bucketsBetween(old, tier, 0, NOW));
  const rowsBefore = old.sqlite.prepare('select count(*) from rollups').pluck().get() as number;
  old.close();

  const db: Db = openDb(path);
  migrateDb(db);
  const count = (sql: string) => db.sqlite.prepare(sql).pluck().get() as number;

  it('catches up over several runs, a few rigs each, then has nothing to do', () => {
    let runs = 0;
    let moved = 0;
    for (;;) {
      const r = runPackRollups(db, NOW, { maxBucketsPerRun: 1200, bucketsPerTransaction: 300 });
      expect(r.refused).toEqual([]);
      const n = r.buckets.m1 + r.buckets.m5 + r.buckets.h1;
      if (n === 0 && runs > 0 && count("select count(*) from app_settings where key like 'rollup-packed:%'") === 3) break;
      moved += n;
      expect(++runs).toBeLessThan(200);
    }
    expect(runs).toBeGreaterThan(10);
    expect(moved + count('select count(*) from rollups')).toBe(rowsBefore);
    // Closed periods packed: 1-minute up to the 6 hours now open (4 periods from 14 d 00:00), 5-minute up to
    // today (15 days), hourly up to the 4 weeks now open (1 Jan 2026 is day 14 of an epoch-aligned period).
    for (const [tier, periodMs] of [
      ['m1', 6 * HOUR],
      ['m5', DAY],
      ['h1', 28 * DAY],
    ] as const) {
      const doneUntil = JSON.parse(
        db.sqlite.prepare(`select value_json from app_settings where key = 'rollup-done-until:${tier}'`).pluck().get() as string,
      ) as number;
      const closedEnd = Math.floor(doneUntil / periodMs) * periodMs;
      expect(count(`select count(*) from rollups where tier = '${tier}' and bucket_start_ms < ${closedEnd}`)).toBe(0);
      expect(count(`select count(*) from rollups where tier = '${tier}' and bucket_start_ms >= ${closedEnd}`)).toBeGreaterThan(0);
    }
    expect(count("select count(*) from rollup_packs where tier = 'm1'")).toBe(3 * 4);
    expect(count("select count(*) from rollup_packs where tier = 'm5'")).toBe(3 * 15);
    expect(count("select count(*) from rollup_packs where tier = 'h1'")).toBe(3 * 1);
    expect(runPackRollups(db, NOW).buckets).toEqual({ m1: 0, m5: 0, h1: 0 });
  });

  it('reads every tier the same, to float32 precision', () => {
    TIERS.forEach((tier, i) => expectSameBuckets(bucketsBetween(db, tier, 0, NOW), tiersBefore[i]));
    // A range starting inside a pack is cut to it.
    const cut = bucketsBetween(db, 'm1', NOW - 90 * MIN + 7 * MIN, NOW, 2);
    expect(cut[0].startMs).toBe(NOW - 83 * MIN);
    expectSameBuckets(
      cut,
      tiersBefore[0].filter((b) => b.rigId === 2 && b.startMs >= NOW - 83 * MIN),
    );
  });

  it('a bucket of a packed period written again (a rollup redone) is read once, as written last', () => {
    const at = NOW - 20 * HOUR; // rig 3, in a packed 6 hours
    const [packed] = bucketsBetween(db, 'm1', at, at + MIN, 3);
    expect(packed.stats.hashrateThs).not.toBeNull();
    const redone: Bucket = { rigId: 3, startMs: at, stats: { ...packed.stats, hashrateThs: { min: 1, avg: 2, max: 3, n: 4 } } };
    const doneUntil = Number(db.sqlite.prepare("select value_json from app_settings where key = 'rollup-done-until:m1'").pluck().get());
    storeRollups(db, 'm1', [redone], doneUntil, NOW);
    expect(bucketsBetween(db, 'm1', at - MIN, at + 2 * MIN, 3).map((b) => [b.startMs, b.stats.hashrateThs?.avg])).toEqual([
      [at - MIN, expect.any(Number)],
      [at, 2],
      [at + MIN, expect.any(Number)],
    ]);
    db.sqlite.prepare("delete from rollups where rig_id = 3 and tier = 'm1' and bucket_start_ms = ?").run(at);
  });

  it('draws every chart the same, to float32 precision', () => {
    const after = RANGES.flatMap((r) => [1, 2, 3].map((rig) => rigHistory(db, rig, r, NOW)));
    after.forEach((a, i) => expectSameChart(a, chartsBefore[i]));
  });

  it('keeps the rows of a rig whose figures a float32 cannot hold, names it, and packs the others', () => {
    const hour = NOW - 30 * MIN; // in the open 6 hours (15 d 00:00 to 06:00), closed once the rollup passes them
    const closedEnd = T0 + 15 * DAY + 6 * HOUR;
    db.sqlite.prepare("update rollups set power_w_max = 1e39 where rig_id = 2 and tier = 'm1' and bucket_start_ms = ?").run(hour);
    db.sqlite.prepare("update app_settings set value_json = ? where key = 'rollup-done-until:m1'").run(String(closedEnd + MIN));
    const r = runPackRollups(db, closedEnd + MIN);
    expect(r.refused).toHaveLength(1);
    expect(r.refused[0]).toMatch(/^rig 2 m1 pack at .*powerW of rig 2 .* 1e\+39 is not a finite float32/);
    expect(count("select count(*) from rollups where tier = 'm1' and rig_id = 2 and bucket_start_ms < " + closedEnd)).toBeGreaterThan(0);
    expect(count("select count(*) from rollups where tier = 'm1' and rig_id != 2 and bucket_start_ms < " + closedEnd)).toBe(0);
    expect(bucketsBetween(db, 'm1', hour, hour + MIN, 2)[0].stats.powerW!.max).toBe(1e39);
  });

  it('retention drops a tier’s packs once their whole period is older than its window', () => {
    const m5Before = count("select count(*) from rollup_packs where tier = 'm5'");
    // 5-minute window of 10 days from NOW: days 0-4 have ended before the cutoff (day 5 straddles it).
    const removed = runRetention(db, NOW, { ...DEFAULT_RETENTION, m5RetentionMs: 10 * DAY });
    expect(removed.m5Packs).toBe(3 * 5);
    expect(count("select count(*) from rollup_packs where tier = 'm5'")).toBe(m5Before - 15);
    const kept = bucketsBetween(db, 'm5', NOW - 10 * DAY, NOW);
    expectSameBuckets(
      kept,
      tiersBefore[1].filter((b) => b.startMs >= NOW - 10 * DAY),
    );
  });

  it('removing a rig removes its packs', () => {
    removeRig(db, 1, NOW);
    expect(count('select count(*) from rollup_packs where rig_id = 1')).toBe(0);
    expect(count('select count(*) from rollup_packs where rig_id = 3')).toBeGreaterThan(0);
  });
});
