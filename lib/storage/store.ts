/**
 * The storage every process talks to: one port per business operation, each asynchronous, with two adapters
 * (SQLite in lib/storage/sqlite, PostgreSQL in lib/storage/pg). Callers never see a connection, a transaction
 * or a dialect: no transaction is ever held across an await outside an adapter.
 */
import type { TelemetryStore } from './ports/telemetry';
import type { EconomicsStore } from './ports/economics';
import type { AlertsStore } from './ports/alerts';
import type { DevicesStore } from './ports/devices';
import type { ChangesStore } from './ports/changes';
import type { FleetStore } from './ports/fleet';
import type { SettingsStore } from './ports/settings';
import type { AuthStore } from './ports/auth';
import type { ClusterStore } from './ports/cluster';

/** Which engine holds the data: the embedded default, or a shared PostgreSQL for several machines. */
export type StorageEngine = 'sqlite' | 'postgres';

/** An open storage: the ports, and closing it. */
export interface Store {
  readonly engine: StorageEngine;
  readonly telemetry: TelemetryStore;
  readonly economics: EconomicsStore;
  readonly alerts: AlertsStore;
  readonly devices: DevicesStore;
  readonly changes: ChangesStore;
  readonly fleet: FleetStore;
  readonly settings: SettingsStore;
  readonly auth: AuthStore;
  readonly cluster: ClusterStore;
  /** Closes the connection(s); the store is unusable after. */
  close(): Promise<void>;
}
