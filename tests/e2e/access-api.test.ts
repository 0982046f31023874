/**
 * Access control over HTTP and socket.io against `hashwatt start`: every API route and page (read from
 * app/, so new ones are covered) refuses anonymous requests; the socket refuses anonymous and cross-site
 * handshakes; API tokens from `hashwatt token create` work as Bearer and stop when revoked; roles limit
 * what a viewer and an operator may change; CSRF, the login rate limit, security headers, and Secure
 * cookies behind a trusted proxy and over HTTPS served directly.
 */
import { execFileSync } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChild, type ChildHandle } from '../../bin/supervisor/child';
import { apiRoutes, pagePaths } from '../support/app-routes';
import { cheapPasswordCostNodeOptions } from '../support/password-cost';
import { runHashwatt } from '../support/run-cli';
import { TEST_ADMIN, apiFetch, signIn } from '../support/session';
import { freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';

let dir: ReturnType<typeof tempDir>;
let system: RunningSystem;
let base: string;
let dbPath: string;
const VIEWER = { name: 'vera', password: 'viewer-password-123' };
const OPERATOR = { name: 'otto', password: 'operator-password-123' };

async function cli(args: string[], env: Record<string, string> = {}): Promise<string> {
  const run = await runHashwatt(args, { HASHWATT_DB: dbPath, ...env });
  expect(run.code, run.stderr).toBe(0);
  return run.stdout.trim();
}

beforeAll(async () => {
  dir = tempDir('hashwatt-access-');
  dbPath = `${dir.dir}/hashwatt.db`;
  system = await startSystem({
    PORT: String(await freePort()),
    HASHWATT_DB: dbPath,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: '4',
    HASHWATT_POLL_INTERVAL_S: '2',
    HASHWATT_SIM_SUBNET: '127.0.63',
    // Every test request comes from loopback: treat it as the reverse proxy, so X-Forwarded-Proto counts.
    HASHWATT_TRUSTED_PROXIES: '127.0.0.1',
  });
  base = system.baseUrl;
  await cli(['user', 'add', VIEWER.name, '--role', 'viewer'], { HASHWATT_USER_PASSWORD: VIEWER.password });
  await cli(['user', 'add', OPERATOR.name, '--role', 'operator'], { HASHWATT_USER_PASSWORD: OPERATOR.password });
});

afterAll(async () => {
  await system?.interrupt();
  dir?.cleanup();
});

const PUBLIC_API = new Set(['/api/health', '/api/auth/login']);

describe('anonymous requests', { timeout: 120_000 }, () => {
  it('are refused by every API route and method with 401 and a reason, except the health check', async () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(15);
    let checked = 0;
    for (const { path, methods } of routes) {
      for (const method of methods) {
        if (PUBLIC_API.has(path)) continue;
        const res = await fetch(`${base}${path}`, {
          method,
          headers: { 'content-type': 'application/json' },
          body: method === 'GET' ? undefined : '{}',
        });
        expect(res.status, `${method} ${path}`).toBe(401);
        expect(((await res.json()) as { error: string }).error).toMatch(/sign in required/);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(25);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('are sent from every page to the login page, which says where they were going', async () => {
    const pages = pagePaths().filter((p) => p !== '/login');
    expect(pages).toEqual(expect.arrayContaining(['/', '/wall', '/rigs', '/rigs/1', '/alerts', '/economics', '/settings/alerts']));
    for (const path of pages) {
      const res = await fetch(`${base}${path}?x=1`, { redirect: 'manual' });
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`${path}?x=1`)}`);
    }
    expect((await fetch(`${base}/login`)).status).toBe(200);
  });

  it('cannot slip past with a forged principal header, a path trick or a malformed token', async () => {
    const forged = Buffer.from(
      JSON.stringify({ role: 'admin', siteIds: null, name: 'x', via: 'session', userId: 1, tokenId: null }),
    ).toString('base64url');
    expect((await fetch(`${base}/api/rigs`, { headers: { 'x-hashwatt-principal': forged } })).status).toBe(401);
    expect((await fetch(`${base}/api/health/../rigs`)).status).toBe(401);
    expect((await fetch(`${base}/_next/static/%2e%2e/%2e%2e/api/rigs`)).status).toBe(401);
    const bad = await fetch(`${base}/api/rigs`, { headers: { authorization: 'Bearer hw_api_not-a-real-token' } });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: string }).error).toMatch(/Bearer token is unknown, revoked or malformed/);
    const basic = await fetch(`${base}/api/rigs`, { headers: { authorization: 'Basic YTpi' } });
    expect(((await basic.json()) as { error: string }).error).toMatch(/must be "Bearer <token>"/);
  });
});

describe('the live socket', { timeout: 60_000 }, () => {
  const handshake = (extraHeaders: Record<string, string>) =>
    new Promise<string>((resolve) => {
      const socket = connect(base, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders });
      socket.on('connect', () => {
        socket.disconnect();
        resolve('connected');
      });
      socket.on('connect_error', (err) => {
        socket.disconnect();
        resolve(`refused: ${err.message}`);
      });
    });

  it('refuses anonymous and cross-site handshakes and accepts a session or a kiosk token', async () => {
    expect(await handshake({})).toMatch(/^refused/);
    expect(await handshake({ cookie: 'hw_sess=hw_sess_forged' })).toMatch(/^refused/);
    const cookie = await signIn(base);
    expect(await handshake({ cookie })).toBe('connected');
    expect(await handshake({ cookie, origin: 'https://evil.example' })).toMatch(/^refused/);
    const kiosk = await cli(['token', 'create', '--kiosk', '--name', 'socket test']);
    expect(await handshake({ cookie: `hw_kiosk=${kiosk}` })).toBe('connected');
    expect(await handshake({ authorization: `Bearer ${kiosk}` })).toBe('connected');
  });
});

describe('tokens and roles', { timeout: 60_000 }, () => {
  it('an API token from the CLI reads as Bearer without any cookie, cannot change settings, and stops when revoked', async () => {
    const token = await cli(['token', 'create', '--role', 'viewer', '--name', 'grafana']);
    const auth = { authorization: `Bearer ${token}` };
    const rigs = await fetch(`${base}/api/rigs`, { headers: auth });
    expect(rigs.status).toBe(200);
    expect(((await rigs.json()) as { rigs: unknown[] }).rigs).toHaveLength(4);
    const write = await fetch(`${base}/api/sites/1`, {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{"pue":1.2}',
    });
    expect(write.status).toBe(403);
    expect(((await write.json()) as { error: string }).error).toMatch(/grafana \(viewer\) may not configure/);
    const id = (await cli(['token', 'list']))
      .split('\n')
      .find((l) => l.includes('grafana'))!
      .split('\t')[0];
    await cli(['token', 'revoke', id]);
    expect((await fetch(`${base}/api/rigs`, { headers: auth })).status).toBe(401);
  });

  it('a viewer reads but cannot change or even open settings; an operator acknowledges and sets maintenance but cannot configure', async () => {
    expect((await apiFetch(base, '/api/rigs', {}, VIEWER)).status).toBe(200);
    const tariff = await apiFetch(
      base,
      '/api/sites/1/tariff',
      { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"kind":"flat","pricePerKwh":0.01}' },
      VIEWER,
    );
    expect(tariff.status).toBe(403);
    expect((await apiFetch(base, '/api/alerts/channels', {}, VIEWER)).status).toBe(403);
    expect((await apiFetch(base, '/api/settings/storage', {}, VIEWER)).status).toBe(403);
    const maintenanceAsViewer = await apiFetch(
      base,
      '/api/rigs/1/maintenance',
      { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' },
      VIEWER,
    );
    expect(maintenanceAsViewer.status).toBe(403);

    // The operator gets past the gate: the route itself answers (not a 401/403).
    const maintenance = await apiFetch(
      base,
      '/api/rigs/1/maintenance',
      { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"note":"fan swap"}' },
      OPERATOR,
    );
    expect(maintenance.status).toBe(200);
    expect((await apiFetch(base, '/api/rigs/1/maintenance', { method: 'DELETE' }, OPERATOR)).status).toBe(200);
    const ack = await apiFetch(base, '/api/alerts/no-such-alert/ack', { method: 'POST' }, OPERATOR);
    expect(ack.status).toBe(404);
    expect(
      (
        await apiFetch(
          base,
          '/api/sites/1',
          { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"pue":1.2}' },
          OPERATOR,
        )
      ).status,
    ).toBe(403);
    expect(
      (await apiFetch(base, '/api/sites/1', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"pue":1.2}' }))
        .status,
    ).toBe(200);
  });
});

describe('sign-in, CSRF and headers', { timeout: 60_000 }, () => {
  it('refuses a change carried by a cookie from another origin or with no origin at all', async () => {
    const cookie = await signIn(base);
    const patch = (headers: Record<string, string>) =>
      fetch(`${base}/api/sites/1`, {
        method: 'PATCH',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: '{"pue":1.25}',
      });
    const foreign = await patch({ origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: string }).error).toMatch(/origin https:\/\/evil.example is not this site/);
    const none = await patch({});
    expect(none.status).toBe(403);
    expect(((await none.json()) as { error: string }).error).toMatch(/needs an Origin or Referer/);
    expect((await patch({ origin: base })).status).toBe(200);
    expect((await patch({ referer: `${base}/economics` })).status).toBe(200);
  });

  it('limits failed sign-ins per user name: the sixth try waits even with the right password', async () => {
    const attempt = (password: string) =>
      fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.1.2.3' },
        body: JSON.stringify({ name: OPERATOR.name, password }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong-password-0')).status).toBe(401);
    const limited = await attempt(OPERATOR.password);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: string }).error).toMatch(/too many failed sign-ins/);
    // Another user from the same address is not locked out.
    expect(
      (
        await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(VIEWER),
        })
      ).status,
    ).toBe(200);
  });

  it('answers a malformed sign-in with a specific 400', async () => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"x"}',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('password is required');
  });

  it('sets security headers, an httpOnly SameSite cookie, and Secure only when the request came over HTTPS', async () => {
    const page = await fetch(`${base}/login`);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.headers.get('strict-transport-security')).toBeNull();
    const login = (headers: Record<string, string>) =>
      fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(TEST_ADMIN),
      });
    const plain = (await login({})).headers.getSetCookie()[0];
    expect(plain).toMatch(/^hw_sess=hw_sess_[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    const proxied = await login({ 'x-forwarded-proto': 'https' });
    expect(proxied.headers.getSetCookie()[0]).toMatch(/; Secure$/);
    expect(proxied.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});

describe('HTTPS served directly (HASHWATT_TLS_CERT / HASHWATT_TLS_KEY)', { timeout: 90_000 }, () => {
  let web: ChildHandle | null = null;
  afterAll(async () => {
    await web?.stop();
  });

  it('serves the same app over TLS with Secure cookies', async () => {
    const cert = `${dir.dir}/cert.pem`;
    const key = `${dir.dir}/key.pem`;
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
      ],
      { stdio: 'ignore' },
    );
    const port = await freePort();
    web = startChild('web', new URL('../../server.ts', import.meta.url).pathname, [], {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: cheapPasswordCostNodeOptions(),
      HASHWATT_DB: dbPath,
      PORT: String(port),
      HASHWATT_TLS_CERT: cert,
      HASHWATT_TLS_KEY: key,
    });
    await web.ready;
    const reply = await new Promise<{ status: number; cookie: string; hsts: string | undefined }>((resolve, reject) => {
      const req = httpsRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/api/auth/login',
          method: 'POST',
          rejectUnauthorized: false,
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve({
            status: res.statusCode!,
            cookie: String(res.headers['set-cookie']?.[0]),
            hsts: res.headers['strict-transport-security'] as string | undefined,
          });
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(TEST_ADMIN));
    });
    expect(reply.status).toBe(200);
    expect(reply.cookie).toMatch(/^hw_sess=.*; Secure$/);
    expect(reply.hsts).toBe('max-age=31536000');
  });
});
