/**
 * socket.io on the web server: snapshot + cursor + deltas. A client subscribes with its cursor and gets
 * the missed deltas as the acknowledgement (or `resync` when the log no longer holds them), then live ones.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import { Server } from 'socket.io';
import type { Authenticated } from '../auth/roles';
import type { Db } from '../db/client';
import { changesAfter, oldestChangeId, toDeltas } from '../db/queries/changes';
import { currentCursor, getFleetSnapshot } from '../db/queries/fleet';
import type { MarketPolicy } from '../db/queries/market';
import type { Backfill, ClientToServerEvents, Delta, ServerToClientEvents } from '../views/contracts';
import { scopedStream, type ScopedStream } from '../views/scope';
import { sameAccess } from '../auth/site-scope';

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

interface SocketData {
  principal: Authenticated;
  scope: ScopedStream;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Who a handshake belongs to (the web server's gate), or why it is refused; `retryable` when the database was unavailable, not the credentials wrong. */
export type AuthorizeHandshake = (req: IncomingMessage) => { principal: Authenticated } | { error: string; retryable?: true };

/**
 * How often every open socket is authorized again even without an access change in the log (a session
 * that expired or was signed out elsewhere writes none); changes of users and tokens recheck at once.
 */
export const RECHECK_MS = 10_000;

/** Why a socket that connected as `connected` may no longer stream, or null while it may (a busy database is no reason). */
export function revocationReason(connected: Authenticated, now: ReturnType<AuthorizeHandshake>): string | null {
  if ('error' in now) return now.retryable ? null : now.error;
  if (sameAccess(connected, now.principal)) return null;
  const sites = (p: Authenticated) => (p.siteIds === null ? 'every site' : `sites ${p.siteIds.join(',')}`);
  return `access changed: ${connected.role} of ${sites(connected)} is now ${now.principal.role} of ${sites(now.principal)}`;
}

/**
 * Attaches socket.io to `http` and returns it with a `broadcast` for the tailer and a `recheck` for
 * access changes. Every connection must pass `authorize`; sockets limited to some sites get their own
 * filtered stream. A socket whose principal changes in any way (role, sites) or ends is told why
 * ('access-changed') and closed: its stream was cut for the principal it connected as.
 */
export function attachRealtime(
  http: HttpServer | HttpsServer,
  db: Db,
  market: MarketPolicy,
  authorize: AuthorizeHandshake,
  recheckMs = RECHECK_MS,
) {
  const io: RealtimeServer = new Server(http, {
    serveClient: false,
    allowRequest: (req, callback) => {
      const result = authorize(req);
      callback('error' in result ? result.error : null, !('error' in result));
    },
  });
  io.use((socket, next) => {
    const result = authorize(socket.request);
    if ('error' in result) return next(new Error(result.error));
    socket.data.principal = result.principal;
    socket.data.scope = scopedStream(result.principal.siteIds);
    next();
  });
  const recheck = () => {
    for (const socket of io.sockets.sockets.values()) {
      const reason = revocationReason(socket.data.principal, authorize(socket.request));
      if (reason === null) continue;
      socket.emit('access-changed', reason);
      socket.disconnect(true);
    }
  };
  const timer = setInterval(recheck, recheckMs);
  timer.unref();
  io.engine.on('close', () => clearInterval(timer));
  io.on('connection', (socket) => {
    const room = socket.data.principal.siteIds === null ? 'fleet' : 'fleet-scoped';
    socket.on('subscribe', (req, ack) => {
      if (typeof ack !== 'function') return;
      if (req?.room !== 'fleet' || !Number.isInteger(req.cursor) || req.cursor < 0) {
        return ack({ ok: false, error: 'subscribe needs { room: "fleet", cursor: <non-negative integer> }' });
      }
      // Join first, then read: a delta committed in between arrives twice and the client drops it by id.
      void socket.join(room);
      try {
        const backfill = backfillFrom(db, req.cursor, market);
        ack({ ok: true, data: { ...backfill, deltas: socket.data.scope.deltas(backfill.deltas) } });
      } catch (err) {
        ack({ ok: false, error: `backfill failed: ${err instanceof Error ? err.message : String(err)}` });
      }
    });
    socket.on('snapshot', (ack) => {
      if (typeof ack !== 'function') return;
      try {
        ack({ ok: true, data: socket.data.scope.snapshot(getFleetSnapshot(db, Date.now(), market)) });
      } catch (err) {
        ack({ ok: false, error: `snapshot failed: ${err instanceof Error ? err.message : String(err)}` });
      }
    });
  });
  return {
    io,
    stop: () => clearInterval(timer),
    /** Authorizes every open socket again now (the tailer saw an access change). */
    recheck,
    broadcast: (deltas: Delta[]) => {
      io.to('fleet').emit('deltas', deltas);
      for (const socket of io.sockets.sockets.values()) {
        if (socket.rooms.has('fleet-scoped')) socket.emit('deltas', socket.data.scope.deltas(deltas));
      }
    },
  };
}
