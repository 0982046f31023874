/**
 * Applies the committed drizzle migrations. drizzle runs each migration in a transaction, where
 * PRAGMA foreign_keys=OFF is a no-op, so foreign keys are turned off around the whole run and checked after.
 */
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fileURLToPath } from 'node:url';
import type { Db } from './client';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../drizzle/migrations', import.meta.url));

/** Migrates `db` to the latest schema; throws when a foreign key is left dangling. */
export function migrateDb(db: Db, migrationsDir = MIGRATIONS_DIR): void {
  db.sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(db.orm, { migrationsFolder: migrationsDir });
    const broken = db.sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) {
      throw new Error(`migration left ${broken.length} rows violating foreign keys: ${JSON.stringify(broken.slice(0, 3))}`);
    }
  } finally {
    db.sqlite.pragma('foreign_keys = ON');
  }
}
