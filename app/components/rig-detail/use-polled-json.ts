'use client';
/**
 * Client hook: a JSON resource fetched now and again every `periodMs` while the page is open, each
 * address's last good answer kept (switching back to a range shows it at once while it refreshes).
 * A 404 is an answer ("not there"), not an error: the events route may not exist on an older server.
 */
import { useEffect, useRef, useState } from 'react';

/** Where a polled resource stands. */
export type PolledStatus = 'loading' | 'ok' | 'missing' | 'error';

/** The latest answer for the current address, and how the last request went. */
export interface Polled<T> {
  /** The last good answer for this address (possibly older than a failed refresh); null before one. */
  data: T | null;
  status: PolledStatus;
  /** Why the last request failed, in words, when status is 'error'. */
  error: string | null;
}

/** `initial`: what the server already rendered for an address, so the first request is not repeated. */
export function usePolledJson<T>(
  url: string,
  parse: (json: unknown) => T | null,
  periodMs: number,
  initial?: { url: string; data: T },
): Polled<T> {
  const [byUrl, setByUrl] = useState<Record<string, T>>(() => (initial ? { [initial.url]: initial.data } : {}));
  const [state, setState] = useState<{ url: string; status: PolledStatus; error: string | null }>(() => ({
    url: initial?.url ?? url,
    status: initial ? 'ok' : 'loading',
    error: null,
  }));
  const parseRef = useRef(parse);
  parseRef.current = parse;
  const skipFirst = useRef(initial?.url === url);

  useEffect(() => {
    const controller = new AbortController();
    const load = async () => {
      try {
        const res = await fetch(url, { cache: 'no-store', signal: controller.signal });
        if (res.status === 404) {
          setState({ url, status: 'missing', error: null });
          return;
        }
        if (!res.ok) throw new Error(`the server answered ${res.status}`);
        const data = parseRef.current(await res.json());
        if (data === null) throw new Error('the server answered something unexpected');
        setByUrl((prev) => ({ ...prev, [url]: data }));
        setState({ url, status: 'ok', error: null });
      } catch (err) {
        if (controller.signal.aborted) return;
        setState({ url, status: 'error', error: err instanceof Error ? err.message : String(err) });
      }
    };
    if (skipFirst.current) skipFirst.current = false;
    else {
      setState((prev) => (prev.url === url ? prev : { url, status: 'loading', error: null }));
      void load();
    }
    const timer = setInterval(() => void load(), periodMs);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [url, periodMs]);

  const current = state.url === url ? state : { status: 'loading' as const, error: null };
  return { data: byUrl[url] ?? null, status: current.status, error: current.error };
}
