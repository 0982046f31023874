/** Retention for the changes log: browsers only need it to backfill a reconnect. */
import type { Db } from '../client';
import { pruneByAge } from './prune-by-age';

/** Deletes change rows older than `keepMs` in small batches; returns how many were removed. */
export function pruneChanges(db: Db, nowMs: number, keepMs: number): number {
  return pruneByAge(db, 'changes', nowMs, keepMs);
}
