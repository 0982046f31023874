/**
 * Storage port: The fleet's read models: heat-map cells, the fleet summary, rig views and the rigs page, a rig's history and the /api/fleet view.
 * Every method is asynchronous and whole: a transaction it needs starts and ends inside the adapter.
 */

/** What the processes ask of storage for this business operation (SQLite: lib/storage/sqlite/fleet.ts, PostgreSQL: lib/storage/pg/fleet.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the port's owner
export interface FleetStore {}
