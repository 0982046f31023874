/** The SQLite adapter of the devices port (lib/storage/ports/devices.ts). */
import type { Db } from '../../db/client';
import type { DevicesStore } from '../ports/devices';

/** The devices port over an open SQLite database. */
export function sqliteDevicesStore(_handle: Db): DevicesStore {
  return {};
}
