/**
 * The web server's own look at the database's storage, every ~10 s (and on demand, cached): free space
 * (statfs on its folder), whether the file and folder can be written, whether the path still names the
 * file it opened (a deleted or replaced file stops the web's writes, file-identity.ts), and the storage
 * faults requests met lately. The banner on every page shows its verdict. One per process, on globalThis:
 * server.ts and Next's bundles (the root layout) share it, as they share the connection.
 */
import { accessSync, constants, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../db/client';
import { getAppDb } from '../db/app-db';
import { checkDbFile } from '../db/file-identity';
import { describeStorageFault, type StorageFault } from '../db/storage-fault';
import { storageVerdict, type StorageFacts, type StorageVerdict } from './storage-verdict';

/** How long a fault a request met keeps the banner up after it was last seen. */
export const RECENT_FAULT_MS = 60_000;

export interface StorageWatchDeps {
  db: Db;
  now?: () => number;
  /** How long a check is reused. Default 10 s. */
  everyMs?: number;
  statfs?: (dir: string) => { bavail: number; blocks: number; bsize: number };
  log?: (line: string) => void;
}

/** The cached facts and verdict, and where requests report the faults they met. */
export interface StorageWatch {
  /** The verdict, checked again when the last check is older than `everyMs`. */
  verdict(): StorageVerdict;
  /** Checks now (the server's timer). */
  check(): StorageVerdict;
  /** A request met this storage fault (logged once a minute per distinct cause). */
  noteFault(fault: StorageFault): void;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Why `path` cannot be written, or null. Root passes mode bits, so this sees a read-only mount, not a 0444 file. */
function notWritable(path: string): string | null {
  for (const p of [path, dirname(path)]) {
    try {
      accessSync(p, constants.W_OK);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // a missing file is the identity check's to report
      return errorText(err);
    }
  }
  return null;
}

export function createStorageWatch(deps: StorageWatchDeps): StorageWatch {
  const now = deps.now ?? Date.now;
  const everyMs = deps.everyMs ?? 10_000;
  const statfs = deps.statfs ?? statfsSync;
  const log = deps.log ?? console.error;
  const path = deps.db.path;
  let recent: { text: string; atMs: number } | null = null;
  const loggedAtMs = new Map<string, number>();
  let cached: { verdict: StorageVerdict; atMs: number } | null = null;

  function check(): StorageVerdict {
    const facts: StorageFacts = { dbPath: path, freeBytes: null, totalBytes: null, notWritable: null, replaced: null, recentFault: null };
    try {
      const s = statfs(dirname(path));
      facts.freeBytes = s.bavail * s.bsize;
      facts.totalBytes = s.blocks * s.bsize;
    } catch (err) {
      facts.recentFault = `cannot read the free space of ${dirname(path)}: ${errorText(err)}`;
    }
    facts.replaced = checkDbFile(deps.db)?.message ?? null;
    facts.notWritable = notWritable(path);
    if (recent && now() - recent.atMs < RECENT_FAULT_MS) facts.recentFault = recent.text;
    const verdict = storageVerdict(facts);
    if (verdict.message && verdict.message !== cached?.verdict.message) log(`web: storage: ${verdict.message}`);
    cached = { verdict, atMs: now() };
    return verdict;
  }

  return {
    check,
    verdict: () => (cached && now() - cached.atMs < everyMs ? cached.verdict : check()),
    noteFault(fault) {
      const text = describeStorageFault(path, fault);
      // A busy database is the writer's turn taking long, not storage failing: logged, no banner.
      if (fault.kind !== 'busy') recent = { text, atMs: now() };
      if (now() - (loggedAtMs.get(text) ?? -Infinity) < RECENT_FAULT_MS) return;
      loggedAtMs.set(text, now());
      log(`web: storage: ${text}`);
      if (fault.kind !== 'busy') cached = null; // show it on the next page
    },
  };
}

const KEY = Symbol.for('hashwatt.storageWatch');
type Holder = { [KEY]?: StorageWatch };

/** The web process's watch over its shared connection (created on first use). */
export function getStorageWatch(): StorageWatch {
  const holder = globalThis as Holder;
  holder[KEY] ??= createStorageWatch({ db: getAppDb() });
  return holder[KEY];
}
