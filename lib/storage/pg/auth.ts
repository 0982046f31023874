/** The PostgreSQL adapter of the auth port (lib/storage/ports/auth.ts). */
import type { PgHandle } from './handle';
import type { AuthStore } from '../ports/auth';

/** The auth port over an open PostgreSQL pool. */
export function pgAuthStore(_handle: PgHandle): AuthStore {
  return {};
}
