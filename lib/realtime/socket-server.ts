/**
 * socket.io on the web server: snapshot + cursor + deltas. A client subscribes with its cursor and gets
 * the missed deltas as the acknowledgement (or `resync` when the log no longer holds them), then live ones.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Db } from '../db/client';
import { changesAfter, oldestChangeId, toDeltas } from '../db/queries/changes';
import { currentCursor, getFleetSnapshot } from '../db/queries/fleet';
import type { MarketPolicy } from '../db/queries/market';
import type { Backfill, ClientToServerEvents, Delta, ServerToClientEvents } from './contracts';

/** A client further behind than this reloads a snapshot instead of replaying. */
export const MAX_BACKFILL_ROWS = 5000;

/** Backfill for a client at `cursor`: the deltas after it, or resync when they are gone. Pure of sockets. */
export function backfillFrom(db: Db, cursor: number, market: MarketPolicy): Backfill {
  const latest = currentCursor(db);
  if (cursor > latest) return { deltas: [], resync: true }; // the database was replaced
  if (cursor === latest) return { deltas: [], resync: false };
  const oldest = oldestChangeId(db);
  if (oldest === null || cursor < oldest - 1 || latest - cursor > MAX_BACKFILL_ROWS) return { deltas: [], resync: true };
  return { deltas: toDeltas(db, changesAfter(db, cursor, MAX_BACKFILL_ROWS), market, Date.now()), resync: false };
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** Attaches socket.io to `http` and returns it with a `broadcast` for the tailer. */
export function attachRealtime(http: HttpServer, db: Db, market: MarketPolicy) {
  const io: RealtimeServer = new Server(http, { serveClient: false });
  io.on('connection', (socket) => {
    socket.on('subscribe', (req, ack) => {
      if (typeof ack !== 'function') return;
      if (req?.room !== 'fleet' || !Number.isInteger(req.cursor) || req.cursor < 0) {
        return ack({ ok: false, error: 'subscribe needs { room: "fleet", cursor: <non-negative integer> }' });
      }
      // Join first, then read: a delta committed in between arrives twice and the client drops it by id.
      void socket.join('fleet');
      try {
        ack({ ok: true, data: backfillFrom(db, req.cursor, market) });
      } catch (err) {
        ack({ ok: false, error: `backfill failed: ${err instanceof Error ? err.message : String(err)}` });
      }
    });
    socket.on('snapshot', (ack) => {
      if (typeof ack !== 'function') return;
      try {
        ack({ ok: true, data: getFleetSnapshot(db, Date.now(), market) });
      } catch (err) {
        ack({ ok: false, error: `snapshot failed: ${err instanceof Error ? err.message : String(err)}` });
      }
    });
  });
  return {
    io,
    broadcast: (deltas: Delta[]) => io.to('fleet').emit('deltas', deltas),
  };
}
