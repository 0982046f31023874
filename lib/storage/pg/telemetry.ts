/** The PostgreSQL adapter of the telemetry port (lib/storage/ports/telemetry.ts). */
import type { PgHandle } from './handle';
import type { TelemetryStore } from '../ports/telemetry';

/** The telemetry port over an open PostgreSQL pool. */
export function pgTelemetryStore(_handle: PgHandle): TelemetryStore {
  return {};
}
