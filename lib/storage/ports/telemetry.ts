/**
 * Storage port: The collector's write path and the telemetry it keeps: which rigs to poll, writing a sweep (samples, statuses, events, the sweep row and its change row), and the periodic rollups, packing and retention.
 * Every method is asynchronous and whole: a transaction it needs starts and ends inside the adapter.
 */

/** What the processes ask of storage for this business operation (SQLite: lib/storage/sqlite/telemetry.ts, PostgreSQL: lib/storage/pg/telemetry.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the port's owner
export interface TelemetryStore {}
