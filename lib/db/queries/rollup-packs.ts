/** Reads of the rollup pack job: how far it got per tier, and the next rigs to pack. */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Tier } from '../../history/rollup';
import type { Db } from '../client';
import { appSettings, rigs } from '../schema';

/** Where a tier's pack job got to: the period it is in, and the last rig of it already packed. */
export interface PackCursor {
  periodStartMs: number;
  afterRigId: number;
}

/** The app_settings key of a tier's pack cursor. */
export const packCursorKey = (tier: Tier) => `rollup-packed:${tier}`;

/** A tier's pack cursor, or null before the job's first period. */
export function packCursor(db: Db, tier: Tier): PackCursor | null {
  const row = db.orm
    .select()
    .from(appSettings)
    .where(eq(appSettings.key, packCursorKey(tier)))
    .get();
  return row ? (JSON.parse(row.valueJson) as PackCursor) : null;
}

/** Up to `limit` rig ids after `afterRigId`, in order (the rigs key). */
export function rigIdsAfter(db: Db, afterRigId: number, limit: number): number[] {
  return db.orm
    .select({ id: rigs.id })
    .from(rigs)
    .where(and(gt(rigs.id, afterRigId)))
    .orderBy(asc(rigs.id))
    .limit(limit)
    .all()
    .map((r) => r.id);
}
