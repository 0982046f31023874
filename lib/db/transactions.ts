/**
 * The two ways this codebase opens a transaction (a test keeps every other `.transaction(` out).
 *
 * A transaction that writes takes the write lock at BEGIN (IMMEDIATE). A deferred one that reads and then
 * writes fails with SQLITE_BUSY at once under WAL when another connection holds or took the lock since
 * its read, whatever busy_timeout says: SQLite cannot make it wait without risking a deadlock. IMMEDIATE
 * waits its turn, up to busy_timeout (5 s), at BEGIN, before anything was read.
 *
 * busy_timeout is the wait; the bounded retry here covers the BUSY that SQLite returns without waiting
 * (WAL recovery by another connection, a lock released and retaken in between), and never stacks a
 * second full wait on top of a first: a BUSY after `retryWithinMs` is thrown for the caller to answer
 * (the web: 503 with Retry-After; the collector: hold the sweep and try again at the next one).
 */
import type { Db } from './client';
import { checkDbFile } from './file-identity';
import { isBusyError, storageFaultOf } from './storage-fault';

/** How hard writeTransaction tries before it throws the BUSY error. */
export interface BusyRetry {
  /** Attempts in all, the first included. Default 4. */
  attempts: number;
  /** Pause before the n-th retry: `pauseMs * 2^(n-1)`. Default 10 ms. */
  pauseMs: number;
  /** No retry once this long has passed since the first attempt (a full busy_timeout was waited). Default 1 s. */
  retryWithinMs: number;
}

export const DEFAULT_BUSY_RETRY: BusyRetry = { attempts: 4, pauseMs: 10, retryWithinMs: 1000 };

const pauseCell = new Int32Array(new SharedArrayBuffer(4));
/** A synchronous pause: better-sqlite3 is synchronous, and a transaction must never span an await. */
const pauseSync = (ms: number) => Atomics.wait(pauseCell, 0, 0, ms);

/**
 * Runs `fn` in an IMMEDIATE transaction (committed when it returns, rolled back when it throws), retrying
 * a BUSY within the bounds of `retry`. Inside another transaction it is a savepoint of that one, whose
 * own retry covers it. First checks that the path still names the file opened: when it was deleted or
 * replaced, writes stop (a transaction that writes nothing still runs) and a write throws
 * DatabaseReplacedError, naming the path.
 */
export function writeTransaction<T>(db: Db, fn: () => T, retry: BusyRetry = DEFAULT_BUSY_RETRY, now: () => number = Date.now): T {
  if (db.sqlite.inTransaction) return db.sqlite.transaction(fn)();
  const replaced = checkDbFile(db);
  const tx = db.sqlite.transaction(fn);
  const startMs = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return tx.immediate();
    } catch (err) {
      if (replaced && storageFaultOf(err)?.kind === 'read-only') throw replaced;
      if (!isBusyError(err) || attempt >= retry.attempts || now() - startMs >= retry.retryWithinMs) throw err;
      pauseSync(retry.pauseMs * 2 ** (attempt - 1));
    }
  }
}

/** Runs `fn`, which only reads, in one deferred transaction: its reads see one consistent snapshot. */
export function readTransaction<T>(db: Db, fn: () => T): T {
  return db.sqlite.transaction(fn).deferred();
}
