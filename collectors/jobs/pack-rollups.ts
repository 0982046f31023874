/**
 * Packs the rollup tiers' closed periods after the rollup job: each rig's buckets of an hour (1-minute tier),
 * a day (5-minute) or a week (1-hour) move from narrow head rows into one compact pack row (lib/history/pack),
 * a batch of rigs per short transaction. A period closes once its tier's rollup has passed its end (its
 * buckets are never written again). Each tier keeps a cursor (period, last rig packed), so a run does only
 * new work, at most `maxBucketsPerRun` buckets, and a database written before packing (migration
 * 0011) or a collector that was down catches up over a few runs. Reads union packs and head rows throughout.
 */
import type { Db } from '../../lib/db/client';
import { packRigsPeriod, storePackCursor } from '../../lib/db/mutations/rollup-packs';
import { packCursor, rigIdsAfter, type PackCursor } from '../../lib/db/queries/rollup-packs';
import { oldestHeadBucketMs, rollupDoneUntil } from '../../lib/db/queries/rollups';
import { PACK_MS, packStartMs } from '../../lib/history/pack';
import { TIER_MS, type Tier } from '../../lib/history/rollup';

export interface PackOptions {
  /**
   * Buckets packed per run, all tiers together (a third each). Default 12,000: about 200 ms of CPU on the
   * development machine (bench/rollup-packs.ts: 18 us a bucket), as the job runs synchronously after a sweep.
   * At 10,000 rigs the tiers produce about 12,000 buckets a minute; at one run per 10 s sweep that is 6 times
   * what steady state needs, so a closed period is packed within the hour and a backlog is worked off.
   */
  maxBucketsPerRun?: number;
  /** Buckets per transaction (whole rigs, at least one): the write lock is held this long. Default 2,000. */
  bucketsPerTransaction?: number;
}

/** What one run packed per tier, and the rigs whose figures could not be packed (their rows stay). */
export interface PackResult {
  buckets: Record<Tier, number>;
  refused: string[];
}

const TIERS: readonly Tier[] = ['m1', 'm5', 'h1'];

export function runPackRollups(db: Db, nowMs: number, opts: PackOptions = {}): PackResult {
  const result: PackResult = { buckets: { m1: 0, m5: 0, h1: 0 }, refused: [] };
  for (const tier of TIERS) packTier(db, tier, nowMs, opts, result);
  return result;
}

function packTier(db: Db, tier: Tier, nowMs: number, opts: PackOptions, result: PackResult): void {
  const doneUntil = rollupDoneUntil(db, tier);
  if (doneUntil === null) return;
  const closedEndMs = packStartMs(tier, doneUntil);
  const oldest = oldestHeadBucketMs(db, tier);
  if (oldest === null) return;
  let cursor: PackCursor = packCursor(db, tier) ?? { periodStartMs: packStartMs(tier, oldest), afterRigId: 0 };
  // Periods with no head rows left (a collector that was down, retention) are skipped, not walked rig by rig.
  if (cursor.afterRigId === 0 && packStartMs(tier, oldest) > cursor.periodStartMs)
    cursor = { periodStartMs: packStartMs(tier, oldest), afterRigId: 0 };
  let budget = Math.ceil((opts.maxBucketsPerRun ?? 12_000) / TIERS.length);
  // A rig has at most a whole period of buckets: batches of whole rigs stay within bucketsPerTransaction.
  const bucketsPerRig = PACK_MS[tier] / TIER_MS[tier];
  const rigsPerBatch = Math.max(1, Math.floor((opts.bucketsPerTransaction ?? 2000) / bucketsPerRig));
  while (cursor.periodStartMs < closedEndMs && budget > 0) {
    const rigIds = rigIdsAfter(db, cursor.afterRigId, Math.max(1, Math.min(rigsPerBatch, Math.floor(budget / bucketsPerRig))));
    const next: PackCursor = rigIds.length
      ? { periodStartMs: cursor.periodStartMs, afterRigId: rigIds[rigIds.length - 1] }
      : { periodStartMs: cursor.periodStartMs + PACK_MS[tier], afterRigId: 0 };
    const done = packRigsPeriod(db, tier, cursor.periodStartMs, rigIds, () => storePackCursor(db, tier, next, nowMs));
    result.buckets[tier] += done.buckets;
    result.refused.push(...done.refused);
    budget -= Math.max(done.buckets, rigIds.length, 1);
    cursor = next;
  }
}
