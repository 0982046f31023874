/** The configured database for commands that may run before the first start: created and migrated if needed. */
import { openDb, type Db } from '../../lib/db/client';
import { migrateDb } from '../../lib/db/migrate';
import { checkDatabase } from '../supervisor/preflight';
import { cliConfig } from './cli-config';

/**
 * Opens HASHWATT_DB, creating it only where no evidence shows one existed (a command must not quietly
 * begin the empty database `hashwatt start` would refuse).
 */
export function openMigratedDb(): Db {
  const config = cliConfig();
  checkDatabase(config.dbPath, config.manifestPath, false, Date.now());
  const db = openDb(config.dbPath);
  migrateDb(db);
  return db;
}
