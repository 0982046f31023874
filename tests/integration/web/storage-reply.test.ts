/**
 * A storage fault noted on a request turns the 5xx Next was about to send into 503 with Retry-After and
 * the cause, over a real node:http server: Next's empty 500 of a route handler, and its streamed error
 * page (flushHeaders, then writes). Any other 500 stays a 500. Next's own pieces are stood in for by
 * what they do to the response (lib/web/storage-reply.ts); the e2e tests meet the real ones.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteRequestError, requestScopes, type RequestScope } from '../../../lib/web/request-scope';
import { replaceFaultedReplies } from '../../../lib/web/storage-reply';

const DB = '/srv/hashwatt/hashwatt.db';
const db = { path: DB, fileState: { identity: null, replaced: null } };
const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code });
let server: Server;
let base: string;
const serverErrors: unknown[] = [];

/** What the handler "throws" and how it answers, by path, as Next would after reporting the error. */
function handle(req: IncomingMessage, res: ServerResponse) {
  const path = req.url ?? '';
  setTimeout(() => {
    if (path.includes('busy')) noteRequestError(sqliteError('SQLITE_BUSY', 'database is locked'));
    if (path.includes('full')) noteRequestError(sqliteError('SQLITE_FULL', 'database or disk is full'));
    if (path.includes('bug')) noteRequestError(new TypeError('x is undefined'));
    if (path.endsWith('/head')) return res.writeHead(500).end(); // a route handler's error: an empty 500
    res.statusCode = 500;
    if (path.startsWith('/api/')) return res.end();
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.flushHeaders(); // a page's error: streamed
    res.write('<!doctype html><p>Application error');
    setTimeout(() => res.end('</p>'), 5);
  }, 5);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    res.on('error', (err) => serverErrors.push(err));
    const scope: RequestScope = { errors: [] };
    replaceFaultedReplies(req, res, () => scope.errors, db);
    requestScopes().run(scope, () => handle(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('storage faults answered 503', () => {
  it('a route handler that met a busy database: 503, Retry-After 2, JSON naming the cause', async () => {
    const res = await fetch(`${base}/api/sites/1/busy`, { method: 'PATCH' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(await res.json()).toEqual({
      ok: false,
      error: 'the database is busy (SQLITE_BUSY): another write held it too long; try again in 2 s',
    });
    const head = await fetch(`${base}/api/sites/1/busy/head`, { method: 'PATCH' });
    expect([head.status, head.headers.get('retry-after')]).toEqual([503, '2']);
  });

  it('a page that met a full disk: 503, Retry-After 30, a page naming the file and the cause that reloads itself', async () => {
    const res = await fetch(`${base}/rigs/full`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.headers.get('refresh')).toBe('30');
    const html = await res.text();
    expect(html).toContain(`cannot use the database: ${DB}: database or disk is full (SQLITE_FULL)`);
    expect(html).not.toContain('Application error');
  });

  it('any other error stays the 500 it was, body untouched', async () => {
    const api = await fetch(`${base}/api/sites/1/bug`, { method: 'PATCH' });
    expect(api.status).toBe(500);
    const page = await fetch(`${base}/rigs/bug`);
    expect(page.status).toBe(500);
    expect(await page.text()).toBe('<!doctype html><p>Application error</p>');
    expect(serverErrors).toEqual([]); // nothing written after the end
  });
});
