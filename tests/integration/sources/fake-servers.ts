/**
 * Loopback stand-ins for the public services, serving the real captures, with switchable failures:
 * a 500, garbage, or no answer at all (the client's timeout must fire). 127.0.0.1, port 0.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixtureText } from '../../unit/sources/fixtures';

/** How the server misbehaves right now. */
export type FakeMode = 'ok' | 'error' | 'garbage' | 'silent';

/** A running fake with its base URL and a switch. */
export interface FakeServer {
  url: string;
  mode: FakeMode;
  requests: { method: string; path: string; headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}

type Handler = (req: { method: string; path: string; headers: IncomingMessage['headers']; body: string }) => {
  status: number;
  body: string;
  type?: string;
};

/** Starts a fake whose healthy replies come from `handle`. */
export async function startFake(handle: Handler): Promise<FakeServer> {
  const pending = new Set<ServerResponse>();
  const fake: FakeServer = { url: '', mode: 'ok', requests: [], close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      fake.requests.push(entry);
      if (fake.mode === 'silent') return void pending.add(res); // never answers
      if (fake.mode === 'error') return void res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      if (fake.mode === 'garbage') return void res.writeHead(200, { 'content-type': 'application/json' }).end('\u0000\u00ff<html>oops');
      const out = handle(entry);
      res.writeHead(out.status, { 'content-type': out.type ?? 'application/json' }).end(out.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      for (const res of pending) res.destroy();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return fake;
}

/** Token the fake Braiins API accepts. */
export const FAKE_TOKEN = 'fake-braiins-token-123';

/** A mempool-compatible API (under /api) and a Braiins and an OCEAN account API, from the captures. */
export function startCapturesServer(): Promise<FakeServer> {
  const files: Record<string, [string, string?]> = {
    '/api/v1/blocks': [fixtureText('network/mempool-ws-blocks-mainnet.json')],
    '/api/v1/difficulty-adjustment': [fixtureText('network/mempool-ws-da-mainnet.json')],
    '/api/v1/mining/reward-stats/144': [fixtureText('network/mempool-docs-v1-mining-reward-stats-100.json')],
    '/api/v1/mining/hashrate/3d': [fixtureText('network/mempool-docs-v1-mining-hashrate-3d.json')],
    '/api/v1/prices': [fixtureText('network/mempool-ws-conversions-mainnet.json')],
    '/ocean/v1/statsnap/bc1qexampleaddress': [fixtureText('pool/ocean-v1-statsnap.json')],
  };
  return startFake(({ path, headers }) => {
    if (path.startsWith('/braiins/')) {
      // Echo the token back on refusal, as careless APIs do: the stored error must still not contain it.
      const token = String(headers['slushpool-auth-token'] ?? '');
      if (token !== FAKE_TOKEN) return { status: 401, body: `{"detail":"invalid token ${token}"}` };
      if (path === '/braiins/accounts/profile/json/btc/')
        return { status: 200, body: fixtureText('pool/braiins-pool-accounts-profile-json-btc.json') };
      if (path === '/braiins/accounts/workers/json/btc/')
        return { status: 200, body: fixtureText('pool/braiins-pool-accounts-workers-json-btc.json') };
    }
    const file = files[path];
    return file ? { status: 200, body: file[0], type: file[1] } : { status: 404, body: 'Not found', type: 'text/plain' };
  });
}
