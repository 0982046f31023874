'use client';
/**
 * The /rigs table's rows, from the server: the page the query asks for, fetched again from GET
 * /api/rigs/page when the query changes (a keystroke waits SETTLE_MS for the next) and when live data
 * arrives (`liveTick` changes). A new query drops the answer to the old one; live data arriving while a
 * fetch is out does not (a sweep's deltas come in bursts, and on a busy server each burst would otherwise
 * cancel the fetch before it answers, so the rows would never refresh): the page is asked for once more
 * when that fetch is in. A failed fetch keeps the rows on screen and says so.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { callApi } from '../alerts/api-client';
import type { RigPageReply } from './rig-page';

/** How long a query or a burst of deltas must be quiet before the page is fetched. */
const SETTLE_MS = 150;

/** The page on screen, whether a newer one is on its way, and the last fetch's error (null when it worked). */
export interface RigPageState {
  reply: RigPageReply;
  loading: boolean;
  error: string | null;
}

interface Wanted {
  query: string;
  liveTick: number;
}

/** The page for `query` (the /api/rigs/page query string), refreshed when `liveTick` changes. */
export function useRigPage(initial: RigPageReply, query: string, liveTick: number): RigPageState {
  const [state, setState] = useState<RigPageState>({ reply: initial, loading: false, error: null });
  // The server rendered the first query's page: nothing to fetch until the query or the live data moves on.
  const shown = useRef<Wanted>({ query, liveTick });
  const wanted = useRef<Wanted>({ query, liveTick });
  wanted.current = { query, liveTick };
  const running = useRef<(Wanted & { abort: AbortController }) | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const fetchNow = useCallback(() => {
    const asked = wanted.current;
    const abort = new AbortController();
    running.current = { ...asked, abort };
    setState((s) => ({ ...s, loading: true }));
    void callApi<RigPageReply>('GET', `/api/rigs/page${asked.query ? `?${asked.query}` : ''}`, undefined, abort.signal).then((res) => {
      if (abort.signal.aborted) return;
      running.current = null;
      shown.current = asked;
      setState((s) => (res.ok ? { reply: res.data, loading: false, error: null } : { ...s, loading: false, error: res.error }));
      // Live data (or the query) moved on while this was out: ask once more.
      if (wanted.current.query !== asked.query || wanted.current.liveTick !== asked.liveTick) schedule();
    });
    // schedule is declared below; both only read refs, so the first render's pair serves every render.
  }, []);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      if (!running.current) fetchNow();
    }, SETTLE_MS);
  }, [fetchNow]);

  useEffect(() => {
    if (shown.current.query === query && shown.current.liveTick === liveTick) return;
    const out = running.current;
    if (out && out.query !== query) {
      out.abort.abort();
      running.current = null;
    }
    if (!running.current) schedule();
  }, [query, liveTick, schedule]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      running.current?.abort.abort();
    },
    [],
  );

  return state;
}
