/**
 * socket.io on the web server: snapshot + cursor + deltas. A client subscribes with its cursor (and the
 * rigs on its screen) and gets the missed deltas and every heat-map cell as the acknowledgement (or
 * `resync` when the log no longer holds them), then live batches: the shared deltas, and a summary with
 * only the cells that changed and the full views of the rigs it watches.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import { Server, type Socket } from 'socket.io';
import type { Authenticated } from '../auth/roles';
import type { Db } from '../db/client';
import { changesAfter, oldestChangeId, toDeltas } from '../db/queries/changes';
import { currentCursor, getFleetSnapshot } from '../db/queries/fleet';
import { economicsFor, rigEconomics } from '../db/queries/live-economics';
import { latestEconomicsSweepId } from '../db/queries/economics';
import type { MarketPolicy } from '../domain/market-policy';
import { rigViewsByIds } from '../db/queries/rigs';
import { readTransaction } from '../db/transactions';
import type { RigCell } from '../domain/rig-cell';
import {
  MAX_WATCHED_RIGS,
  type Backfill,
  type ClientToServerEvents,
  type Delta,
  type ServerToClientEvents,
  type SummaryDelta,
  type WatchReply,
} from '../views/contracts';
import { scopedStream, type ScopedStream } from '../views/scope';
import { sameAccess } from '../auth/site-scope';
import { encodeCell } from './cells-wire';
import { readFrame, type FleetFrame } from './live-state';
import type { LiveBatch } from './tailer';

/** A client further behind than this reloads a snapshot instead of replaying. */
export const MAX_BACKFILL_ROWS = 5000;

/** A summary delta of `frame` with `cells` (every cell when `full`). */
function summaryOf(frame: FleetFrame, cells: readonly RigCell[], full: boolean, tsMs: number): SummaryDelta {
  return {
    id: frame.cursor,
    tsMs,
    kind: 'summary',
    fleet: frame.fleet,
    counts: frame.counts,
    sites: frame.sites,
    full,
    cells: cells.map(encodeCell),
    rigs: [],
    point: frame.point,
  };
}

/**
 * Backfill for a client at `cursor` watching `watch` (already checked against its sites), read in one
 * transaction: the deltas after it, then the economics and a full summary at the log's end; or resync when
 * they are gone. `cached` is the tailer's latest frame, used when it is at that end. Pure of sockets.
 */
export function backfillFrom(
  db: Db,
  cursor: number,
  market: MarketPolicy,
  watch: readonly number[] = [],
  cached: FleetFrame | null = null,
  nowMs = Date.now(),
): Backfill {
  return readTransaction(db, () => {
    const latest = currentCursor(db);
    if (cursor > latest) return { deltas: [], resync: true }; // the database was replaced
    const oldest = oldestChangeId(db);
    if (cursor < latest && (oldest === null || cursor < oldest - 1 || latest - cursor > MAX_BACKFILL_ROWS))
      return { deltas: [], resync: true };
    const deltas = cursor < latest ? toDeltas(db, changesAfter(db, cursor, MAX_BACKFILL_ROWS), market, nowMs) : [];
    const frame = cached && cached.cursor === latest ? cached : readFrame(db, latest, nowMs);
    const economics = economicsFor(db, watch);
    const summary = { ...summaryOf(frame, frame.cells, true, nowMs), rigs: rigViewsByIds(db, watch) };
    return {
      deltas: [...deltas.filter((d) => d.kind !== 'economics'), { id: latest, tsMs: nowMs, kind: 'economics', economics }, summary],
      resync: false,
    };
  });
}

interface SocketData {
  principal: Authenticated;
  scope: ScopedStream;
  /** Rigs on the socket's screen, checked against its sites. */
  watched: number[];
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

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

/** Rooms: 'fleet' holds whole-fleet sockets that watch nothing (one encoded emit serves them all); 'own' every other subscribed socket. */
const SHARED = 'fleet';
const OWN = 'own';

/** The ids of a watch request, or why it is refused. */
export function watchIdsOf(ids: unknown): number[] | string {
  if (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id) && id > 0))
    return 'watch needs an array of rig ids (positive integers)';
  if (ids.length > MAX_WATCHED_RIGS) return `watch takes at most ${MAX_WATCHED_RIGS} rigs (got ${ids.length})`;
  return [...new Set(ids as number[])];
}

/**
 * Attaches socket.io to `http` and returns it with a `broadcast` for the tailer's batches, the rigs watched
 * by any socket, and a `recheck` for access changes. Every connection must pass `authorize`; sockets
 * limited to some sites get their own filtered stream. A socket whose principal changes in any way (role,
 * sites) or ends is told why ('access-changed') and closed: its stream was cut for the principal it
 * connected as. `frame` gives the tailer's latest frame for subscribe replies.
 */
export function attachRealtime(
  http: HttpServer | HttpsServer,
  db: Db,
  market: MarketPolicy,
  authorize: AuthorizeHandshake,
  recheckMs = RECHECK_MS,
  frame: () => FleetFrame | null = () => null,
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
    socket.data.watched = [];
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
  /** Keeps only the ids of rigs in the socket's sites. */
  const allowedIds = (socket: RealtimeSocket, ids: readonly number[]) => {
    const sites = socket.data.scope.siteIds;
    return sites === null
      ? rigViewsByIds(db, ids).map((r) => r.id)
      : rigViewsByIds(db, ids)
          .filter((r) => sites.has(r.siteId))
          .map((r) => r.id);
  };
  const place = (socket: RealtimeSocket) => {
    const shared = socket.data.scope.siteIds === null && socket.data.watched.length === 0;
    void socket.join(shared ? SHARED : OWN);
    void socket.leave(shared ? OWN : SHARED);
  };
  io.on('connection', (socket) => {
    socket.on('subscribe', (req, ack) => {
      if (typeof ack !== 'function') return;
      if (req?.room !== 'fleet' || !Number.isInteger(req.cursor) || req.cursor < 0) {
        return ack({ ok: false, error: 'subscribe needs { room: "fleet", cursor: <non-negative integer> }' });
      }
      const ids = watchIdsOf(req.watch ?? []);
      if (typeof ids === 'string') return ack({ ok: false, error: ids });
      try {
        socket.data.watched = allowedIds(socket, ids);
        // Join first, then read: a delta committed in between arrives twice and the client drops it by id.
        place(socket);
        const backfill = backfillFrom(db, req.cursor, market, socket.data.watched, frame());
        ack({ ok: true, data: { ...backfill, deltas: socket.data.scope.deltas(backfill.deltas) } });
      } catch (err) {
        ack({ ok: false, error: `backfill failed: ${err instanceof Error ? err.message : String(err)}` });
      }
    });
    socket.on('watch', (ids, ack) => {
      if (typeof ack !== 'function') return;
      const checked = watchIdsOf(ids);
      if (typeof checked === 'string') return ack({ ok: false, error: checked });
      try {
        const reply = readTransaction(db, (): WatchReply => {
          const allowed = allowedIds(socket, checked);
          socket.data.watched = allowed;
          return { rigs: rigViewsByIds(db, allowed), economics: rigEconomics(db, allowed, latestEconomicsSweepId(db)) };
        });
        if (socket.rooms.has(SHARED) || socket.rooms.has(OWN)) place(socket);
        ack({ ok: true, data: reply });
      } catch (err) {
        ack({ ok: false, error: `watch failed: ${err instanceof Error ? err.message : String(err)}` });
      }
    });
    socket.on('snapshot', (req, ack) => {
      // An older page sends only the callback.
      const reply = typeof req === 'function' ? (req as typeof ack) : ack;
      if (typeof reply !== 'function') return;
      try {
        const snapshot = getFleetSnapshot(db, Date.now(), market, { rigs: socket.data.watched, cells: true });
        reply({ ok: true, data: socket.data.scope.snapshot(snapshot) });
      } catch (err) {
        reply({ ok: false, error: `snapshot failed: ${err instanceof Error ? err.message : String(err)}` });
      }
    });
  });
  return {
    io,
    stop: () => clearInterval(timer),
    /** Authorizes every open socket again now (the tailer saw an access change). */
    recheck,
    /** Every rig some socket watches (the tailer reads their views once per batch). */
    watchedIds: function* () {
      for (const socket of io.sockets.sockets.values()) yield* socket.data.watched ?? [];
    },
    broadcast: (batch: LiveBatch) => {
      const tsMs = Date.now();
      const summary = batch.frame ? summaryOf(batch.frame, batch.changed, false, tsMs) : null;
      const shared: Delta[] = summary ? [...batch.deltas, summary] : batch.deltas;
      if (shared.length > 0) io.to(SHARED).emit('deltas', shared);
      for (const socket of io.sockets.sockets.values()) {
        if (!socket.rooms.has(OWN)) continue;
        const own = shared.map((d): Delta => {
          if (d.kind === 'summary') return { ...d, rigs: socket.data.watched.flatMap((id) => batch.watched.views.get(id) ?? []) };
          if (d.kind === 'economics') {
            const rigs = Object.fromEntries(
              socket.data.watched.flatMap((id) => (batch.watched.economics.has(id) ? [[id, batch.watched.economics.get(id)!]] : [])),
            );
            return { ...d, economics: { ...d.economics, rigs } };
          }
          return d;
        });
        const scoped = socket.data.scope.deltas(own);
        if (scoped.length > 0) socket.emit('deltas', scoped);
      }
    },
  };
}
