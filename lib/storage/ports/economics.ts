/**
 * Storage port: Economics now and realized: the per-sweep economics rows (fleet, sites, rigs' latest), the realized day and hour tables and their cursors, and the reads of the economics and reports screens.
 * Every method is asynchronous and whole: a transaction it needs starts and ends inside the adapter.
 */

/** What the processes ask of storage for this business operation (SQLite: lib/storage/sqlite/economics.ts, PostgreSQL: lib/storage/pg/economics.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the port's owner
export interface EconomicsStore {}
