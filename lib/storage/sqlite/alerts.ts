/** The SQLite adapter of the alerts port (lib/storage/ports/alerts.ts). */
import type { Db } from '../../db/client';
import type { AlertsStore } from '../ports/alerts';

/** The alerts port over an open SQLite database. */
export function sqliteAlertsStore(_handle: Db): AlertsStore {
  return {};
}
