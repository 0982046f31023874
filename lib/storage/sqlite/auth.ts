/** The SQLite adapter of the auth port (lib/storage/ports/auth.ts). */
import type { Db } from '../../db/client';
import type { AuthStore } from '../ports/auth';

/** The auth port over an open SQLite database. */
export function sqliteAuthStore(_handle: Db): AuthStore {
  return {};
}
