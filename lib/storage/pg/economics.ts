/** The PostgreSQL adapter of the economics port (lib/storage/ports/economics.ts). */
import type { PgHandle } from './handle';
import type { EconomicsStore } from '../ports/economics';

/** The economics port over an open PostgreSQL pool. */
export function pgEconomicsStore(_handle: PgHandle): EconomicsStore {
  return {};
}
