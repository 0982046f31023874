/**
 * Storage port: The change log: appending a typed change, reading after a cursor, the log's end, pruning, and waiting for new rows (LISTEN/NOTIFY on PostgreSQL, polling on SQLite).
 * Every method is asynchronous and whole: a transaction it needs starts and ends inside the adapter.
 */

/** What the processes ask of storage for this business operation (SQLite: lib/storage/sqlite/changes.ts, PostgreSQL: lib/storage/pg/changes.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the port's owner
export interface ChangesStore {}
