/** A command's `--site NAME`: the database of HASHWATT_DB opened, and that site in it, or a one-line CliError. */
import { existsSync } from 'node:fs';
import { openDb, type Db } from '../../lib/db/client';
import { getSiteByName, listSites } from '../../lib/db/queries/sites';
import type { Site } from '../../lib/db/schema';
import { CliError } from './cli-error';
import { cliConfig } from './cli-config';

/** Opens the database and finds the site named `name`; the caller closes `db`. */
export function openSite(name: string | undefined, readonly: boolean): { db: Db; site: Site } {
  if (name === undefined) throw new CliError('pass --site NAME');
  const config = cliConfig();
  if (!existsSync(config.dbPath)) throw new CliError(`no database at ${config.dbPath} (set HASHWATT_DB, or run hashwatt migrate)`, 1);
  const db = openDb(config.dbPath, { readonly });
  const site = getSiteByName(db, name);
  if (site) return { db, site };
  const names = listSites(db).map((s) => s.name);
  db.close();
  throw new CliError(`no site named ${JSON.stringify(name)} (${names.length ? `sites: ${names.join(', ')}` : 'no sites configured'})`);
}
