/**
 * Where the secret key comes from: HASHWATT_SECRET_KEY when set, else the key file beside the database
 * (`<db>.key`, 0600, base64 of 32 random bytes), which only `hashwatt start` creates (key-setup.ts).
 * The collector and the web server read the same key; nothing ever writes a key over an existing one.
 */
import { closeSync, existsSync, openSync, readSync, writeSync } from 'node:fs';
import { narrowFileModes } from '../util/file-modes';
import { generateSecretKey, parseSecretKey } from './secret-box';

/** A key file is a line of at most 65 characters; more is not a key file. */
const KEY_FILE_MAX_BYTES = 1024;

/** The key file of the database at `dbPath` (the supervisor's start checks treat it as evidence of a database). */
export function keyFilePath(dbPath: string): string {
  return `${dbPath}.key`;
}

/** A key and where it came from, for messages. */
export interface LoadedKey {
  key: Buffer;
  /** 'HASHWATT_SECRET_KEY' or the key file's path. */
  from: string;
}

/** A key file that exists but holds no key. */
export class KeyFileError extends Error {}

/** Reads the key file (narrowing its mode to 0600 first if it was wider). */
export function readKeyFile(path: string): Buffer {
  narrowFileModes([path]);
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(KEY_FILE_MAX_BYTES + 1);
  let filled = 0;
  try {
    for (let n = 1; n > 0 && filled < buf.length; filled += n) n = readSync(fd, buf, filled, buf.length - filled, null);
  } finally {
    closeSync(fd);
  }
  const key = filled > KEY_FILE_MAX_BYTES ? null : parseSecretKey(buf.subarray(0, filled).toString('utf8'));
  if (!key)
    throw new KeyFileError(`the key file ${path} does not hold a key (32 bytes as base64 or 64 hex digits): restore it from your backup`);
  return key;
}

/** The configured key (HASHWATT_SECRET_KEY, already validated), else the key file's, else null. */
export function findSecretKey(envKey: Buffer | null, dbPath: string): LoadedKey | null {
  if (envKey) return { key: envKey, from: 'HASHWATT_SECRET_KEY' };
  const path = keyFilePath(dbPath);
  return existsSync(path) ? { key: readKeyFile(path), from: path } : null;
}

/** Creates the key file 0600 with a new random key; an existing file is never replaced (its key is returned). */
export function createKeyFile(path: string): { key: Buffer; created: boolean } {
  const key = generateSecretKey();
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { key: readKeyFile(path), created: false };
    throw err;
  }
  try {
    writeSync(fd, `${key.toString('base64')}\n`);
  } finally {
    closeSync(fd);
  }
  return { key, created: true };
}
