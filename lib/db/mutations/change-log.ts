/** The one way a change row is written: typed by kind (lib/db/change-kinds.ts), in the caller's transaction. */
import type { ChangeKind } from '../change-kinds';
import type { Db } from '../client';
import { changes } from '../schema';

/** A row of the change log as a writer states it. */
export interface ChangeRowInput {
  tsMs: number;
  kind: ChangeKind;
  siteId?: number | null;
  rigId?: number | null;
  /** JSON-serializable; stored as text. */
  payload?: unknown;
}

/** Appends one change row; returns its id (the live cursor it becomes). */
export function logChange(db: Db, row: ChangeRowInput): number {
  const inserted = db.orm
    .insert(changes)
    .values({
      tsMs: row.tsMs,
      kind: row.kind,
      siteId: row.siteId ?? null,
      rigId: row.rigId ?? null,
      ...(row.payload === undefined ? {} : { payload: JSON.stringify(row.payload) }),
    })
    .returning({ id: changes.id })
    .get();
  return inserted.id;
}
