/**
 * dragonmintDriver.poll() over real HTTP on loopback (127.0.110.201, a throwaway server serving the
 * capture): POST with Basic auth, the optional overview, and the DeviceError kinds of a poll that fails.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureText } from '../../support/driver-fixtures';
import { DRAGONMINT_DEFAULT_CREDENTIALS, dragonmintDriver, identifyDragonmint } from '../../../collectors/drivers/dragonmint';
import { innosiliconDriver } from '../../../collectors/drivers/innosilicon';
import { probeHttp } from '../../../collectors/detect/probe-replies';
import { DeviceError, type PollTarget } from '../../../collectors/drivers/types';

const HOST = '127.0.110.201';
const TIMEOUT_MS = 600;
type Route = { status: number; body: string } | 'silent';
let routes: Record<string, Route> = {};
const seen: Array<{ method: string; path: string; auth: string | undefined }> = [];
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    req.resume();
    req.on('end', () => {
      seen.push({ method: req.method ?? '', path: req.url ?? '', auth: req.headers.authorization });
      const route = routes[req.url ?? ''] ?? { status: 404, body: 'Not Found' };
      if (route === 'silent') return;
      res.writeHead(route.status, { 'content-type': 'application/json' });
      res.end(route.body);
    });
  });
  await new Promise<void>((resolve) => server.listen({ host: HOST, port: 0 }, resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const OVERVIEW = JSON.stringify({ success: true, type: 'T1', version: { platform_v: 't1_20180612_031240' } }); // synthetic, T2 capture's shape
beforeEach(() => {
  seen.length = 0;
  routes = {
    '/api/summary': { status: 200, body: fixtureText('dragonmint-t1-http-api-summary.json') },
    '/api/overview': { status: 200, body: OVERVIEW },
  };
});

const target = (extra: Partial<PollTarget> = {}): PollTarget => ({ address: HOST, port, timeoutMs: TIMEOUT_MS, ...extra });
const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

async function failure(t: PollTarget): Promise<{ kind: string; message: string; ms: number }> {
  const start = Date.now();
  try {
    await dragonmintDriver.poll(t);
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    return { kind: (err as DeviceError).kind, message: (err as DeviceError).message, ms: Date.now() - start };
  }
  throw new Error('poll succeeded');
}

describe('dragonmint driver over HTTP', () => {
  it('POSTs /api/summary then /api/overview with the factory Basic auth', async () => {
    const labels: string[] = [];
    const r = await dragonmintDriver.poll(target({ recorder: (label) => labels.push(label) }));
    expect(seen).toEqual([
      { method: 'POST', path: '/api/summary', auth: basic('admin', 'dragonadmin') },
      { method: 'POST', path: '/api/overview', auth: basic('admin', 'dragonadmin') },
    ]);
    expect(labels).toEqual(['POST /api/summary', 'POST /api/overview']);
    expect(DRAGONMINT_DEFAULT_CREDENTIALS).toEqual({ username: 'admin', password: 'dragonadmin' });
    expect({ model: r.model, firmware: r.firmware, status: r.status, boards: r.boards.length }).toEqual({
      model: 'DragonMint T1',
      firmware: 't1_20180612_031240',
      status: 'mining',
      boards: 3,
    });
    expect(r.hashrateThs).toBeCloseTo((4830953.1 + 4784555.03 + 4976618.15) / 1e6, 9);
  });

  it("sends the rig's own credentials", async () => {
    await dragonmintDriver.poll(target({ credentials: { username: 'ops', password: 's3cret' } }));
    expect(seen[0].auth).toBe(basic('ops', 's3cret'));
  });

  it('a failing /api/overview does not cost the reading', async () => {
    routes['/api/overview'] = { status: 404, body: 'nope' };
    const r = await dragonmintDriver.poll(target());
    expect(r.firmware).toBe('');
    expect(r.hashrateThs).toBeGreaterThan(14);
  });

  it.each([
    ['401', { status: 401, body: '' }, 'auth'],
    ['500', { status: 500, body: '' }, 'api-error'],
    ['success false', { status: 200, body: '{"success":false}' }, 'api-error'],
    ['HTML', { status: 200, body: '<html>login</html>' }, 'garbage'],
  ] as const)('/api/summary answering %s -> %s', async (_what, route, kind) => {
    routes['/api/summary'] = route;
    expect((await failure(target())).kind).toBe(kind);
  });

  it('a silent device times out within the timeout; a closed port is refused', async () => {
    routes['/api/summary'] = 'silent';
    const silent = await failure(target());
    expect(silent.kind).toBe('timeout');
    expect(silent.ms).toBeLessThan(TIMEOUT_MS + 400);
    expect(silent.message).toContain('/api/summary');
    const closed = await failure({ address: '127.0.110.202', port: 1, timeoutMs: TIMEOUT_MS });
    expect(closed.kind).toBe('refused');
  });

  it("identify() recognises the scanner's GET probe replies", async () => {
    const outcome = await probeHttp(target(), [dragonmintDriver, innosiliconDriver]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(seen.map((s) => `${s.method} ${s.path}`).sort()).toEqual(['GET /api/overview', 'GET /api/summary']);
    expect(identifyDragonmint(outcome.value)).toEqual({
      driver: 'dragonmint',
      make: 'Halong',
      model: 'DragonMint T1',
      firmware: 't1_20180612_031240',
    });
    expect(innosiliconDriver.identify!(outcome.value)).toBeNull();
  });
});
