/** The PostgreSQL adapter of the fleet port (lib/storage/ports/fleet.ts). */
import type { PgHandle } from './handle';
import type { FleetStore } from '../ports/fleet';

/** The fleet port over an open PostgreSQL pool. */
export function pgFleetStore(_handle: PgHandle): FleetStore {
  return {};
}
