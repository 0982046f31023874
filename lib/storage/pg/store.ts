/** The PostgreSQL adapter: every port over one connection pool. */
import type { PgHandle } from './handle';
import type { Store } from '../store';
import { pgTelemetryStore } from './telemetry';
import { pgEconomicsStore } from './economics';
import { pgAlertsStore } from './alerts';
import { pgDevicesStore } from './devices';
import { pgChangesStore } from './changes';
import { pgFleetStore } from './fleet';
import { pgSettingsStore } from './settings';
import { pgAuthStore } from './auth';
import { pgClusterStore } from './cluster';

/** Every port over `handle`; closing the store closes it. */
export function pgStore(handle: PgHandle): Store {
  return {
    engine: 'postgres',
    telemetry: pgTelemetryStore(handle),
    economics: pgEconomicsStore(handle),
    alerts: pgAlertsStore(handle),
    devices: pgDevicesStore(handle),
    changes: pgChangesStore(handle),
    fleet: pgFleetStore(handle),
    settings: pgSettingsStore(handle),
    auth: pgAuthStore(handle),
    cluster: pgClusterStore(handle),
    close: () => handle.pool.end(),
  };
}
