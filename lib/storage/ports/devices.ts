/**
 * Storage port: Device requests (the web asks, the collector probes or scans), unrecognised devices, source state and the market figures the sources loop writes.
 * Every method is asynchronous and whole: a transaction it needs starts and ends inside the adapter.
 */

/** What the processes ask of storage for this business operation (SQLite: lib/storage/sqlite/devices.ts, PostgreSQL: lib/storage/pg/devices.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the port's owner
export interface DevicesStore {}
