'use client';
/**
 * The /rigs table's rows, from the server: the page the query asks for, fetched again from GET
 * /api/rigs/page when the query changes (a keystroke waits QUERY_SETTLE_MS for the next) and when live
 * data arrives (`liveTick` changes: a sweep's deltas come in bursts, so it waits a moment too). An answer
 * to an older question is dropped, and a failed fetch keeps the rows on screen and says so.
 */
import { useEffect, useRef, useState } from 'react';
import { callApi } from '../alerts/api-client';
import type { RigPageReply } from './rig-page';

/** How long a query or a burst of deltas must be quiet before the page is fetched. */
const QUERY_SETTLE_MS = 250;

/** The page on screen, whether a newer one is on its way, and the last fetch's error (null when it worked). */
export interface RigPageState {
  reply: RigPageReply;
  loading: boolean;
  error: string | null;
}

/** The page for `query` (the /api/rigs/page query string), refreshed when `liveTick` changes. */
export function useRigPage(initial: RigPageReply, query: string, liveTick: number): RigPageState {
  const [state, setState] = useState<RigPageState>({ reply: initial, loading: false, error: null });
  // The server rendered the first query's page: fetch only when the query or the live data moves on.
  const first = useRef({ query, liveTick });

  useEffect(() => {
    if (first.current.query === query && first.current.liveTick === liveTick) return;
    first.current = { query: '\u0000', liveTick: -1 };
    const abort = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      void callApi<RigPageReply>('GET', `/api/rigs/page${query ? `?${query}` : ''}`, undefined, abort.signal).then((res) => {
        if (abort.signal.aborted) return;
        if (res.ok) setState({ reply: res.data, loading: false, error: null });
        else setState((s) => ({ ...s, loading: false, error: res.error }));
      });
    }, QUERY_SETTLE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query, liveTick]);

  return state;
}
