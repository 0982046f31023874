/**
 * A request that meets a storage fault is answered 503 with Retry-After and the cause, never 500: a busy
 * database (another write held it past busy_timeout) is worth retrying in a moment, a full, read-only,
 * failing or replaced one once someone fixed it. Used by server.ts for the gate's own work and, through
 * the request scope, for Next's route handlers and pages.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../db/client';
import { describeStorageFault, storageFaultOf, type StorageFault } from '../db/storage-fault';
import { sendJson, sendPage } from './replies';

/** The 503 to send for a storage fault. */
export interface StorageReply {
  status: 503;
  retryAfterS: number;
  error: string;
  fault: StorageFault;
}

/** Seconds a client should wait: a moment for a busy database, longer for a disk someone must fix. */
export const RETRY_AFTER_BUSY_S = 2;
export const RETRY_AFTER_FAULT_S = 30;

/** The database a reply speaks of: its path, and why its writes stopped (file-identity.ts), if they did. */
export type RepliedDb = Pick<Db, 'path' | 'fileState'>;

/** The reply for `err` when it is a storage fault of `db`; null otherwise. Pure. */
export function storageReplyFor(err: unknown, db: RepliedDb): StorageReply | null {
  const found = storageFaultOf(err);
  if (!found) return null;
  // Once the file was replaced, every write is refused as read-only: say why.
  const fault = found.kind === 'read-only' && db.fileState.replaced ? (storageFaultOf(db.fileState.replaced) ?? found) : found;
  if (fault.kind === 'busy') {
    return {
      status: 503,
      retryAfterS: RETRY_AFTER_BUSY_S,
      fault,
      error: `the database is busy (${fault.code}): another write held it too long; try again in ${RETRY_AFTER_BUSY_S} s`,
    };
  }
  const what = fault.kind === 'replaced' ? fault.cause : `cannot use the database: ${describeStorageFault(db.path, fault)}`;
  return { status: 503, retryAfterS: RETRY_AFTER_FAULT_S, fault, error: what };
}

const wantsJson = (req: IncomingMessage) => (req.url ?? '').startsWith('/api/') || (req.method ?? 'GET').toUpperCase() !== 'GET';

/** Sends the 503: JSON for the API and non-GET requests, a short page (reloading itself) for a browser. */
export function sendStorageReply(req: IncomingMessage, res: ServerResponse, reply: StorageReply): void {
  const headers = { 'Retry-After': String(reply.retryAfterS) };
  if (wantsJson(req)) sendJson(res, reply.status, { ok: false, error: reply.error }, headers);
  else
    sendPage(res, reply.status, 'Database unavailable', `${reply.error}. This page reloads in ${reply.retryAfterS} s.`, {
      ...headers,
      Refresh: String(reply.retryAfterS),
    });
}

/**
 * Makes `res` answer the 503 of the first storage fault in `faults()` instead of any 5xx Next was about
 * to send (its empty 500 or its error page). Checked at the first byte: writeHead, flushHeaders, write,
 * end; what Next writes after that is dropped.
 */
export function replaceFaultedReplies(
  req: IncomingMessage,
  res: ServerResponse,
  faults: () => readonly unknown[],
  db: RepliedDb,
  onFault?: (reply: StorageReply) => void,
): void {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  let replaced = false;
  const takeOver = (status = res.statusCode): boolean => {
    if (replaced) return true;
    if (res.headersSent || status < 500) return false;
    const reply = faults()
      .map((err) => storageReplyFor(err, db))
      .find((r) => r !== null);
    if (!reply) return false;
    replaced = true;
    for (const name of ['content-type', 'content-length', 'content-encoding', 'transfer-encoding', 'etag', 'vary']) res.removeHeader(name);
    Object.assign(res, original);
    sendStorageReply(req, res, reply);
    // Whatever Next still writes goes nowhere (a write after end would be an 'error' event).
    Object.assign(res, { writeHead: () => res, write: () => true, end: () => res, flushHeaders: () => undefined });
    onFault?.(reply);
    return true;
  };
  res.writeHead = function writeHead(statusCode: number, ...rest: unknown[]) {
    if (takeOver(statusCode)) return res;
    return (original.writeHead as (...a: unknown[]) => ServerResponse).call(res, statusCode, ...rest);
  } as ServerResponse['writeHead'];
  res.flushHeaders = function flushHeaders() {
    if (!takeOver()) original.flushHeaders.call(res);
  };
  res.write = function write(...args: unknown[]) {
    if (takeOver()) return true;
    return (original.write as (...a: unknown[]) => boolean).apply(res, args);
  } as ServerResponse['write'];
  res.end = function end(...args: unknown[]) {
    if (takeOver()) return res;
    return (original.end as (...a: unknown[]) => ServerResponse).apply(res, args);
  } as ServerResponse['end'];
}
