import { loadConfig } from '../../config';
import { openDb } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { parseFlags } from '../args';

/** `hashwatt migrate`: applies the committed migrations to HASHWATT_DB. */
export const migrateCommand = {
  summary: 'Create or upgrade the database (HASHWATT_DB) to the latest schema.',
  usage: 'Usage: hashwatt migrate',
  async run(argv: string[]): Promise<number> {
    parseFlags(argv, {});
    const config = loadConfig();
    const db = openDb(config.dbPath);
    try {
      migrateDb(db);
    } finally {
      db.close();
    }
    console.log(`migrate: ${config.dbPath} is up to date`);
    return 0;
  },
};
