/**
 * Signs that a database existed at a path where none is now: a start that finds them refuses to begin
 * an empty database (rigs, history and tokens would be silently gone) unless told --new-database.
 * One list: the WAL, the manifest, a backup record and the secret key file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { keyFilePath } from '../../lib/secrets/key-file';

/** One sign, with the file that shows it. */
export interface DatabaseEvidence {
  path: string;
  what: string;
}

/** Where `hashwatt backup` records its last backup of the database at `dbPath`. */
export function backupRecordPath(dbPath: string): string {
  return `${dbPath}.last-backup.json`;
}

export { keyFilePath };

function backupWhat(path: string): string {
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as { file?: unknown; atMs?: unknown };
    if (typeof record.file === 'string' && typeof record.atMs === 'number') {
      return `a record of its backup to ${record.file} on ${new Date(record.atMs).toISOString()} (restore that copy)`;
    }
  } catch {
    // unreadable: still a sign
  }
  return 'a record of a backup made of it';
}

/** Every sign found for the database at `dbPath` (whose simulator manifest is `manifestPath`). */
export function databaseEvidence(dbPath: string, manifestPath: string): DatabaseEvidence[] {
  const candidates: { path: string; what: (path: string) => string }[] = [
    { path: `${dbPath}-wal`, what: () => 'its write-ahead log (-wal)' },
    { path: `${dbPath}-shm`, what: () => 'its shared-memory index (-shm)' },
    { path: manifestPath, what: () => 'the demo simulator manifest written beside it' },
    { path: backupRecordPath(dbPath), what: backupWhat },
    { path: keyFilePath(dbPath), what: () => 'its key file' },
  ];
  return candidates.filter((c) => existsSync(c.path)).map((c) => ({ path: c.path, what: c.what(c.path) }));
}
