/**
 * The web process's database handle: one connection per process, opened on first use from
 * HASHWATT_DB as server.ts parsed it (the custom server and Next's route modules share it through
 * globalThis) and unlocked with the secret key once, there.
 */
import { getAppConfig } from '../config/app-config';
import { openDb, type Db } from './client';
import { unlockWithConfiguredKey } from './secret-key-check';

const KEY = Symbol.for('hashwatt.appDb');
type Holder = { [KEY]?: Db };

/** The shared connection of the web process. */
export function getAppDb(): Db {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const { config } = getAppConfig();
    const db = openDb(config.dbPath);
    try {
      unlockWithConfiguredKey(db, config, Date.now(), (line) => console.error(`web: ${line}`));
    } catch (err) {
      db.close();
      throw err;
    }
    holder[KEY] = db;
  }
  return holder[KEY];
}
