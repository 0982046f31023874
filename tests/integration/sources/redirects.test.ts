/**
 * Sources follow no redirect, over real loopback HTTP (this file's subnet is 127.0.176.x): a mempool API
 * and a pool API that answer 302 to another server are recorded as errors naming where they point, and
 * the other server (where a token would have gone) hears nothing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSourcesConfig } from '../../../collectors/sources/config';
import { refreshSources } from '../../../collectors/sources/runner';
import { createPool } from '../../../lib/db/mutations/pools';
import { getSourced } from '../../../lib/db/queries/source-state';
import { tempDb } from '../../support/temp';

interface Server {
  url: string;
  hits: { path: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

async function serve(host: string, answer: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<Server> {
  const hits: Server['hits'] = [];
  const server = http.createServer((req, res) => {
    hits.push({ path: req.url ?? '', headers: req.headers });
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen({ host, port: 0 }, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let elsewhere: Server;
let redirector: Server;
let t: ReturnType<typeof tempDb>;

beforeAll(async () => {
  elsewhere = await serve('127.0.176.2', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  redirector = await serve('127.0.176.1', (req, res) => res.writeHead(302, { location: `${elsewhere.url}${req.url}` }).end());
});
afterAll(async () => {
  await redirector.close();
  await elsewhere.close();
});
beforeEach(() => {
  t?.cleanup();
  t = tempDb();
  elsewhere.hits.length = 0;
});
afterAll(() => t?.cleanup());

describe('a source that redirects', () => {
  it('is not followed: the network source records where it points, nothing reaches the other host', async () => {
    await refreshSources({
      db: t.db,
      now: () => 1000,
      config: loadSourcesConfig({ HASHWATT_MEMPOOL_URL: `${redirector.url}/api` }),
      log: () => undefined,
    });
    const network = getSourced(t.db, 'network');
    expect(network.value).toBeNull();
    expect(network.lastError).toMatch(
      /^HTTP 302 redirects to 127\.0\.176\.2:\d+; redirects are not followed: set the URL it points to \(GET http:\/\/127\.0\.176\.1:\d+\/api\//,
    );
    expect(getSourced(t.db, 'price').lastError).toMatch(/^HTTP 302 redirects to 127\.0\.176\.2:\d+/);
    expect(elsewhere.hits).toEqual([]);
  });

  it("a pool's token never reaches the host a redirect names", async () => {
    createPool(
      t.db,
      {
        name: 'Braiins',
        kind: 'braiins',
        baseUrl: `${redirector.url}/braiins`,
        credentials: { token: 'pool-token-secret' },
        feePct: 2,
        matchUrl: 'braiins',
      },
      1,
    );
    await refreshSources({ db: t.db, now: () => 1000, config: loadSourcesConfig({ HASHWATT_BTC_PRICE: '90000' }), log: () => undefined });
    const pool = t.db.sqlite.prepare("SELECT last_error AS error FROM source_state WHERE key LIKE 'pool:%'").get() as { error: string };
    expect(pool.error).toMatch(/^HTTP 302 redirects to 127\.0\.176\.2:\d+; redirects are not followed/);
    expect(redirector.hits.some((h) => JSON.stringify(h.headers).includes('pool-token-secret'))).toBe(true); // it was asked where configured
    expect(elsewhere.hits).toEqual([]);
  });
});
