/** Writes of the tiered rig history: buckets (idempotent upserts), a tier's progress, and retention. */
import { METRICS, type Bucket, type Tier } from '../../history/rollup';
import type { Db } from '../client';
import { appSettings, rollups } from '../schema';
import { watermarkKey } from '../queries/rollups';

function rowOf(tier: Tier, b: Bucket): typeof rollups.$inferInsert {
  const row: Record<string, number | string | null> = { rigId: b.rigId, tier, bucketStartMs: b.startMs };
  for (const m of METRICS) {
    const s = b.stats[m];
    row[`${m}Min`] = s?.min ?? null;
    row[`${m}Avg`] = s?.avg ?? null;
    row[`${m}Max`] = s?.max ?? null;
    row[`${m}N`] = s?.n ?? null;
  }
  return row as typeof rollups.$inferInsert;
}

/** Stores buckets of a tier and moves its progress to `doneUntilMs`, in one transaction. */
export function storeRollups(db: Db, tier: Tier, buckets: readonly Bucket[], doneUntilMs: number, nowMs: number): void {
  db.sqlite.transaction(() => {
    for (const b of buckets) {
      const row = rowOf(tier, b);
      db.orm.insert(rollups).values(row).onConflictDoUpdate({ target: [rollups.rigId, rollups.tier, rollups.bucketStartMs], set: row }).run();
    }
    const valueJson = JSON.stringify(doneUntilMs);
    db.orm
      .insert(appSettings)
      .values({ key: watermarkKey(tier), valueJson, updatedAtMs: nowMs })
      .onConflictDoUpdate({ target: appSettings.key, set: { valueJson, updatedAtMs: nowMs } })
      .run();
  })();
}

/** Deletes a tier's buckets that started before `cutoffMs`, in batches; returns how many. */
export function pruneRollups(db: Db, tier: Tier, cutoffMs: number, batchRows = 5000, maxBatches = 20): number {
  const stmt = db.sqlite.prepare('delete from rollups where rowid in (select rowid from rollups where tier = ? and bucket_start_ms < ? limit ?)');
  let removed = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = stmt.run(tier, cutoffMs, batchRows).changes;
    removed += n;
    if (n < batchRows) break;
  }
  return removed;
}
