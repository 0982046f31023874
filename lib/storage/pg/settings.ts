/** The PostgreSQL adapter of the settings port (lib/storage/ports/settings.ts). */
import type { PgHandle } from './handle';
import type { SettingsStore } from '../ports/settings';

/** The settings port over an open PostgreSQL pool. */
export function pgSettingsStore(_handle: PgHandle): SettingsStore {
  return {};
}
