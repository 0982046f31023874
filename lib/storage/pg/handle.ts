/**
 * An open PostgreSQL connection pool and drizzle over it. The pool is the only connection state: every
 * port method checks a client out, runs its statements (a transaction inside one method at most) and returns it.
 */
import type { Pool } from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema';

export type PgOrm = NodePgDatabase<typeof schema>;

/** The pool, drizzle over it, and the URL with its password masked (for every log and error line). */
export interface PgHandle {
  pool: Pool;
  orm: PgOrm;
  redactedUrl: string;
}

/** Wraps an open pool. */
export function pgHandle(pool: Pool, redactedUrl: string): PgHandle {
  return { pool, orm: drizzle(pool, { schema }), redactedUrl };
}
