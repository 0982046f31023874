/** The database file's size on disk now (pages in use, free pages, the write-ahead log), the disk's free space, and the storage report. */
import { statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { count } from 'drizzle-orm';
import { BYTES_PER_BUCKET, BYTES_PER_SAMPLE, estimateStorage, type StorageEstimate } from '../../history/storage-estimate';
import type { Db } from '../client';
import { rigs } from '../schema';

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

/** Bytes an unprivileged process may still write on the disk holding `path`; null when it cannot be read. */
export function diskFreeBytes(path: string): number | null {
  try {
    const s = statfsSync(dirname(path));
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

/** How long each history tier is kept. */
export interface RetentionMs {
  rawRetentionMs: number;
  m1RetentionMs: number;
  m5RetentionMs: number;
  h1RetentionMs: number;
}

/** What the storage settings screen and GET /api/settings/storage show. */
export interface StorageReport {
  now: DatabaseSize;
  diskFreeBytes: number | null;
  rigs: number;
  pollIntervalS: number;
  retention: RetentionMs;
  /** Steady-state size once every tier is full, for the rigs configured now. */
  estimate: StorageEstimate;
}

/** The database's size now and the estimated steady-state size for the current fleet. */
export function storageReport(db: Db, opts: { dbPath: string; pollIntervalS: number; retention: RetentionMs }): StorageReport {
  const rigCount = db.orm.select({ n: count() }).from(rigs).get()?.n ?? 0;
  return {
    now: databaseSize(db, opts.dbPath),
    diskFreeBytes: diskFreeBytes(opts.dbPath),
    rigs: rigCount,
    pollIntervalS: opts.pollIntervalS,
    retention: opts.retention,
    estimate: estimateStorage({
      rigs: rigCount,
      pollIntervalS: opts.pollIntervalS,
      ...opts.retention,
      bytesPerSample: BYTES_PER_SAMPLE,
      bytesPerBucket: BYTES_PER_BUCKET,
    }),
  };
}

/** Bytes on disk of one table or index (dbstat: pages in use, their unused space included). */
export interface TableBytes {
  name: string;
  bytes: number;
}

/** Bytes on disk per table and index, largest first (the bench's bytes per rig per table). */
export function storageBytesByTable(db: Db): TableBytes[] {
  return db.sqlite.prepare('select name, sum(pgsize) as bytes from dbstat group by name order by bytes desc').all() as TableBytes[];
}
