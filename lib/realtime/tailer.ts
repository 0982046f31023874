/**
 * Follows the changes log on its own connection: when PRAGMA data_version moves (another connection
 * committed), read changes with id > cursor and hand them on as typed deltas. Commit first, then
 * broadcast: nothing reaches a browser that is not in the database. An 'access' change (a user or token
 * changed, lib/db/mutations/access-changes) is no delta: it calls `onAccessChange`, so open sockets are
 * re-authorized at once.
 */
import type { Db } from '../db/client';
import { changesAfter, toDeltas } from '../db/queries/changes';
import { currentCursor } from '../db/queries/fleet';
import type { MarketPolicy } from '../db/queries/market';
import type { Delta } from '../views/contracts';

export interface Tailer {
  /** Last change id handed on. */
  cursor(): number;
  /** Reads new changes now (also called by the timer). */
  poll(): void;
  stop(): void;
}

const BATCH = 2000;

/** Starts tailing from the current end of the log, checking every `intervalMs`. */
export function startTailer(
  db: Db,
  market: MarketPolicy,
  onDeltas: (deltas: Delta[]) => void,
  intervalMs = 300,
  onAccessChange: () => void = () => {},
): Tailer {
  let cursor = currentCursor(db);
  let dataVersion = -1;
  const poll = () => {
    const version = db.sqlite.pragma('data_version', { simple: true }) as number;
    if (version === dataVersion) return;
    dataVersion = version;
    for (;;) {
      const rows = changesAfter(db, cursor, BATCH);
      if (rows.length === 0) return;
      cursor = rows[rows.length - 1].id;
      const deltas = toDeltas(db, rows, market, Date.now());
      if (deltas.length > 0) onDeltas(deltas);
      if (rows.some((r) => r.kind === 'access')) onAccessChange();
      if (rows.length < BATCH) return;
    }
  };
  const timer = setInterval(() => {
    try {
      poll();
    } catch (err) {
      console.error(`tailer: ${err instanceof Error ? err.message : String(err)}`);
      dataVersion = -1; // retry on the next tick
    }
  }, intervalMs);
  timer.unref();
  return { cursor: () => cursor, poll, stop: () => clearInterval(timer) };
}
