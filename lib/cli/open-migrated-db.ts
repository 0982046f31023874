/** The configured database for commands that may run before the first start: created and migrated if needed. */
import { loadConfig } from '../config';
import { openDb, type Db } from '../db/client';
import { migrateDb } from '../db/migrate';

export function openMigratedDb(): Db {
  const db = openDb(loadConfig().dbPath);
  migrateDb(db);
  return db;
}
