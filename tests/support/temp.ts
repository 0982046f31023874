import { join } from 'node:path';
import { openDb, type Db } from '../../lib/db/client';
import { migrateDb } from '../../lib/db/migrate';
import { tempDir } from '../../lib/util/temp-dir';

export { tempDir };

/** A real, migrated SQLite file in a temporary folder. */
export function tempDb(): { db: Db; path: string; dir: string; cleanup: () => void } {
  const t = tempDir();
  const path = join(t.dir, 'hashwatt.db');
  const db = openDb(path);
  migrateDb(db);
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
