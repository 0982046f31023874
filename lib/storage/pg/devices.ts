/** The PostgreSQL adapter of the devices port (lib/storage/ports/devices.ts). */
import type { PgHandle } from './handle';
import type { DevicesStore } from '../ports/devices';

/** The devices port over an open PostgreSQL pool. */
export function pgDevicesStore(_handle: PgHandle): DevicesStore {
  return {};
}
