import { join } from 'node:path';
import { openDb, type Db } from '../../lib/db/client';
import { migrateDb } from '../../lib/db/migrate';
import { unlockWithConfiguredKey } from '../../lib/db/secret-key-check';
import { prepareSecretKey } from '../../bin/supervisor/key-setup';
import { tempDir } from '../../lib/util/temp-dir';

export { tempDir };

/**
 * A real, migrated SQLite file in a temporary folder, with its secret key file beside it (`<db>.key`)
 * and unlocked, as `hashwatt start` leaves a database for its collector and web server.
 */
export function tempDb(): { db: Db; path: string; dir: string; cleanup: () => void } {
  const t = tempDir();
  const path = join(t.dir, 'hashwatt.db');
  const db = openDb(path);
  migrateDb(db);
  prepareSecretKey(db, { secretKey: null, dbPath: path }, Date.now());
  return {
    db,
    path,
    dir: t.dir,
    cleanup: () => {
      try {
        db.close();
      } catch {
        /* already closed */
      }
      t.cleanup();
    },
  };
}

/** Another connection to a database tempDb made, unlocked with its key file as the collector and the web server do. */
export function openTestDb(path: string): Db {
  const db = openDb(path);
  unlockWithConfiguredKey(db, { secretKey: null, dbPath: path }, Date.now(), (line) => {
    throw new Error(line);
  });
  return db;
}
