/** The PostgreSQL adapter of the changes port (lib/storage/ports/changes.ts). */
import type { PgHandle } from './handle';
import type { ChangesStore } from '../ports/changes';

/** The changes port over an open PostgreSQL pool. */
export function pgChangesStore(_handle: PgHandle): ChangesStore {
  return {};
}
