/**
 * Opens SQLite with the house pragmas. A factory, never a module-level connection: each process (and
 * each test) decides which file it opens and whether it writes.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { SecretBox } from '../secrets/secret-box';
import { fileIdentityOf, type DatabaseReplacedError, type FileIdentity } from './file-identity';
import { createPrivateFile, ensurePrivateFolder } from '../util/file-modes';
import * as schema from './schema';

export type DrizzleDb = BetterSQLite3Database<typeof schema>;

/** An open database: the raw better-sqlite3 handle (pragmas, backup, data_version) and drizzle over it. */
export interface Db {
  sqlite: Database.Database;
  orm: DrizzleDb;
  path: string;
  /** The file opened (device + inode; null without a file) and, once seen, why writes stopped (file-identity.ts). */
  fileState: { identity: FileIdentity | null; replaced: DatabaseReplacedError | null };
  /**
   * The key the database's secrets are sealed with, set once it was checked against the database
   * (unlockSecrets); null: secrets can be neither stored nor read (lib/db/secret-fields.ts).
   */
  secrets: SecretBox | null;
  close(): void;
}

/**
 * Opens (creating the folder and file when writable) the database at `path` with WAL and the house
 * pragmas. A new folder is created 0700 and a new file 0600; SQLite gives its -wal and -shm the file's mode.
 */
export function openDb(path: string, opts: { readonly?: boolean } = {}): Db {
  if (!opts.readonly && path !== ':memory:' && path !== '') {
    ensurePrivateFolder(path);
    createPrivateFile(path);
  }
  const sqlite = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  if (!opts.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const orm = drizzle(sqlite, { schema });
  const identity = path === ':memory:' || path === '' ? null : fileIdentityOf(path);
  return { sqlite, orm, path, fileState: { identity, replaced: null }, secrets: null, close: () => sqlite.close() };
}
