/** The SQLite adapter of the settings port (lib/storage/ports/settings.ts). */
import type { Db } from '../../db/client';
import type { SettingsStore } from '../ports/settings';

/** The settings port over an open SQLite database. */
export function sqliteSettingsStore(_handle: Db): SettingsStore {
  return {};
}
