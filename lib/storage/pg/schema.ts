/**
 * The PostgreSQL drizzle schema: the same tables and columns as the SQLite one (lib/db/schema*.ts), with
 * telemetry partitioned by time in hand-written migrations (drizzle/pg). Filled by the PostgreSQL base work.
 */
export {};
