/** Writes of the tiered rig history: buckets (idempotent upserts), a tier's progress, and retention. */
import { METRICS, type Bucket, type Tier } from '../../history/rollup';
import type { Db } from '../client';
import { appSettings } from '../schema';
import { watermarkKey } from '../queries/rollups';
import { writeTransaction } from '../transactions';
import { PRUNE_BATCH_ROWS, PRUNE_MAX_BATCHES } from './prune-by-age';

const STAT_COLUMNS = (['hashrate_ths', 'power_w', 'temp_max_c', 'profit_per_kwh'] as const).flatMap((c) => [
  `${c}_min`,
  `${c}_avg`,
  `${c}_max`,
  `${c}_n`,
]);
const UPSERT_SQL = `insert into rollups (rig_id, tier, bucket_start_ms, ${STAT_COLUMNS.join(', ')})
  values (${Array(3 + STAT_COLUMNS.length)
    .fill('?')
    .join(', ')})
  on conflict (rig_id, tier, bucket_start_ms) do update set ${STAT_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`;

/** The statement's parameters for one bucket, in STAT_COLUMNS order (METRICS order, min/avg/max/n). */
function paramsOf(tier: Tier, b: Bucket): (number | string | null)[] {
  const out: (number | string | null)[] = [b.rigId, tier, b.startMs];
  for (const m of METRICS) {
    const s = b.stats[m];
    out.push(s?.min ?? null, s?.avg ?? null, s?.max ?? null, s?.n ?? null);
  }
  return out;
}

/** Stores buckets of a tier and moves its progress to `doneUntilMs`, in one transaction. */
export function storeRollups(db: Db, tier: Tier, buckets: readonly Bucket[], doneUntilMs: number, nowMs: number): void {
  // One prepared statement for the batch: a minute of a 1,000-rig fleet is 1,000 upserts.
  const upsert = db.sqlite.prepare(UPSERT_SQL);
  writeTransaction(db, () => {
    for (const b of buckets) upsert.run(...paramsOf(tier, b));
    const valueJson = JSON.stringify(doneUntilMs);
    db.orm
      .insert(appSettings)
      .values({ key: watermarkKey(tier), valueJson, updatedAtMs: nowMs })
      .onConflictDoUpdate({ target: appSettings.key, set: { valueJson, updatedAtMs: nowMs } })
      .run();
  });
}

/** The batch delete of a tier's old buckets (rollups is WITHOUT ROWID: by key, found through rollups_tier_bucket_idx). */
export const PRUNE_ROLLUPS_SQL = `delete from rollups where (rig_id, tier, bucket_start_ms) in
  (select rig_id, tier, bucket_start_ms from rollups where tier = ? and bucket_start_ms < ? limit ?)`;

/** Deletes a tier's buckets that started before `cutoffMs`, in short batches; returns how many. */
export function pruneRollups(db: Db, tier: Tier, cutoffMs: number, batchRows = PRUNE_BATCH_ROWS, maxBatches = PRUNE_MAX_BATCHES): number {
  const stmt = db.sqlite.prepare(PRUNE_ROLLUPS_SQL);
  let removed = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = stmt.run(tier, cutoffMs, batchRows).changes;
    removed += n;
    if (n < batchRows) break;
  }
  return removed;
}
