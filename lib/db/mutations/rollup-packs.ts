/**
 * Writes of the packed rollups (lib/history/pack): moving a closed period's head rows of a batch of rigs
 * into one pack per rig, and retention by whole packs.
 */
import { decodePack, encodePack, PACK_MS } from '../../history/pack';
import { METRICS, type Bucket, type Stat, type Stats, type Tier } from '../../history/rollup';
import type { Db } from '../client';
import { packCursorKey, type PackCursor } from '../queries/rollup-packs';
import { writeTransaction } from '../transactions';
import { PRUNE_BATCH_ROWS, PRUNE_MAX_BATCHES } from './prune-by-age';

/** A rig's head rows of one period: a search of the rollups key. */
export const HEAD_OF_RIG_SQL = `select * from rollups where rig_id = ? and tier = ? and bucket_start_ms >= ? and bucket_start_ms < ?`;
const DELETE_HEAD_SQL = `delete from rollups where rig_id = ? and tier = ? and bucket_start_ms >= ? and bucket_start_ms < ?`;
const INSERT_PACK_SQL = `insert into rollup_packs (rig_id, tier, pack_start_ms, buckets) values (?, ?, ?, ?) on conflict do nothing`;
const EXISTING_PACK_SQL = `select buckets from rollup_packs where rig_id = ? and tier = ? and pack_start_ms = ?`;
const REPLACE_PACK_SQL = `update rollup_packs set buckets = ? where rig_id = ? and tier = ? and pack_start_ms = ?`;

const COLUMN_OF: Record<(typeof METRICS)[number], string> = {
  hashrateThs: 'hashrate_ths',
  powerW: 'power_w',
  tempMaxC: 'temp_max_c',
  profitPerKwh: 'profit_per_kwh',
};

function bucketOfRawRow(row: Record<string, number | null>): Bucket {
  const stats = {} as Stats;
  for (const m of METRICS) {
    const c = COLUMN_OF[m];
    const n = row[`${c}_n`];
    stats[m] = n ? ({ min: row[`${c}_min`], avg: row[`${c}_avg`], max: row[`${c}_max`], n } as Stat) : null;
  }
  return { rigId: row.rig_id!, startMs: row.bucket_start_ms!, stats };
}

/** What packing a batch did: rigs packed, buckets moved, and the rigs refused with why (their rows stay). */
export interface PackBatchResult {
  packs: number;
  buckets: number;
  refused: string[];
}

/**
 * Moves the head rows of `rigIds` in the period starting at `packStartMs` into one pack per rig, in one
 * short transaction. A rig whose figures cannot be packed keeps its rows (reads union both; retention prunes
 * them) and is named in `refused`. A pack already there (a period packed before, then written again) is
 * merged with the rows, the rows winning. `afterCommit` runs inside the transaction (the job's cursor).
 */
export function packRigsPeriod(
  db: Db,
  tier: Tier,
  packStartMs: number,
  rigIds: readonly number[],
  afterWrite?: () => void,
): PackBatchResult {
  const endMs = packStartMs + PACK_MS[tier];
  const head = db.sqlite.prepare(HEAD_OF_RIG_SQL);
  const del = db.sqlite.prepare(DELETE_HEAD_SQL);
  const insert = db.sqlite.prepare(INSERT_PACK_SQL);
  const result: PackBatchResult = { packs: 0, buckets: 0, refused: [] };
  writeTransaction(db, () => {
    for (const rigId of rigIds) {
      const rows = (head.all(rigId, tier, packStartMs, endMs) as Record<string, number | null>[]).map(bucketOfRawRow);
      if (rows.length === 0) continue;
      const encoded = encodePack(tier, packStartMs, rows);
      if (!encoded.ok) {
        result.refused.push(`rig ${rigId} ${tier} pack at ${new Date(packStartMs).toISOString()}: ${encoded.error}`);
        continue;
      }
      if (insert.run(rigId, tier, packStartMs, encoded.value).changes === 0 && !mergeIntoPack(db, tier, rigId, packStartMs, rows, result))
        continue;
      del.run(rigId, tier, packStartMs, endMs);
      result.packs++;
      result.buckets += rows.length;
    }
    afterWrite?.();
  });
  return result;
}

/** Merges rows into the rig's existing pack of the period (rows win); false (refused) when it cannot encode. */
function mergeIntoPack(db: Db, tier: Tier, rigId: number, packStartMs: number, rows: Bucket[], result: PackBatchResult): boolean {
  const existing = db.sqlite.prepare(EXISTING_PACK_SQL).get(rigId, tier, packStartMs) as { buckets: Buffer };
  const byStart = new Map(decodePack(tier, rigId, packStartMs, existing.buckets).map((b) => [b.startMs, b]));
  for (const b of rows) byStart.set(b.startMs, b);
  const merged = encodePack(tier, packStartMs, [...byStart.values()]);
  if (!merged.ok) {
    result.refused.push(`rig ${rigId} ${tier} pack at ${new Date(packStartMs).toISOString()}: ${merged.error}`);
    return false;
  }
  db.sqlite.prepare(REPLACE_PACK_SQL).run(merged.value, rigId, tier, packStartMs);
  return true;
}

/** The batch delete of a tier's packs that ended by the cutoff (a search of rollup_packs_tier_start_idx). */
export const PRUNE_PACKS_SQL = `delete from rollup_packs where (rig_id, tier, pack_start_ms) in
  (select rig_id, tier, pack_start_ms from rollup_packs where tier = ? and pack_start_ms <= ? limit ?)`;

/**
 * Deletes a tier's packs whose whole period started before `cutoffMs` (a pack straddling the cutoff is kept
 * until it has all aged out: the tier keeps at most one period more than its window), in short batches.
 */
export function prunePacks(db: Db, tier: Tier, cutoffMs: number, batchRows = PRUNE_BATCH_ROWS, maxBatches = PRUNE_MAX_BATCHES): number {
  const stmt = db.sqlite.prepare(PRUNE_PACKS_SQL);
  let removed = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = writeTransaction(db, () => stmt.run(tier, cutoffMs - PACK_MS[tier], batchRows).changes);
    removed += n;
    if (n < batchRows) break;
  }
  return removed;
}

/** Stores a tier's pack cursor (inside the batch's transaction, so a batch and its cursor commit together). */
export function storePackCursor(db: Db, tier: Tier, cursor: PackCursor, nowMs: number): void {
  db.sqlite
    .prepare(
      `insert into app_settings (key, value_json, updated_at_ms) values (?, ?, ?)
       on conflict (key) do update set value_json = excluded.value_json, updated_at_ms = excluded.updated_at_ms`,
    )
    .run(packCursorKey(tier), JSON.stringify(cursor), nowMs);
}
