/** Retention for the changes log: browsers only need it to backfill a reconnect. */
import { lt } from 'drizzle-orm';
import type { Db } from '../client';
import { changes } from '../schema';

/** Deletes change rows older than `keepMs`; returns how many were removed. */
export function pruneChanges(db: Db, nowMs: number, keepMs: number): number {
  return db.orm
    .delete(changes)
    .where(lt(changes.tsMs, nowMs - keepMs))
    .run().changes;
}
