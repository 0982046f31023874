/** The SQLite adapter of the fleet port (lib/storage/ports/fleet.ts). */
import type { Db } from '../../db/client';
import type { FleetStore } from '../ports/fleet';

/** The fleet port over an open SQLite database. */
export function sqliteFleetStore(_handle: Db): FleetStore {
  return {};
}
