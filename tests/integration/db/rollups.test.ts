/**
 * The rollup job and rollup retention on a real SQLite file: three hours of samples and per-sweep
 * economics become 1-minute and 1-hour buckets with hand-computed figures, catch-up is spread over runs,
 * a re-run changes nothing, and each tier is trimmed to its own window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, runRetention } from '../../../collectors/jobs/retention';
import { runRollups } from '../../../collectors/jobs/rollups';
import { upsertDemoFleet } from '../../../lib/db/mutations/upsert-demo-fleet';
import { rigHistory } from '../../../lib/db/queries/rig-history';
import { bucketsBetween } from '../../../lib/db/queries/rollups';
import { tempDb } from '../../support/temp';

const MIN = 60_000;
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 20, 0, 0, 0); // a whole hour
let t: ReturnType<typeof tempDb>;

beforeAll(() => {
  t = tempDb();
  const rig = (name: string, address: string) => ({
    name,
    site: 'S',
    address,
    port: 4028,
    driver: 'antminer',
    model: 'Antminer S21',
    nameplateHashrateThs: 200,
    nameplatePowerW: 3500,
  });
  upsertDemoFleet(
    t.db,
    { sites: [{ name: 'S', timeZone: 'UTC', currency: 'USD' }], rigs: [rig('a', '127.0.9.1'), rig('b', '127.0.9.2')] },
    0,
  );
  const sample = t.db.sqlite.prepare(
    "insert into samples (rig_id, ts_ms, status, hashrate_ths, power_w, temp_max_c) values (?, ?, 'mining', ?, ?, ?)",
  );
  // A rig's profit per kWh after each sweep (write-economics keeps it in rig_profit since migration 0010).
  const profit = t.db.sqlite.prepare('insert into rig_profit (rig_id, ts_ms, profit_per_kwh) values (1, ?, ?)');
  // Every 10 s for 3 hours. Rig a: hash rate 100/101/102 TH/s by minute (k % 3), 3000 W, 60 degC; profit
  // -0.01/kWh in the first hour, +0.02 after. Rig b: 50 TH/s, no power or temperature reported.
  for (let i = 0; i < 3 * 360; i++) {
    const ts = T0 + i * 10_000;
    const minute = Math.floor(i / 6);
    sample.run(1, ts, 100 + (minute % 3), 3000, 60);
    sample.run(2, ts, 50, null, null);
    profit.run(ts, ts < T0 + HOUR ? -0.01 : 0.02);
  }
});

afterAll(() => t.cleanup());

describe('rollup job', () => {
  const now = T0 + 3 * HOUR + 5 * MIN;
  let lastHourFromRaw: ReturnType<typeof rigHistory>;

  it('reads a chart from raw samples before anything is rolled up', () => {
    lastHourFromRaw = rigHistory(t.db, 1, '1h', now);
    expect(lastHourFromRaw.widthMs).toBe(MIN);
    // 02:05 to 03:05, samples end at 02:59:50: 55 minutes.
    expect(lastHourFromRaw.points).toHaveLength(55);
    // Minute 125 of the series: 100 + 125 % 3.
    expect(lastHourFromRaw.points[0]).toMatchObject({ tsMs: T0 + 2 * HOUR + 5 * MIN, hashrateThs: { min: 102, avg: 102, max: 102, n: 6 } });
  });

  it('catches up at most 120 minutes per run, then rolls the 5 minutes and hours those minutes closed', () => {
    expect(runRollups(t.db, now, { graceMs: 2 * MIN })).toEqual({ m1: 2 * 120, m5: 2 * 24, h1: 2 * 2 });
    expect(runRollups(t.db, now, { graceMs: 2 * MIN })).toEqual({ m1: 2 * 60, m5: 2 * 12, h1: 2 * 1 });
    expect(runRollups(t.db, now, { graceMs: 2 * MIN })).toEqual({ m1: 0, m5: 0, h1: 0 });
  });

  it('stores 5-minute buckets merged from the minutes', () => {
    const [f0] = bucketsBetween(t.db, 'm5', T0, T0 + 5 * MIN, 1);
    // Minutes 0-4: 100, 101, 102, 100, 101 TH/s, six samples each.
    expect(f0.stats.hashrateThs).toMatchObject({ min: 100, max: 102, n: 30 });
    expect(f0.stats.hashrateThs!.avg).toBeCloseTo(100.8, 12);
    expect(f0.stats.profitPerKwh).toMatchObject({ min: -0.01, max: -0.01, n: 30 });
    expect(bucketsBetween(t.db, 'm5', T0, T0 + 3 * HOUR, 2)).toHaveLength(36);
  });

  it('stores minute buckets with min/avg/max and the count behind each metric', () => {
    const [m0, m1] = bucketsBetween(t.db, 'm1', T0, T0 + 2 * MIN, 1);
    expect(m0.stats).toEqual({
      hashrateThs: { min: 100, avg: 100, max: 100, n: 6 },
      powerW: { min: 3000, avg: 3000, max: 3000, n: 6 },
      tempMaxC: { min: 60, avg: 60, max: 60, n: 6 },
      profitPerKwh: { min: -0.01, avg: -0.01, max: -0.01, n: 6 },
    });
    expect(m1.stats.hashrateThs).toEqual({ min: 101, avg: 101, max: 101, n: 6 });
    const [b0] = bucketsBetween(t.db, 'm1', T0, T0 + MIN, 2);
    expect(b0.stats).toEqual({ hashrateThs: { min: 50, avg: 50, max: 50, n: 6 }, powerW: null, tempMaxC: null, profitPerKwh: null });
  });

  it('stores hour buckets merged from the minutes', () => {
    const hours = bucketsBetween(t.db, 'h1', T0, T0 + 3 * HOUR, 1);
    expect(hours.map((h) => h.startMs)).toEqual([T0, T0 + HOUR, T0 + 2 * HOUR]);
    expect(hours[0].stats.hashrateThs).toEqual({ min: 100, avg: 101, max: 102, n: 360 });
    expect(hours[0].stats.profitPerKwh).toMatchObject({ min: -0.01, max: -0.01, n: 360 });
    expect(hours[0].stats.profitPerKwh!.avg).toBeCloseTo(-0.01, 12);
    expect(hours[1].stats.profitPerKwh).toMatchObject({ min: 0.02, max: 0.02, n: 360 });
    // Now is 03:05 with 2 min grace: every minute of 02:00-02:59 is closed, so the third hour is complete.
    expect(hours[2].stats.hashrateThs!.n).toBe(360);
  });

  it('stitches tiers without counting anything twice', () => {
    expect(rigHistory(t.db, 1, '1h', now)).toEqual(lastHourFromRaw);
    const week = rigHistory(t.db, 1, '7d', now);
    expect(week.widthMs).toBe(HOUR);
    expect(week.points.map((p) => [p.tsMs, p.hashrateThs])).toEqual([
      [T0, { min: 100, avg: 101, max: 102, n: 360 }],
      [T0 + HOUR, { min: 100, avg: 101, max: 102, n: 360 }],
      [T0 + 2 * HOUR, { min: 100, avg: 101, max: 102, n: 360 }],
    ]);
    const day = rigHistory(t.db, 2, '24h', now);
    expect(day.points).toHaveLength(180);
    expect(day.points.every((p) => p.hashrateThs?.n === 6 && p.powerW === null)).toBe(true);
  });

  it('trims each tier to its own window', () => {
    const removed = runRetention(t.db, now, {
      ...DEFAULT_RETENTION,
      rawRetentionMs: 10 * 24 * HOUR,
      m1RetentionMs: 2 * HOUR,
      m5RetentionMs: 2 * HOUR + 10 * MIN,
      h1RetentionMs: 2 * HOUR + 30 * MIN,
    });
    // Minute buckets before 01:05 (65 per rig), 5-minute ones before 00:55 (11 per rig) and the hour bucket
    // starting 00:00 (one per rig) go.
    expect(removed).toMatchObject({ samples: 0, m1: 2 * 65, m5: 2 * 11, h1: 2 });
    expect(bucketsBetween(t.db, 'm1', 0, now, 1)[0].startMs).toBe(T0 + HOUR + 5 * MIN);
    expect(bucketsBetween(t.db, 'h1', 0, now, 1).map((h) => h.startMs)).toEqual([T0 + HOUR, T0 + 2 * HOUR]);
  });
});
