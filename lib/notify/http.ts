/**
 * The HTTP shell every HTTP channel uses: one POST with a timeout and the caller's abort signal, mapped to
 * NotifyError (network error, timeout, 408/425/429, 5xx: retryable; other 4xx: not).
 */
import { NotifyError, bodyExcerpt, isRetryableStatus, parseRetryAfterMs, retryAfterFromJsonBodyMs } from './errors';
import type { ChannelKind } from './types';

export const DEFAULT_TIMEOUT_MS = 10_000;

/** One POST request, built by a channel's pure request function. */
export interface HttpRequestSpec {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A POST as sent: the body may be bytes (Web Push sends an encrypted record). */
export interface HttpPost extends Omit<HttpRequestSpec, 'body'> {
  body: string | Uint8Array<ArrayBuffer>;
  channel: ChannelKind;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Host and port only: paths and queries of webhook URLs carry secrets. */
export function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid URL';
  }
}

/** POSTs once; resolves on 2xx, throws NotifyError otherwise. */
export async function postOnce(req: HttpPost): Promise<void> {
  const host = safeHost(req.url);
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await fetch(req.url, { method: 'POST', headers: req.headers, body: req.body, signal, redirect: 'error' });
  } catch (err) {
    throw networkError(req, host, err, timeout);
  }
  let text = '';
  try {
    text = await res.text();
  } catch (err) {
    if (!res.ok) throw networkError(req, host, err, timeout);
  }
  if (res.ok) return;
  const retryAfterMs = res.status === 429
    ? (parseRetryAfterMs(res.headers.get('retry-after'), Date.now()) ?? retryAfterFromJsonBodyMs(text))
    : undefined;
  const excerpt = bodyExcerpt(text);
  const wait = retryAfterMs === undefined ? '' : ` (retry after ${retryAfterMs} ms)`;
  throw new NotifyError(`${req.channel} channel: HTTP ${res.status} from ${host}${wait}${excerpt ? `: ${excerpt}` : ''}`, {
    channel: req.channel,
    retryable: isRetryableStatus(res.status),
    status: res.status,
    bodyExcerpt: excerpt,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

function networkError(req: HttpPost, host: string, err: unknown, timeout: AbortSignal): NotifyError {
  if (timeout.aborted) {
    return new NotifyError(`${req.channel} channel: no reply from ${host} within ${req.timeoutMs} ms`, {
      channel: req.channel,
      retryable: true,
      cause: err,
    });
  }
  if (req.signal?.aborted) {
    return new NotifyError(`${req.channel} channel: sending to ${host} was cancelled`, { channel: req.channel, retryable: true, cause: err });
  }
  const code = errorCode(err);
  return new NotifyError(`${req.channel} channel: cannot reach ${host}${code ? ` (${code})` : ''}`, {
    channel: req.channel,
    retryable: true,
    cause: err,
  });
}

/** The system error code (ECONNREFUSED, ENOTFOUND...) that undici puts in `cause`. */
function errorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
