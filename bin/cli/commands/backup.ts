import { chmodSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDb } from '../../../lib/db/client';
import { createPrivateFile, PRIVATE_FILE_MODE, writePrivateFile } from '../../../lib/util/file-modes';
import { keyFilePath } from '../../../lib/secrets/key-file';
import { backupRecordPath } from '../../supervisor/db-evidence';
import { parseFlags } from '../args';
import { CliError } from '../cli-error';
import { cliConfig } from '../cli-config';

/**
 * `hashwatt backup <file>`: a consistent copy of the live database through SQLite's online backup API,
 * created 0600, recorded in `<db>.last-backup.json` (a start finding the database gone then refuses and
 * names the copy). The copy's secrets are sealed: it says which key to keep with it, and copies no key
 * (a backup often goes where the key should not).
 */
export const backupCommand = {
  summary: 'Copy the live database to <file> with the SQLite online backup API (safe while running).',
  usage: 'Usage: hashwatt backup <file> [--force]',
  async run(argv: string[]): Promise<number> {
    const { values, positionals } = parseFlags(argv, { force: { type: 'boolean' } }, true);
    if (positionals.length !== 1) throw new CliError('backup needs exactly one destination file: hashwatt backup <file>');
    const dest = resolve(positionals[0]);
    if (existsSync(dest) && !values.force) throw new CliError(`${dest} already exists; pass --force to overwrite it`);
    const config = cliConfig();
    if (!existsSync(config.dbPath)) throw new CliError(`no database at ${config.dbPath} (set HASHWATT_DB)`, 1);
    // Write beside the destination, then rename: a failed or interrupted backup never leaves a half file.
    const partial = `${dest}.partial-${process.pid}`;
    const db = openDb(config.dbPath, { readonly: true });
    try {
      createPrivateFile(partial); // SQLite writes into it and keeps its mode
      await db.sqlite.backup(partial);
      chmodSync(partial, PRIVATE_FILE_MODE);
      renameSync(partial, dest);
    } finally {
      db.close();
      rmSync(partial, { force: true });
    }
    const bytes = statSync(dest).size;
    console.log(`backup: ${config.dbPath} -> ${dest} (${bytes} bytes), readable by you only (0600)`);
    const key = config.secretKey ? 'the HASHWATT_SECRET_KEY this system runs with' : keyFilePath(config.dbPath);
    console.log(
      `backup: its pool keys, channel tokens and passwords are sealed with ${key}: keep a copy of that key with the backup (not in the same place if others can read it); without it they cannot be read`,
    );
    // Evidence beside the database: a start that later finds the database gone refuses and names this copy.
    const record = backupRecordPath(config.dbPath);
    try {
      writePrivateFile(record, `${JSON.stringify({ file: dest, atMs: Date.now(), bytes })}\n`);
    } catch (err) {
      console.error(
        `backup: the copy is complete, but ${record} could not be written: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    return 0;
  },
};
