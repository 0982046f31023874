/**
 * The database and everything beside it that holds its data or its secrets (the -wal and -shm files,
 * backups, the key file, the simulator manifest, the backup record) are the owner's alone: files 0600 in a
 * folder created 0700. Processes that create them also run with umask 077 (lib/util/private-umask.ts);
 * these make sure of it where a file is created or was created wider by an earlier version.
 */
import { chmodSync, closeSync, mkdirSync, openSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Owner read and write. */
export const PRIVATE_FILE_MODE = 0o600;
/** Owner only. */
export const PRIVATE_FOLDER_MODE = 0o700;

/** Creates the folder of `filePath` (and its missing parents) 0700; an existing folder is left as it is. */
export function ensurePrivateFolder(filePath: string): void {
  mkdirSync(dirname(filePath), { recursive: true, mode: PRIVATE_FOLDER_MODE });
}

/** Creates `path` empty and 0600 unless it exists (SQLite then opens it as a new database). */
export function createPrivateFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/** Writes `data` to `path` as a 0600 file (an existing file is narrowed first). */
export function writePrivateFile(path: string, data: string | Uint8Array): void {
  createPrivateFile(path);
  chmodSync(path, PRIVATE_FILE_MODE);
  writeFileSync(path, data);
}

/** The files beside the database at `dbPath` that hold its data or secrets (whether or not they exist). */
export function databaseFiles(dbPath: string, extra: readonly string[] = []): string[] {
  return [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`, `${dbPath}.key`, `${dbPath}.last-backup.json`, ...extra];
}

/** A file that was readable or writable by others, and the mode it had. */
export interface NarrowedFile {
  path: string;
  fromMode: number;
}

/** Takes group and other permissions off each existing file of `paths`; returns those it changed. */
export function narrowFileModes(paths: readonly string[]): NarrowedFile[] {
  const narrowed: NarrowedFile[] = [];
  for (const path of paths) {
    let mode: number;
    try {
      const st = statSync(path);
      if (!st.isFile()) continue;
      mode = st.mode & 0o777;
    } catch {
      continue; // not there
    }
    if ((mode & 0o077) === 0) continue;
    chmodSync(path, mode & 0o700);
    narrowed.push({ path, fromMode: mode });
  }
  return narrowed;
}

/** The folder's mode when others may enter or list it, else null. */
export function openFolderMode(filePath: string): number | null {
  try {
    const mode = statSync(dirname(filePath)).mode & 0o777;
    return (mode & 0o077) === 0 ? null : mode;
  } catch {
    return null;
  }
}

/** "0644" */
export const octal = (mode: number) => `0${mode.toString(8).padStart(3, '0')}`;
