/**
 * What went wrong with the storage under the database, from an error of better-sqlite3, node:fs or this
 * codebase: busy (another connection holds the write lock), full, read-only, failing (I/O, corruption)
 * or replaced (the file was deleted or swapped under a running process). Classified by the error's
 * `code` string, never by `instanceof`: the web app's route bundles carry their own copies of the
 * classes. Pure.
 */

export type StorageFaultKind = 'busy' | 'full' | 'read-only' | 'failing' | 'replaced';

/** A storage fault: its kind, the error code, and the cause in words (with the code). */
export interface StorageFault {
  kind: StorageFaultKind;
  code: string;
  cause: string;
}

/** The code of DatabaseReplacedError (file-identity.ts). */
export const DB_REPLACED_CODE = 'HASHWATT_DB_REPLACED';

/** SQLite primary codes (extended ones share the prefix, e.g. SQLITE_BUSY_SNAPSHOT) and node:fs codes. */
const KIND_OF_PREFIX: ReadonlyArray<[string, StorageFaultKind]> = [
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_LOCKED', 'busy'],
  ['SQLITE_FULL', 'full'],
  ['SQLITE_READONLY', 'read-only'],
  ['SQLITE_IOERR', 'failing'],
  ['SQLITE_CANTOPEN', 'failing'],
  ['SQLITE_CORRUPT', 'failing'],
  ['SQLITE_NOTADB', 'failing'],
  ['SQLITE_PROTOCOL', 'failing'],
  [DB_REPLACED_CODE, 'replaced'],
];
const FS_CODES: Readonly<Record<string, StorageFaultKind>> = {
  ENOSPC: 'full',
  EDQUOT: 'full',
  EFBIG: 'full',
  EROFS: 'read-only',
  EACCES: 'read-only',
  EPERM: 'read-only',
  EIO: 'failing',
};

const codeOf = (err: unknown): string | null => {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : null;
};

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** The storage fault behind `err`, or null when it is something else (a bug, a constraint, bad input). */
export function storageFaultOf(err: unknown): StorageFault | null {
  const code = codeOf(err);
  if (code === null) return null;
  const kind = KIND_OF_PREFIX.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`))?.[1] ?? FS_CODES[code];
  if (!kind) return null;
  const message = messageOf(err);
  // SQLite's and node's messages gain their code; ours say everything already.
  return { kind, code, cause: message.includes(code) || kind === 'replaced' ? message : `${message} (${code})` };
}

/** True when `err` only says another connection held the lock for longer than it waited: trying again later may succeed. */
export function isBusyError(err: unknown): boolean {
  return storageFaultOf(err)?.kind === 'busy';
}

/** "<path>: <cause>": every storage message names the file and the cause. */
export function describeStorageFault(path: string, fault: StorageFault): string {
  return fault.cause.includes(path) ? fault.cause : `${path}: ${fault.cause}`;
}
