/**
 * Storage port: Users, sessions, API tokens, sign-in attempts, push subscriptions and VAPID keys.
 * Every method is asynchronous and whole: a transaction it needs starts and ends inside the adapter.
 */

/** What the processes ask of storage for this business operation (SQLite: lib/storage/sqlite/auth.ts, PostgreSQL: lib/storage/pg/auth.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the port's owner
export interface AuthStore {}
