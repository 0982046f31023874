/** The SQLite adapter of the telemetry port (lib/storage/ports/telemetry.ts). */
import type { Db } from '../../db/client';
import type { TelemetryStore } from '../ports/telemetry';

/** The telemetry port over an open SQLite database. */
export function sqliteTelemetryStore(_handle: Db): TelemetryStore {
  return {};
}
