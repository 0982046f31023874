/**
 * innosiliconDriver.poll() over real HTTP on loopback (127.0.110.203, a throwaway server serving the
 * overview capture and, as its /api/summary, the DragonMint summary capture): both requests, Basic auth,
 * and the DeviceError kinds of a poll that fails.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureText } from '../../support/driver-fixtures';
import { dragonmintDriver } from '../../../collectors/drivers/dragonmint';
import { INNOSILICON_DEFAULT_CREDENTIALS, identifyInnosilicon, innosiliconDriver } from '../../../collectors/drivers/innosilicon';
import { probeHttp } from '../../../collectors/detect/probe-replies';
import { DeviceError, type PollTarget } from '../../../collectors/drivers/types';

const HOST = '127.0.110.203';
const TIMEOUT_MS = 600;
type Route = { status: number; body: string } | 'silent';
let routes: Record<string, Route> = {};
const seen: Array<{ method: string; path: string; auth: string | undefined }> = [];
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
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

beforeEach(() => {
  seen.length = 0;
  routes = {
    '/api/overview': { status: 200, body: fixtureText('innosilicon-t2-http-api-overview.json') },
    // A summary without DragonMint board names, as a T2's would be (shape of the DragonMint capture).
    '/api/summary': { status: 200, body: fixtureText('dragonmint-t1-http-api-summary.json').replace(/"DT1"/g, '"T2"') },
  };
});

const target = (extra: Partial<PollTarget> = {}): PollTarget => ({ address: HOST, port, timeoutMs: TIMEOUT_MS, ...extra });
const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

async function failure(t: PollTarget): Promise<{ kind: string; message: string; ms: number }> {
  const start = Date.now();
  try {
    await innosiliconDriver.poll(t);
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    return { kind: (err as DeviceError).kind, message: (err as DeviceError).message, ms: Date.now() - start };
  }
  throw new Error('poll succeeded');
}

describe('innosilicon driver over HTTP', () => {
  it('POSTs /api/overview then /api/summary with the factory Basic auth', async () => {
    const r = await innosiliconDriver.poll(target());
    expect(INNOSILICON_DEFAULT_CREDENTIALS).toEqual({ username: 'admin', password: 'admin' });
    expect(seen).toEqual([
      { method: 'POST', path: '/api/overview', auth: basic('admin', 'admin') },
      { method: 'POST', path: '/api/summary', auth: basic('admin', 'admin') },
    ]);
    expect({ driver: r.driver, make: r.make, model: r.model, firmware: r.firmware, status: r.status }).toEqual({
      driver: 'innosilicon',
      make: 'Innosilicon',
      model: 'Innosilicon T2',
      firmware: 't2_20180523_071756',
      status: 'mining',
    });
    expect(r.hashrateThs).toBeCloseTo((4830953.1 + 4784555.03 + 4976618.15) / 1e6, 9);
  });

  it("sends the rig's own credentials", async () => {
    await innosiliconDriver.poll(target({ credentials: { username: 'root', password: 'pw' } }));
    expect(seen.map((s) => s.auth)).toEqual([basic('root', 'pw'), basic('root', 'pw')]);
  });

  it.each([
    ['/api/overview', { status: 401, body: '' }, 'auth'],
    ['/api/overview', { status: 200, body: '{"success":false}' }, 'api-error'],
    ['/api/summary', { status: 404, body: 'Not Found' }, 'api-error'],
    ['/api/summary', { status: 200, body: '{"success":true,"DEVS":[]}' }, 'unexpected'],
  ] as const)('%s answering %j -> %s', async (path, route, kind) => {
    routes[path] = route;
    const f = await failure(target());
    expect(f.kind).toBe(kind);
    expect(f.message).toContain(path);
  });

  it('a silent device times out within the timeout; a closed port is refused', async () => {
    routes['/api/overview'] = 'silent';
    const silent = await failure(target());
    expect(silent.kind).toBe('timeout');
    expect(silent.ms).toBeLessThan(TIMEOUT_MS + 400);
    expect((await failure({ address: '127.0.110.204', port: 1, timeoutMs: TIMEOUT_MS })).kind).toBe('refused');
  });

  it("identify() recognises the scanner's GET probe replies, and DragonMint leaves them alone", async () => {
    const outcome = await probeHttp(target(), [dragonmintDriver, innosiliconDriver]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(identifyInnosilicon(outcome.value)).toEqual({
      driver: 'innosilicon',
      make: 'Innosilicon',
      model: 'Innosilicon T2',
      firmware: 't2_20180523_071756',
    });
    expect(dragonmintDriver.identify!(outcome.value)).toBeNull();
  });
});
