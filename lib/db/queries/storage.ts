/** The database file's size on disk now: pages in use, free pages, and the write-ahead log. */
import { statSync } from 'node:fs';
import type { Db } from '../client';

export interface DatabaseSize {
  /** Main file: page_count * page_size. */
  fileBytes: number;
  /** Pages freed by retention that SQLite will reuse before growing the file. */
  freeBytes: number;
  /** The -wal file (checkpointed back into the main file as it goes). */
  walBytes: number;
}

export function databaseSize(db: Db, path: string): DatabaseSize {
  const pageSize = db.sqlite.pragma('page_size', { simple: true }) as number;
  const pages = db.sqlite.pragma('page_count', { simple: true }) as number;
  const free = db.sqlite.pragma('freelist_count', { simple: true }) as number;
  let walBytes = 0;
  try {
    walBytes = statSync(`${path}-wal`).size;
  } catch {
    // No WAL file (read-only open, or just checkpointed and removed).
  }
  return { fileBytes: pages * pageSize, freeBytes: free * pageSize, walBytes };
}
