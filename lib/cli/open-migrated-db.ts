/** The configured database for commands that may run before the first start: created and migrated if needed. */
import { loadConfig } from '../config';
import { openDb, type Db } from '../db/client';
import { migrateDb } from '../db/migrate';
import { checkDatabase } from '../supervisor/preflight';

/**
 * Opens HASHWATT_DB, creating it only where no evidence shows one existed (a command must not quietly
 * begin the empty database `hashwatt start` would refuse).
 */
export function openMigratedDb(): Db {
  const config = loadConfig();
  checkDatabase(config.dbPath, config.manifestPath, false, Date.now());
  const db = openDb(config.dbPath);
  migrateDb(db);
  return db;
}
