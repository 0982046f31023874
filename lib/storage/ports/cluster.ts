/**
 * Storage port: Running several processes on one database: collector leases and heartbeats, the fleet-wide leader, the schema version and the secret key's check value.
 * Every method is asynchronous and whole: a transaction it needs starts and ends inside the adapter.
 */

/** What the processes ask of storage for this business operation (SQLite: lib/storage/sqlite/cluster.ts, PostgreSQL: lib/storage/pg/cluster.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the port's owner
export interface ClusterStore {}
