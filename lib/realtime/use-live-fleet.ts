'use client';
/**
 * Client hook: starts from a server-rendered snapshot (no cells, few or no rigs), subscribes to the fleet
 * from its cursor with the rigs on screen, takes every heat-map cell from the reply, merges deltas by id,
 * backfills after every reconnect, and tells the server when the rigs on screen change; reloads the page
 * when the server says the viewer's access changed.
 */
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { MAX_WATCHED_RIGS, type ClientToServerEvents, type Delta, type FleetSnapshot, type ServerToClientEvents } from '../views/contracts';
import { applyDeltas, applyWatch } from './merge';

/** Socket state as shown to the operator. */
export type LinkState = 'connecting' | 'live' | 'reconnecting';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const NONE: readonly number[] = [];

/**
 * Live view of the fleet: the merged snapshot and the link state. `watch`: ids of the rigs whose full
 * views (and economics) the page shows; the first MAX_WATCHED_RIGS are streamed.
 */
export function useLiveFleet(initial: FleetSnapshot, watch: readonly number[] = NONE): { snapshot: FleetSnapshot; link: LinkState } {
  const [snapshot, setSnapshot] = useState(initial);
  const [link, setLink] = useState<LinkState>('connecting');
  const current = useRef(initial);
  const socketRef = useRef<ClientSocket | null>(null);
  const watchKey = watch.slice(0, MAX_WATCHED_RIGS).join(',');
  const watched = useRef<number[]>([]);
  watched.current = watchKey === '' ? [] : watchKey.split(',').map(Number);

  useEffect(() => {
    const socket: ClientSocket = io({ transports: ['websocket', 'polling'] });
    socketRef.current = socket;
    // Live deltas that arrive while a backfill is outstanding wait here, so ids are applied in order.
    let pending: Delta[] | null = null;

    const commit = (next: FleetSnapshot) => {
      current.current = next;
      setSnapshot(next);
    };
    const reloadSnapshot = () => {
      socket.emit('snapshot', { watch: watched.current }, (res) => {
        if (res.ok) commit(res.data);
      });
    };
    const apply = (deltas: Delta[]) => {
      const merged = applyDeltas(current.current, deltas);
      if (merged.snapshot !== current.current) commit(merged.snapshot);
      if (merged.resync) reloadSnapshot();
    };

    socket.on('connect', () => {
      pending = [];
      socket.emit('subscribe', { room: 'fleet', cursor: current.current.cursor, watch: watched.current }, (res) => {
        const buffered = pending ?? [];
        pending = null;
        if (!res.ok) {
          setLink('reconnecting');
          return;
        }
        if (res.data.resync) reloadSnapshot();
        else apply(res.data.deltas);
        apply(buffered);
        setLink('live');
      });
    });
    socket.on('deltas', (batch) => {
      if (pending) pending.push(...batch);
      else apply(batch);
    });
    // The server closes a socket whose access changed (narrowed, demoted, signed out, token revoked):
    // what is on screen was for the old access, so load the page again (the server decides what it shows).
    let accessChanged = false;
    socket.on('access-changed', () => {
      accessChanged = true;
      window.location.reload();
    });
    socket.on('disconnect', (reason) => {
      setLink('reconnecting');
      // A server shutting down disconnects its sockets itself, and socket.io does not retry after a
      // server-side disconnect: ask again, so the page comes back on its own after a restart.
      if (reason === 'io server disconnect' && !accessChanged) socket.connect();
    });
    socket.io.on('reconnect_attempt', () => setLink('reconnecting'));
    return () => {
      socketRef.current = null;
      socket.disconnect();
    };
  }, []);

  // The rigs on screen changed: tell the server (a subscribe after a reconnect sends them itself).
  const firstWatch = useRef(true);
  useEffect(() => {
    if (firstWatch.current) {
      firstWatch.current = false;
      return;
    }
    const socket = socketRef.current;
    if (!socket?.connected) return;
    socket.emit('watch', watched.current, (res) => {
      if (!res.ok) return;
      const next = applyWatch(current.current, res.data.rigs, res.data.economics);
      current.current = next;
      setSnapshot(next);
    });
  }, [watchKey]);

  return { snapshot, link };
}
