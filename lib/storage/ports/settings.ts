/**
 * Storage port: Sites, pools, tariffs, app settings (key/value), sources settings and the rigs' own administration (add, edit, import, remove, demo fleet).
 * Every method is asynchronous and whole: a transaction it needs starts and ends inside the adapter.
 */

/** What the processes ask of storage for this business operation (SQLite: lib/storage/sqlite/settings.ts, PostgreSQL: lib/storage/pg/settings.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the port's owner
export interface SettingsStore {}
