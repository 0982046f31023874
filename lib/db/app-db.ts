/**
 * The web process's database handle: one connection per process, opened on first use from
 * HASHWATT_DB (the custom server and Next's route modules share it through globalThis).
 */
import { loadConfig } from '../config';
import { openDb, type Db } from './client';

const KEY = Symbol.for('hashwatt.appDb');
type Holder = { [KEY]?: Db };

/** The shared connection of the web process. */
export function getAppDb(): Db {
  const holder = globalThis as Holder;
  holder[KEY] ??= openDb(loadConfig().dbPath);
  return holder[KEY];
}
