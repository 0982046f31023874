/**
 * Checks `hashwatt start` makes before anything starts (no migration, no user, no demo password, no
 * child): the web port is free on its listen address, and the database is where evidence says it was.
 * Each refusal is one line naming what and what to do.
 */
import { existsSync, renameSync } from 'node:fs';
import { createServer } from 'node:net';
import { CliError } from '../cli/cli-error';
import { listenLabel } from '../../lib/web/listen-url';
import { databaseEvidence } from './db-evidence';

/** Resolves when `port` on `host` (null: every interface, as the web server listens) can be listened on now. */
export function checkListenAddress(host: string | null, port: number): Promise<void> {
  const where = `port ${port} on ${listenLabel(host)}`;
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      const why =
        err.code === 'EADDRINUSE'
          ? `${where} is in use (another hashwatt?): set PORT or stop it`
          : err.code === 'EACCES'
            ? `${where} needs privileges (ports below 1024 do): set PORT to 1024 or above, or serve it through a reverse proxy`
            : err.code === 'EADDRNOTAVAIL'
              ? `HASHWATT_HOST=${host} is not an address of this machine: set one of its addresses, or unset it for every interface`
              : `cannot listen on ${where}: ${err.code ?? err.message}`;
      reject(new CliError(why, 1));
    });
    probe.listen({ port, host: host ?? undefined }, () => probe.close(() => resolve()));
  });
}

/**
 * Refuses to create an empty database where evidence shows one existed, unless `newDatabase`; with it,
 * refuses an existing database (it never replaces one) and moves stale -wal/-shm files aside so SQLite
 * cannot replay an old log into the new file. Returns the lines to print.
 */
export function checkDatabase(dbPath: string, manifestPath: string, newDatabase: boolean, nowMs: number): string[] {
  if (existsSync(dbPath)) {
    if (newDatabase) throw new CliError(`--new-database: a database exists at ${dbPath}; it never replaces one (move it away first)`, 1);
    return [];
  }
  const evidence = databaseEvidence(dbPath, manifestPath);
  if (evidence.length === 0) return [];
  const shown = evidence.map((e) => `${e.what} (${e.path})`).join('; ');
  if (!newDatabase) {
    throw new CliError(
      `no database at ${dbPath}, but one existed there: ${shown}. Restore it (stop everything, copy the backup to ${dbPath}), ` +
        'or start an empty one with `hashwatt start --new-database` (rigs, history, users and tokens start from nothing)',
      1,
    );
  }
  const lines = [`--new-database: starting an empty database at ${dbPath} (found ${shown})`];
  for (const leftover of [`${dbPath}-wal`, `${dbPath}-shm`]) {
    if (!existsSync(leftover)) continue;
    const aside = `${leftover}.orphaned-${nowMs}`;
    renameSync(leftover, aside);
    lines.push(`--new-database: moved the old ${leftover} aside to ${aside}`);
  }
  return lines;
}
