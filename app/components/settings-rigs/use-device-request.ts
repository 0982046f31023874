'use client';
/**
 * Starts a probe or scan (POST /api/rigs/requests) and follows it (GET /api/rigs/requests/{id}) until the
 * collector marks it done or failed, exposing progress as it comes. A request nobody picks up within 30 s
 * means the collector is not running, and the screen says so rather than spinning for ever.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeviceRequestInput, DeviceRequestView, ProbeResult, ScanProgress, ScanResult } from '../../../lib/rigs/device-request-types';
import { callApi } from '../alerts/api-client';

/** How often the request is re-read, and how long it may stay pending before the screen gives up. */
const POLL_MS = 400;
const PENDING_TIMEOUT_MS = 30_000;

/** Where a request stands, as a form shows it. */
export type DeviceRequestState =
  | { phase: 'idle' }
  | { phase: 'invalid'; errors: string[] }
  | { phase: 'waiting'; id: number | null; progress: ScanProgress | null }
  | { phase: 'done'; result: ProbeResult | ScanResult }
  | { phase: 'failed'; error: string };

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The request's state and a function to start one (a new start replaces the one before). */
export function useDeviceRequest(): { state: DeviceRequestState; start: (input: DeviceRequestInput) => Promise<void>; reset: () => void } {
  const [state, setState] = useState<DeviceRequestState>({ phase: 'idle' });
  const generation = useRef(0);
  useEffect(
    () => () => {
      generation.current++; // unmounted: stop polling
    },
    [],
  );

  const start = useCallback(async (input: DeviceRequestInput) => {
    const mine = ++generation.current;
    const current = () => generation.current === mine;
    setState({ phase: 'waiting', id: null, progress: null });
    const res = await callApi<{ request: DeviceRequestView }>('POST', '/api/rigs/requests', input);
    if (!current()) return;
    if (!res.ok) {
      setState(
        res.status === 400 && res.errors.length > 0 ? { phase: 'invalid', errors: res.errors } : { phase: 'failed', error: res.error },
      );
      return;
    }
    const id = res.data.request.id;
    const startedMs = Date.now();
    for (;;) {
      await wait(POLL_MS);
      if (!current()) return;
      const poll = await callApi<{ request: DeviceRequestView }>('GET', `/api/rigs/requests/${id}`);
      if (!current()) return;
      if (!poll.ok) {
        if (poll.status === 404) return setState({ phase: 'failed', error: poll.error });
        continue; // a blip: keep asking
      }
      const r = poll.data.request;
      if (r.status === 'done' && r.result) return setState({ phase: 'done', result: r.result });
      if (r.status === 'failed') return setState({ phase: 'failed', error: r.error ?? 'the request failed' });
      if (r.status === 'pending' && Date.now() - startedMs > PENDING_TIMEOUT_MS) {
        return setState({
          phase: 'failed',
          error: `the collector did not pick the request up within ${PENDING_TIMEOUT_MS / 1000} s; is it running?`,
        });
      }
      setState({ phase: 'waiting', id, progress: r.progress });
    }
  }, []);

  const reset = useCallback(() => {
    generation.current++;
    setState({ phase: 'idle' });
  }, []);

  return { state, start, reset };
}

/** The errors of `field` ("range: ..." or "range is required ..."), for marking the input invalid. */
export function fieldErrors(errors: readonly string[], field: string): string[] {
  return errors.filter((e) => e.startsWith(`${field}:`) || e.startsWith(`${field} `));
}
