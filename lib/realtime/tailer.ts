/**
 * Follows the changes log on its own connection: when PRAGMA data_version moves (another connection
 * committed), read changes with id > cursor and hand them on as one batch: the deltas every browser shares,
 * and, when the rows may have moved a heat-map cell, the fleet frame at the batch's end with the cells that
 * changed since the last frame (computed once here, not per socket) and the watched rigs' views. All of it
 * is read in one read transaction, so a frame is exactly the state at its cursor. Commit first, then
 * broadcast: nothing reaches a browser that is not in the database. An 'access' change (a user or token
 * changed, lib/db/mutations/access-changes) is no delta: it calls `onAccessChange`, so open sockets are
 * re-authorized at once.
 */
import type { Db } from '../db/client';
import { changesAfter, toDeltas, touchesCells } from '../db/queries/changes';
import { currentCursor } from '../db/queries/fleet';
import { latestEconomicsSweepId } from '../db/queries/economics';
import { rigEconomics } from '../db/queries/live-economics';
import type { MarketPolicy } from '../domain/market-policy';
import { rigViewsByIds } from '../db/queries/rigs';
import { readTransaction } from '../db/transactions';
import type { RigCell } from '../domain/rig-cell';
import type { Delta, EconomicsView, RigView } from '../views/contracts';
import { cellIndex, changedCells, readFrame, type FleetFrame } from './live-state';

/** What one poll hands on. */
export interface LiveBatch {
  /** Last change id read. */
  cursor: number;
  /** The deltas every browser shares (before scope). */
  deltas: Delta[];
  /** The fleet at `cursor` and the cells that changed since the previous frame; null when no cell can have moved. */
  frame: FleetFrame | null;
  changed: RigCell[];
  /** Views and (when the batch has economics) economics now of every rig some socket watches. */
  watched: { views: Map<number, RigView>; economics: Map<number, EconomicsView> };
}

export interface Tailer {
  /** Last change id handed on. */
  cursor(): number;
  /** The latest frame (the state at its cursor), for subscribe replies. */
  frame(): FleetFrame;
  /** Reads new changes now (also called by the timer). */
  poll(): void;
  stop(): void;
}

const BATCH = 2000;

/** Starts tailing from the current end of the log, checking every `intervalMs`. */
export function startTailer(
  db: Db,
  market: MarketPolicy,
  onBatch: (batch: LiveBatch) => void,
  intervalMs = 300,
  onAccessChange: () => void = () => {},
  watchedIds: () => Iterable<number> = () => [],
): Tailer {
  let frame = readTransaction(db, () => readFrame(db, currentCursor(db), Date.now()));
  let cells = cellIndex(frame.cells);
  let cursor = frame.cursor;
  let dataVersion = -1;
  const read = (): (LiveBatch & { access: boolean }) | null =>
    readTransaction(db, () => {
      const rows = [];
      for (;;) {
        const page = changesAfter(db, rows.length ? rows[rows.length - 1].id : cursor, BATCH);
        rows.push(...page);
        if (page.length < BATCH) break;
      }
      if (rows.length === 0) return null;
      const last = rows[rows.length - 1].id;
      const nowMs = Date.now();
      const deltas = toDeltas(db, rows, market, nowMs);
      let next: FleetFrame | null = null;
      let changed: RigCell[] = [];
      const watched = { views: new Map<number, RigView>(), economics: new Map<number, EconomicsView>() };
      if (touchesCells(rows)) {
        next = readFrame(db, last, nowMs);
        changed = changedCells(cells, next.cells);
        const ids = [...new Set(watchedIds())];
        for (const v of rigViewsByIds(db, ids)) watched.views.set(v.id, v);
        if (rows.some((r) => r.kind === 'economics'))
          for (const [id, e] of Object.entries(rigEconomics(db, ids, latestEconomicsSweepId(db)))) watched.economics.set(Number(id), e);
      }
      return { cursor: last, deltas, frame: next, changed, watched, access: rows.some((r) => r.kind === 'access') };
    });
  const poll = () => {
    const version = db.sqlite.pragma('data_version', { simple: true }) as number;
    if (version === dataVersion) return;
    dataVersion = version;
    const batch = read();
    if (!batch) return;
    cursor = batch.cursor;
    if (batch.frame) {
      frame = batch.frame;
      cells = cellIndex(frame.cells);
    } else frame = { ...frame, cursor: batch.cursor };
    if (batch.deltas.length > 0 || batch.frame) onBatch(batch);
    if (batch.access) onAccessChange();
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
  return { cursor: () => cursor, frame: () => frame, poll, stop: () => clearInterval(timer) };
}
