'use client';
/**
 * Client hook: starts from a server-rendered snapshot, subscribes to the fleet room from its cursor,
 * merges deltas by id, and backfills after every reconnect; reloads the page when the server says the
 * viewer's access changed.
 */
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, Delta, FleetSnapshot, ServerToClientEvents } from '../views/contracts';
import { applyDeltas } from './merge';

/** Socket state as shown to the operator. */
export type LinkState = 'connecting' | 'live' | 'reconnecting';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Live view of the fleet: the merged snapshot and the link state. */
export function useLiveFleet(initial: FleetSnapshot): { snapshot: FleetSnapshot; link: LinkState } {
  const [snapshot, setSnapshot] = useState(initial);
  const [link, setLink] = useState<LinkState>('connecting');
  const current = useRef(initial);

  useEffect(() => {
    const socket: ClientSocket = io({ transports: ['websocket', 'polling'] });
    // Live deltas that arrive while a backfill is outstanding wait here, so ids are applied in order.
    let pending: Delta[] | null = null;

    const commit = (next: FleetSnapshot) => {
      current.current = next;
      setSnapshot(next);
    };
    const reloadSnapshot = () => {
      socket.emit('snapshot', (res) => {
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
      socket.emit('subscribe', { room: 'fleet', cursor: current.current.cursor }, (res) => {
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
      socket.disconnect();
    };
  }, []);

  return { snapshot, link };
}
