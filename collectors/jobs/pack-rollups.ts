/**
 * Packs the rollup tiers' closed periods after the rollup job: each rig's buckets of an hour (1-minute tier),
 * a day (5-minute) or a week (1-hour) move from narrow head rows into one compact pack row (lib/history/pack),
 * a batch of rigs per short transaction. A period closes once its tier's rollup has passed its end (its
 * buckets are never written again). Each tier keeps a cursor (period, last rig packed), so a run does only
 * new work, at most `maxRigPacksPerRun` rig-periods per tier, and a database written before packing (migration
 * 0011) or a collector that was down catches up over a few runs. Reads union packs and head rows throughout.
 */
import type { Db } from '../../lib/db/client';
import { packRigsPeriod, storePackCursor } from '../../lib/db/mutations/rollup-packs';
import { packCursor, rigIdsAfter, type PackCursor } from '../../lib/db/queries/rollup-packs';
import { oldestHeadBucketMs, rollupDoneUntil } from '../../lib/db/queries/rollups';
import { PACK_MS, packStartMs } from '../../lib/history/pack';
import type { Tier } from '../../lib/history/rollup';

export interface PackOptions {
  /** Rig-periods per tier per run. Default 1,000 (10,000 rigs close an hour of minutes in 10 runs). */
  maxRigPacksPerRun?: number;
  /** Rigs per transaction. Default 250. */
  rigsPerBatch?: number;
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
  let budget = opts.maxRigPacksPerRun ?? 1000;
  const batch = opts.rigsPerBatch ?? 250;
  while (cursor.periodStartMs < closedEndMs && budget > 0) {
    const rigIds = rigIdsAfter(db, cursor.afterRigId, Math.min(batch, budget));
    const next: PackCursor = rigIds.length
      ? { periodStartMs: cursor.periodStartMs, afterRigId: rigIds[rigIds.length - 1] }
      : { periodStartMs: cursor.periodStartMs + PACK_MS[tier], afterRigId: 0 };
    const done = packRigsPeriod(db, tier, cursor.periodStartMs, rigIds, () => storePackCursor(db, tier, next, nowMs));
    result.buckets[tier] += done.buckets;
    result.refused.push(...done.refused);
    budget -= Math.max(1, rigIds.length);
    cursor = next;
  }
}
