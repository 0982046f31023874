/** Reads for the tiered rig history: raw points of a window, stored buckets, and each tier's progress. */
import { and, asc, eq, gte, lt, min } from 'drizzle-orm';
import { decodePack, PACK_MS, packStartMs } from '../../history/pack';
import { METRICS, type Bucket, type RawPoint, type Stat, type Stats, type Tier } from '../../history/rollup';
import type { Db } from '../client';
import { appSettings, rigProfit, rollupPacks, rollups, samples, type RollupRow } from '../schema';

/** The columns of one metric in a rollups row. */
type Cols<M extends string> = { [K in `${M}Min` | `${M}Avg` | `${M}Max` | `${M}N`]: number | null };

function statOf(row: Cols<string>, m: string): Stat | null {
  const r = row as Record<string, number | null>;
  const n = r[`${m}N`];
  return n ? { min: r[`${m}Min`]!, avg: r[`${m}Avg`]!, max: r[`${m}Max`]!, n } : null;
}

export function bucketFromRow(row: RollupRow): Bucket {
  const stats = {} as Stats;
  for (const m of METRICS) stats[m] = statOf(row as unknown as Cols<string>, m);
  return { rigId: row.rigId, startMs: row.bucketStartMs, stats };
}

/** Samples and rigs' profit per kWh with ts in [fromMs, toMs), as raw points (rig id filter optional). */
export function rawPointsBetween(db: Db, fromMs: number, toMs: number, rigId?: number): RawPoint[] {
  const sampleRows = db.orm
    .select({
      rigId: samples.rigId,
      tsMs: samples.tsMs,
      hashrateThs: samples.hashrateThs,
      powerW: samples.powerW,
      tempMaxC: samples.tempMaxC,
    })
    .from(samples)
    .where(and(gte(samples.tsMs, fromMs), lt(samples.tsMs, toMs), rigId === undefined ? undefined : eq(samples.rigId, rigId)))
    .all();
  const profitRows = db.orm
    .select({ rigId: rigProfit.rigId, tsMs: rigProfit.tsMs, profitPerKwh: rigProfit.profitPerKwh })
    .from(rigProfit)
    .where(and(gte(rigProfit.tsMs, fromMs), lt(rigProfit.tsMs, toMs), rigId === undefined ? undefined : eq(rigProfit.rigId, rigId)))
    .all();
  return [
    ...sampleRows.map((r) => ({
      rigId: r.rigId,
      tsMs: r.tsMs,
      values: { hashrateThs: r.hashrateThs, powerW: r.powerW, tempMaxC: r.tempMaxC },
    })),
    ...profitRows.map((r) => ({ rigId: r.rigId, tsMs: r.tsMs, values: { profitPerKwh: r.profitPerKwh } })),
  ];
}

/** Head rows (the open periods, in `rollups`) of a tier starting in [fromMs, toMs), by rig then time. */
export function headBucketsBetween(db: Db, tier: Tier, fromMs: number, toMs: number, rigId?: number): Bucket[] {
  return db.orm
    .select()
    .from(rollups)
    .where(
      and(
        eq(rollups.tier, tier),
        gte(rollups.bucketStartMs, fromMs),
        lt(rollups.bucketStartMs, toMs),
        rigId === undefined ? undefined : eq(rollups.rigId, rigId),
      ),
    )
    .orderBy(asc(rollups.rigId), asc(rollups.bucketStartMs))
    .all()
    .map(bucketFromRow);
}

/** Packed buckets of a tier starting in [fromMs, toMs): the packs overlapping the range, decoded and cut to it. */
export function packedBucketsBetween(db: Db, tier: Tier, fromMs: number, toMs: number, rigId?: number): Bucket[] {
  const packs = db.orm
    .select()
    .from(rollupPacks)
    .where(
      and(
        eq(rollupPacks.tier, tier),
        gte(rollupPacks.packStartMs, packStartMs(tier, fromMs)),
        lt(rollupPacks.packStartMs, toMs),
        rigId === undefined ? undefined : eq(rollupPacks.rigId, rigId),
      ),
    )
    .all();
  const out: Bucket[] = [];
  for (const p of packs) {
    for (const b of decodePack(tier, p.rigId, p.packStartMs, p.buckets)) if (b.startMs >= fromMs && b.startMs < toMs) out.push(b);
  }
  return out;
}

/** Stored buckets of a tier starting in [fromMs, toMs), packed or not, by rig then time. */
export function bucketsBetween(db: Db, tier: Tier, fromMs: number, toMs: number, rigId?: number): Bucket[] {
  const packed = packedBucketsBetween(db, tier, fromMs, toMs, rigId);
  const head = headBucketsBetween(db, tier, fromMs, toMs, rigId);
  if (packed.length === 0) return head;
  // A bucket lives in one place (the pack job moves rows into a pack and deletes them in one transaction);
  // should a bucket of a packed period be written again (a rollup redone), its row is the newer and wins.
  const rewritten = new Set(head.map((b) => `${b.rigId}:${b.startMs}`));
  const kept = rewritten.size ? packed.filter((b) => !rewritten.has(`${b.rigId}:${b.startMs}`)) : packed;
  return [...kept, ...head].sort((a, b) => a.rigId - b.rigId || a.startMs - b.startMs);
}

const watermarkKey = (tier: Tier) => `rollup-done-until:${tier}`;

/** Where a tier's rollup has got to (exclusive end), or null before its first run. */
export function rollupDoneUntil(db: Db, tier: Tier): number | null {
  const row = db.orm
    .select()
    .from(appSettings)
    .where(eq(appSettings.key, watermarkKey(tier)))
    .get();
  return row ? (JSON.parse(row.valueJson) as number) : null;
}

export { watermarkKey };

/** The oldest raw sample's time, or of a tier's buckets: where a first rollup starts. */
export function oldestSampleMs(db: Db): number | null {
  return (
    db.orm
      .select({ ts: min(samples.tsMs) })
      .from(samples)
      .get()?.ts ?? null
  );
}

export function oldestBucketMs(db: Db, tier: Tier): number | null {
  const head = oldestHeadBucketMs(db, tier);
  const pack = db.orm
    .select({ ts: min(rollupPacks.packStartMs) })
    .from(rollupPacks)
    .where(eq(rollupPacks.tier, tier))
    .get()?.ts;
  if (pack === null || pack === undefined) return head;
  // The oldest packs' first bucket (a pack need not start full: the first period after the first sample).
  const starts = packedBucketsBetween(db, tier, pack, packStartMs(tier, pack) + PACK_MS[tier]).map((b) => b.startMs);
  const packed = starts.length ? Math.min(...starts) : pack;
  return head === null ? packed : Math.min(head, packed);
}

/** The oldest head row of a tier (not packed yet): where the pack job starts on a database it has not seen. */
export function oldestHeadBucketMs(db: Db, tier: Tier): number | null {
  return (
    db.orm
      .select({ ts: min(rollups.bucketStartMs) })
      .from(rollups)
      .where(eq(rollups.tier, tier))
      .get()?.ts ?? null
  );
}
