/**
 * Storage port: Alerting: alert states and transitions, channels, the delivery queue, overrides, maintenance windows, alert requests (test sends) and alert settings.
 * Every method is asynchronous and whole: a transaction it needs starts and ends inside the adapter.
 */

/** What the processes ask of storage for this business operation (SQLite: lib/storage/sqlite/alerts.ts, PostgreSQL: lib/storage/pg/alerts.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the port's owner
export interface AlertsStore {}
