/** The SQLite adapter: every port over one database file. */
import type { Db } from '../../db/client';
import type { Store } from '../store';
import { sqliteTelemetryStore } from './telemetry';
import { sqliteEconomicsStore } from './economics';
import { sqliteAlertsStore } from './alerts';
import { sqliteDevicesStore } from './devices';
import { sqliteChangesStore } from './changes';
import { sqliteFleetStore } from './fleet';
import { sqliteSettingsStore } from './settings';
import { sqliteAuthStore } from './auth';
import { sqliteClusterStore } from './cluster';

/** Every port over `db`; closing the store closes it. */
export function sqliteStore(db: Db): Store {
  return {
    engine: 'sqlite',
    telemetry: sqliteTelemetryStore(db),
    economics: sqliteEconomicsStore(db),
    alerts: sqliteAlertsStore(db),
    devices: sqliteDevicesStore(db),
    changes: sqliteChangesStore(db),
    fleet: sqliteFleetStore(db),
    settings: sqliteSettingsStore(db),
    auth: sqliteAuthStore(db),
    cluster: sqliteClusterStore(db),
    close: () => Promise.resolve(db.close()),
  };
}
