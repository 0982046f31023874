/** The SQLite adapter of the changes port (lib/storage/ports/changes.ts). */
import type { Db } from '../../db/client';
import type { ChangesStore } from '../ports/changes';

/** The changes port over an open SQLite database. */
export function sqliteChangesStore(_handle: Db): ChangesStore {
  return {};
}
