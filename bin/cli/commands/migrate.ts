import { parseFlags } from '../args';
import { openMigratedDb } from '../open-migrated-db';
import { cliConfig } from '../cli-config';

/** `hashwatt migrate`: applies the committed migrations to HASHWATT_DB. */
export const migrateCommand = {
  summary: 'Create or upgrade the database (HASHWATT_DB) to the latest schema.',
  usage: 'Usage: hashwatt migrate',
  async run(argv: string[]): Promise<number> {
    parseFlags(argv, {});
    const config = cliConfig();
    openMigratedDb().close();
    console.log(`migrate: ${config.dbPath} is up to date`);
    return 0;
  },
};
