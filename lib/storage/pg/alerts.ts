/** The PostgreSQL adapter of the alerts port (lib/storage/ports/alerts.ts). */
import type { PgHandle } from './handle';
import type { AlertsStore } from '../ports/alerts';

/** The alerts port over an open PostgreSQL pool. */
export function pgAlertsStore(_handle: PgHandle): AlertsStore {
  return {};
}
