/**
 * How large a request body may be, by route, and the refusal when one is larger. Every JSON body is
 * capped at 1 MiB, far above any form or API call; adding rigs takes up to 4096 at once (a scan or an
 * imported list) and may send 4 MiB; a sign-in is a name and a password. The gate refuses a declared
 * Content-Length over the cap before anything is read; a body sent without one (chunked) is counted as
 * it arrives and refused at the cap (app/api/request.ts), never buffered past it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatBytes } from '../format/units';
import { LINGER } from '../util/read-capped';
import { sendJson } from './replies';

/** The cap of every route not listed below. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** Routes that accept a different cap, and why. */
export const ROUTE_BODY_LIMITS: readonly { method: string; path: string; maxBytes: number; why: string }[] = [
  { method: 'POST', path: '/api/rigs', maxBytes: 4 * 1024 * 1024, why: 'adds up to 4096 rigs at once (a scan or an imported rig list)' },
  { method: 'POST', path: '/api/rigs/csv', maxBytes: 4 * 1024 * 1024, why: 'a rig list as CSV, up to 20,000 rigs (lib/rigs/rig-csv.ts)' },
  { method: 'POST', path: '/api/auth/login', maxBytes: 8 * 1024, why: 'a user name and a password' },
];

/** The largest body `method path` accepts, bytes. */
export function bodyLimitFor(method: string, path: string): number {
  const m = method.toUpperCase();
  return ROUTE_BODY_LIMITS.find((r) => r.method === m && r.path === path)?.maxBytes ?? DEFAULT_BODY_LIMIT_BYTES;
}

/** The 413 message: what the limit is, so a script knows how far to split its request. */
export function bodyTooLargeMessage(maxBytes: number): string {
  return `the request body is larger than ${formatBytes(maxBytes)} (${maxBytes} bytes), the most this route accepts`;
}

/** The 413 message when a declared Content-Length is over the route's cap; null when it is not. */
export function declaredBodyTooLarge(method: string, path: string, contentLength: string | undefined): string | null {
  if (contentLength === undefined) return null;
  const declared = Number(contentLength);
  const maxBytes = bodyLimitFor(method, path);
  return Number.isFinite(declared) && declared > maxBytes ? bodyTooLargeMessage(maxBytes) : null;
}

/**
 * Answers 413 when `req` declares a body over its route's cap, before anything reads it, and then reads
 * and throws away what the client still sends for a short while (LINGER) before cutting the connection,
 * so the client gets to read the refusal. True when it answered.
 */
export function refuseDeclaredOversizedBody(req: IncomingMessage, res: ServerResponse, method: string, path: string): boolean {
  const tooLarge = declaredBodyTooLarge(method, path, req.headers['content-length']);
  if (!tooLarge) return false;
  let discarded = 0;
  const cut = () => req.destroy();
  const timer = setTimeout(cut, LINGER.maxMs);
  timer.unref?.();
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER.maxBytes) cut();
  });
  req.once('close', () => clearTimeout(timer));
  sendJson(res, 413, { ok: false, error: tooLarge });
  return true;
}
