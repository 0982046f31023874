/**
 * Redirects the gate answers itself, over real HTTP: after a sign-in (the form's `next`) and after a kiosk
 * link is traded for its cookie. Whatever the request says, the Location a browser follows stays on the site.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../lib/auth/password';
import { createApiToken, createUser } from '../../../lib/db/mutations/users';
import { createGate } from '../../../lib/web/gate';
import { loadWebConfig } from '../../../lib/config';
import { tempDb } from '../../support/temp';

let t: ReturnType<typeof tempDb>;
let server: Server;
let origin: string;
let kiosk: string;
const USER = { name: 'ann', password: 'redirect-password-123' };

beforeAll(async () => {
  t = tempDb();
  createUser(t.db, USER.name, 'viewer', await hashPassword(USER.password), null, Date.now());
  kiosk = createApiToken(t.db, 'kiosk', 'wall', 'viewer', null, Date.now()).token;
  const gate = createGate({ db: t.db, web: loadWebConfig({}), dev: false, publicUrl: null });
  server = createServer((req, res) => {
    void gate.handle(req, res).then((answered) => {
      if (!answered) res.end('next.js would answer');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  t?.cleanup();
});

/** One raw request (the path sent exactly as written); resolves with the status and Location. */
function send(method: string, path: string, body?: string): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const url = new URL(origin);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: body ? { 'content-type': 'application/x-www-form-urlencoded', origin } : {},
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Where a browser that received this Location on the site goes. */
const followed = (location: string | undefined) => new URL(location ?? '', origin);

describe('after signing in', () => {
  it.each([['/%09/evil'], ['/%0d%0a/evil'], ['%2F%2Fevil'], ['/%5Cevil'], ['/.//evil/x'], ['https%3A%2F%2Fevil'], ['/%252F%252Fevil']])(
    'a form with next=%s lands on the site',
    async (next) => {
      const reply = await send('POST', '/api/auth/login', `name=${USER.name}&password=${USER.password}&next=${next}`);
      expect(reply.status).toBe(303);
      expect(followed(reply.location).origin).toBe(origin);
      expect(reply.location).toBe('/');
    },
  );

  it('returns to a page on the site that was asked for', async () => {
    const reply = await send(
      'POST',
      '/api/auth/login',
      `name=${USER.name}&password=${USER.password}&next=${encodeURIComponent('/rigs?state=online')}`,
    );
    expect(reply.location).toBe('/rigs?state=online');
  });
});

describe('a kiosk link', () => {
  it.each([['/.//evil/x'], ['//evil/x'], ['/./%2F/evil'], ['/%09/evil'], ['/\\evil']])('at %s redirects on the site', async (path) => {
    const reply = await send('GET', `${path}?kiosk=${kiosk}`);
    expect(reply.status).toBe(303);
    expect(followed(reply.location).origin).toBe(origin);
  });

  it('keeps the page and its other parameters when they are on the site', async () => {
    const reply = await send('GET', `/wall?site=2&kiosk=${kiosk}`);
    expect(reply.location).toBe('/wall?site=2');
  });
});
