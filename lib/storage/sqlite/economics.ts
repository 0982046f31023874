/** The SQLite adapter of the economics port (lib/storage/ports/economics.ts). */
import type { Db } from '../../db/client';
import type { EconomicsStore } from '../ports/economics';

/** The economics port over an open SQLite database. */
export function sqliteEconomicsStore(_handle: Db): EconomicsStore {
  return {};
}
