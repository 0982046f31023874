/**
 * What the storage banner says, from the facts the web server gathers about the database's disk. Pure.
 *
 * Low space: less than 1 GiB free, or less than 5 % of the file system. 1 GiB is about a day of raw
 * samples for 125 rigs polled every 10 s (950 bytes a sample, lib/history/storage-estimate.ts): time to
 * act before the collector has to hold sweeps in memory. 5 % catches a large disk that something else is
 * filling. "Free" is what a non-root process may still use (statfs bavail), not the root reserve.
 */
import { formatBytes } from '../format/units';

export const LOW_FREE_BYTES = 1024 ** 3;
export const LOW_FREE_FRACTION = 0.05;

/** What the web server knows about the database's storage. */
export interface StorageFacts {
  dbPath: string;
  /** Bytes available to the app on the database's file system, and its size; null when statfs failed. */
  freeBytes: number | null;
  totalBytes: number | null;
  /** Why the file or its folder cannot be written (e.g. "EROFS: read-only file system"); null when it can. */
  notWritable: string | null;
  /** The file was deleted or replaced under the running server: the error's message. */
  replaced: string | null;
  /** A storage fault a request met recently ("<path>: <cause>"), or why statfs failed. */
  recentFault: string | null;
}

export type StorageLevel = 'ok' | 'low' | 'read-only' | 'failing' | 'replaced';

/** The banner's level and line; `message` is null when all is well. */
export interface StorageVerdict {
  level: StorageLevel;
  message: string | null;
}

/** True when `freeBytes` of `totalBytes` is low (see the file comment). */
export function isLowSpace(freeBytes: number, totalBytes: number): boolean {
  return freeBytes < LOW_FREE_BYTES || (totalBytes > 0 && freeBytes / totalBytes < LOW_FREE_FRACTION);
}

/** The most serious thing wrong, first: a replaced file, then a read-only one, a failing one, low space. */
export function storageVerdict(f: StorageFacts): StorageVerdict {
  if (f.replaced) return { level: 'replaced', message: f.replaced };
  if (f.notWritable)
    return { level: 'read-only', message: `The database ${f.dbPath} is read-only (${f.notWritable}): nothing new is stored.` };
  if (f.recentFault) return { level: 'failing', message: `Storing data is failing: ${f.recentFault}.` };
  if (f.freeBytes !== null && f.totalBytes !== null && isLowSpace(f.freeBytes, f.totalBytes)) {
    const pct = f.totalBytes > 0 ? ` (${((100 * f.freeBytes) / f.totalBytes).toFixed(1)} %)` : '';
    return {
      level: 'low',
      message: `Low disk space: ${formatBytes(f.freeBytes)}${pct} free of ${formatBytes(f.totalBytes)} on the disk holding ${f.dbPath}. When it is full, new readings wait in the collector's memory.`,
    };
  }
  return { level: 'ok', message: null };
}
