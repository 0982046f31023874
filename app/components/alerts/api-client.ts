/**
 * Browser side of the alerts REST API: one JSON call that turns every reply into `{ ok, data }` or
 * `{ ok: false, error, errors }`, and the wait for a request the collector acts on (ack, snooze, test).
 */
import type { AlertRequestView } from '../../../lib/views/alert-contracts';

/** A reply as screens use it: the body on success, the API's error (and field errors) otherwise. */
export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | {
      ok: false;
      status: number;
      error: string;
      errors: string[];
      /** What a form lists: the field errors when the API named them, else the one error. */
      messages: string[];
    };

/** Sends a JSON request; never throws (network failures become an error result). */
export async function callApi<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    const error = `could not reach the server (${err instanceof Error ? err.message : String(err)})`;
    return { ok: false, status: 0, error, errors: [], messages: [error] };
  }
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    // A proxy's HTML error page or an empty body: reported below by status.
  }
  const obj = (json ?? {}) as { ok?: boolean; error?: unknown; errors?: unknown };
  if (res.ok && obj.ok !== false) return { ok: true, status: res.status, data: json as T };
  const errors = Array.isArray(obj.errors) ? obj.errors.map(String) : [];
  const error = typeof obj.error === 'string' ? obj.error : (errors[0] ?? `the server answered ${res.status} ${res.statusText}`.trim());
  return { ok: false, status: res.status, error, errors, messages: errors.length > 0 ? errors : [error] };
}

/** How a request the collector handles ended, as the screen reports it. */
export type RequestOutcome = { status: 'done' } | { status: 'failed'; error: string };

/** Polling cadence and patience for collector requests. */
export const REQUEST_POLL_MS = 500;
export const REQUEST_TIMEOUT_MS = 30_000;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Polls GET /api/alerts/requests/{id} every 500 ms until the collector marks it done or failed, for at
 * most 30 s (then it reports that the collector did not answer, which usually means it is not running).
 */
export async function waitForRequest(
  id: number,
  opts: { signal?: AbortSignal; intervalMs?: number; timeoutMs?: number } = {},
): Promise<RequestOutcome> {
  const intervalMs = opts.intervalMs ?? REQUEST_POLL_MS;
  const deadline = Date.now() + (opts.timeoutMs ?? REQUEST_TIMEOUT_MS);
  let lastError = '';
  while (!opts.signal?.aborted) {
    const res = await callApi<{ request: AlertRequestView }>('GET', `/api/alerts/requests/${id}`, undefined, opts.signal).catch(() => null);
    if (res?.ok) {
      const r = res.data.request;
      if (r.status === 'done') return { status: 'done' };
      if (r.status === 'failed') return { status: 'failed', error: r.error ?? 'the request failed' };
    } else if (res) {
      lastError = res.error;
      if (res.status === 404) return { status: 'failed', error: res.error };
    }
    if (Date.now() >= deadline) {
      return {
        status: 'failed',
        error: `no answer from the collector within ${Math.round((opts.timeoutMs ?? REQUEST_TIMEOUT_MS) / 1000)} s${lastError ? ` (${lastError})` : ''}; is it running?`,
      };
    }
    await sleep(intervalMs, opts.signal);
  }
  return { status: 'failed', error: 'cancelled' };
}

/** Posts a request the collector acts on and waits for its outcome. */
export async function requestAndWait(url: string, body: unknown, signal?: AbortSignal): Promise<RequestOutcome> {
  const res = await callApi<{ ok: true; request: AlertRequestView }>('POST', url, body, signal);
  if (!res.ok) return { status: 'failed', error: res.messages.join('; ') };
  const request = res.data.request;
  if (request.status === 'done') return { status: 'done' };
  if (request.status === 'failed') return { status: 'failed', error: request.error ?? 'the request failed' };
  return waitForRequest(request.id, { signal });
}
