/**
 * The web process's storage: one Store per process, shared by the custom server and Next's route modules
 * through globalThis (as getAppDb shares the connection), over the engine the configuration names.
 */
import { getAppDb } from '../db/app-db';
import type { Store } from './store';
import { sqliteStore } from './sqlite/store';

const KEY = Symbol.for('hashwatt.appStore');
type Holder = { [KEY]?: Store };

/** The shared store of the web process, opened on first use. */
export function getAppStore(): Store {
  const holder = globalThis as Holder;
  holder[KEY] ??= sqliteStore(getAppDb());
  return holder[KEY];
}
