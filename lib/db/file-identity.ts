/**
 * The database file's identity (device + inode), taken when it is opened and checked again before
 * writes: a file deleted or replaced under a running process is otherwise not noticed, and every write
 * goes on into the unlinked file and is lost. Once the change is seen, the connection stops writing
 * (query_only), so no writer of the process, in a transaction or not, reaches the old file again.
 */
import { statSync } from 'node:fs';
import { DB_REPLACED_CODE } from './storage-fault';

/** Which file a path names: its device and inode. */
export interface FileIdentity {
  dev: number;
  ino: number;
}

/** The identity of the file at `path`, or null when there is none (or it cannot be read). */
export function fileIdentityOf(path: string): FileIdentity | null {
  try {
    const st = statSync(path);
    return { dev: st.dev, ino: st.ino };
  } catch {
    return null;
  }
}

/** The error of a write refused because the database file changed under the process. */
export class DatabaseReplacedError extends Error {
  readonly code = DB_REPLACED_CODE;
  constructor(readonly path: string) {
    super(`database file ${path} was deleted or replaced while running; stopping writes: restore it or restart`);
    this.name = 'DatabaseReplacedError';
  }
}

/**
 * What the check reads and sets of a connection: client.ts's Db has all of it (declared here, not imported,
 * because client.ts takes the identity from this file when it opens the database).
 */
export interface WatchedDb {
  path: string;
  sqlite: { pragma(source: string): unknown };
  fileState: { identity: FileIdentity | null; replaced: DatabaseReplacedError | null };
}

/** Makes the connection refuse every write from now on; later checks keep answering `error`. */
function stopWrites(db: WatchedDb, error: DatabaseReplacedError): DatabaseReplacedError {
  db.fileState.replaced = error;
  try {
    db.sqlite.pragma('query_only = ON');
  } catch {
    /* a closed connection writes nothing anyway */
  }
  return error;
}

/**
 * Null while the path still names the file opened; otherwise the error (the first time, writes stop).
 * A database without a file (":memory:") always passes.
 */
export function checkDbFile(db: WatchedDb): DatabaseReplacedError | null {
  if (db.fileState.replaced) return db.fileState.replaced;
  const opened = db.fileState.identity;
  if (!opened) return null;
  const now = fileIdentityOf(db.path);
  if (now && now.dev === opened.dev && now.ino === opened.ino) return null;
  return stopWrites(db, new DatabaseReplacedError(db.path));
}
