/**
 * Packed rollups, measured (issue 16: <= 5 MB per rig): bytes per rig of each rollup tier at the default
 * retention as narrow rows (the 0010 schema) and packed (0011), from dbstat; and the pack job's CPU per
 * minute, measured at 1,000 rigs and scaled to 10,000. Seeds through the real code (storeRollups, then the
 * pack job). Prints JSON. `node --import tsx bench/rollup-packs.ts [rigs-for-storage] [rigs-for-cpu]`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RETENTION, runRetention } from '../collectors/jobs/retention';
import { runPackRollups } from '../collectors/jobs/pack-rollups';
import { openDb, type Db } from '../lib/db/client';
import { writeTransaction } from '../lib/db/transactions';
import { migrateDb } from '../lib/db/migrate';
import { storeRollups } from '../lib/db/mutations/rollups';
import { rigHistory } from '../lib/db/queries/rig-history';
import { PACK_MS } from '../lib/history/pack';
import { TIER_MS, type Bucket, type Tier } from '../lib/history/rollup';

const NOW = Date.UTC(2027, 0, 1, 12, 0, 0);
const N_BY_TIER: Record<Tier, number> = { m1: 6, m5: 30, h1: 360 };
const KEPT_MS: Record<Tier, number> = {
  m1: DEFAULT_RETENTION.m1RetentionMs,
  m5: DEFAULT_RETENTION.m5RetentionMs,
  h1: DEFAULT_RETENTION.h1RetentionMs,
};

function freshDb(dir: string, rigs: number): Db {
  const db = openDb(join(dir, `bench-${rigs}-${Math.random()}.db`));
  migrateDb(db);
  db.sqlite.prepare("insert into sites (name, created_at_ms) values ('S', 0)").run();
  const rig = db.sqlite.prepare(
    "insert into rigs (name, site_id, address, port, driver, created_at_ms) values (?, 1, ?, 4028, 'antminer', 0)",
  );
  writeTransaction(db, () => {
    for (let i = 1; i <= rigs; i++) rig.run(`r${i}`, `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
  });
  return db;
}

/** Every metric present, figures as a real rig's drift (not float32-exact). */
function buckets(tier: Tier, rigs: number, fromMs: number, toMs: number): Bucket[] {
  const out: Bucket[] = [];
  const n = N_BY_TIER[tier];
  for (let rigId = 1; rigId <= rigs; rigId++) {
    for (let t = fromMs; t < toMs; t += TIER_MS[tier]) {
      const h = 100 + Math.sin(t / 3.6e6 + rigId) * 5;
      const p = 3250 + Math.cos(t / 3.6e6 + rigId) * 40;
      const s = (v: number, d: number) => ({ min: v - d, avg: v + d / 7, max: v + d, n });
      out.push({
        rigId,
        startMs: t,
        stats: {
          hashrateThs: s(h, 2.1),
          powerW: s(p, 21.3),
          tempMaxC: s(70 + Math.sin(t / 9e5), 1.7),
          profitPerKwh: s(0.0123 + h / 1e4, 0.0011),
        },
      });
    }
  }
  return out;
}

function bytesByTable(db: Db): Record<string, number> {
  const rows = db.sqlite
    .prepare(
      "select coalesce(s.tbl_name, d.name) as tbl, sum(d.pgsize) as bytes from dbstat('main', 1) d left join sqlite_schema s on s.name = d.name group by tbl",
    )
    .all() as { tbl: string; bytes: number }[];
  return Object.fromEntries(rows.filter((r) => r.tbl === 'rollups' || r.tbl === 'rollup_packs').map((r) => [r.tbl, r.bytes]));
}

const perRig = (bytes: Record<string, number>, rigs: number) =>
  Object.fromEntries(Object.entries(bytes).map(([k, v]) => [k, Math.round(v / rigs)]));

function storage(dir: string, rigs: number) {
  const db = freshDb(dir, rigs);
  for (const tier of ['m1', 'm5', 'h1'] as const) {
    // A full window, and the open period: what a tier holds in the steady state.
    const fromMs = Math.floor((NOW - KEPT_MS[tier]) / PACK_MS[tier]) * PACK_MS[tier];
    for (let t = fromMs; t < NOW; t += 7 * 86_400_000)
      storeRollups(db, tier, buckets(tier, rigs, t, Math.min(NOW, t + 7 * 86_400_000)), NOW, NOW);
  }
  const rows = perRig(bytesByTable(db), rigs);
  const historyRowsMs = historyMs(db, rigs);
  const rowsPerRig = (db.sqlite.prepare('select count(*) from rollups').pluck().get() as number) / rigs;
  for (let i = 0; i < 10_000; i++) {
    const r = runPackRollups(db, NOW, { maxBucketsPerRun: 1e9 });
    if (r.buckets.m1 + r.buckets.m5 + r.buckets.h1 === 0) break;
  }
  runRetention(db, NOW, DEFAULT_RETENTION);
  db.sqlite.exec('vacuum');
  const packed = perRig(bytesByTable(db), rigs);
  const tiers = db.sqlite
    .prepare('select tier, count(*) as packs, sum(length(buckets)) as payload from rollup_packs group by tier')
    .all() as { tier: string; packs: number; payload: number }[];
  const packPayloadBytesPerRig = Object.fromEntries(tiers.map((r) => [r.tier, Math.round(r.payload / rigs)]));
  const historyPackedMs = historyMs(db, rigs);
  db.close();
  return {
    rigs,
    bucketsPerRig: rowsPerRig,
    rowsBytesPerRig: rows,
    packedBytesPerRig: packed,
    packPayloadBytesPerRig,
    history30dMs: { rows: historyRowsMs, packed: historyPackedMs },
  };
}

/** A rig's 30-day chart, median of 5 after a warm-up. */
function historyMs(db: Db, rigs: number): number {
  rigHistory(db, 1, '30d', NOW);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    rigHistory(db, 1 + (i % rigs), '30d', NOW);
    times.push(performance.now() - t0);
  }
  return Math.round(times.sort((a, b) => a - b)[2] * 100) / 100;
}

/** CPU of packing one closed period of every rig, per tier, and what that makes per minute. */
function cpu(dir: string, rigs: number) {
  const db = freshDb(dir, rigs);
  const out: Record<string, number> = {};
  let perMinuteMs = 0;
  let longestRunMs = 0;
  let runs = 0;
  for (const tier of ['m1', 'm5', 'h1'] as const) {
    const start = Math.floor(NOW / PACK_MS[tier]) * PACK_MS[tier] - PACK_MS[tier];
    storeRollups(db, tier, buckets(tier, rigs, start, start + PACK_MS[tier]), start + PACK_MS[tier], NOW);
    const c0 = process.cpuUsage();
    let moved = 0;
    for (let i = 0; i < 100_000; i++) {
      const w0 = performance.now();
      const r = runPackRollups(db, NOW);
      longestRunMs = Math.max(longestRunMs, performance.now() - w0);
      runs++;
      moved += r.buckets[tier];
      if (r.buckets.m1 + r.buckets.m5 + r.buckets.h1 === 0) break;
    }
    const c = process.cpuUsage(c0);
    const ms = (c.user + c.system) / 1000;
    out[`${tier}PeriodCpuMs`] = Math.round(ms);
    out[`${tier}Buckets`] = moved;
    perMinuteMs += ms / (PACK_MS[tier] / 60_000);
  }
  db.close();
  return {
    rigs,
    ...out,
    cpuMsPerMinute: Math.round(perMinuteMs * 10) / 10,
    cpuMsPerMinuteAt10000: Math.round((perMinuteMs * 10_000) / rigs),
    runs,
    longestRunWallMs: Math.round(longestRunMs),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'hashwatt-packs-'));
try {
  const storageRigs = Number(process.argv[2] ?? 10);
  const cpuRigs = Number(process.argv[3] ?? 1000);
  console.log(JSON.stringify({ storage: storage(dir, storageRigs), cpu: cpu(dir, cpuRigs) }, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
