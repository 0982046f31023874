/**
 * The dcgm driver's poll() over real HTTP on loopback (127.0.113.220, this task's subnet): a text body
 * read through deviceHttp, HTTP errors as DeviceErrors, and the driver's registration fields.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import { dcgmDriver } from '../../../collectors/drivers/dcgm';
import { DeviceError } from '../../../collectors/drivers/types';

const HOST = '127.0.113.220';
let reply: { status: number; body: string } = { status: 200, body: '' };
let lastPath = '';
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    lastPath = req.url ?? '';
    res.writeHead(reply.status, { 'content-type': 'text/plain; version=0.0.4' });
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen({ host: HOST, port: 0 }, resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const poll = () => dcgmDriver.poll({ address: HOST, port, timeoutMs: 2000 });

describe('dcgm driver', () => {
  it('is the http driver on 9400 probing /metrics', () => {
    expect([dcgmDriver.name, dcgmDriver.protocol, dcgmDriver.defaultPort, dcgmDriver.probePath]).toEqual([
      'dcgm',
      'http',
      9400,
      '/metrics',
    ]);
  });

  it('polls GET /metrics and reads the text body', async () => {
    reply = { status: 200, body: gpuFixtureText('dcgm-exporter-metrics-excerpt.txt') };
    const r = await poll();
    expect(lastPath).toBe('/metrics');
    expect([r.driver, r.powerW, r.tempMaxC, r.status]).toEqual(['dcgm', 23.528, 41, 'sleeping']);
  });

  it.each([
    [500, 'api-error', /answered GET \/metrics with HTTP 500/],
    [401, 'auth', /refused GET \/metrics with HTTP 401/],
  ])('HTTP %i is %s', async (status, kind, message) => {
    reply = { status, body: 'no' };
    const err = await poll().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).kind).toBe(kind);
    expect((err as DeviceError).message).toMatch(message);
  });

  it('an HTML page is garbage', async () => {
    reply = { status: 200, body: '<html><body>Grafana</body></html>' };
    await expect(poll()).rejects.toMatchObject({ kind: 'garbage' });
  });
});
