/**
 * A loopback HTTP server that misbehaves in size and time: a reply of 200 MB (declared or chunked,
 * streamed as fast as the client reads), or a trickle of one byte every `trickleMs` that never ends.
 * Each reply counts what it managed to send, so a test can tell the client stopped reading.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the server answers a path right now. */
export type FloodMode =
  | { kind: 'json'; body: () => string; type?: string }
  | { kind: 'flood'; bytes: number; declared: boolean }
  | { kind: 'trickle'; trickleMs: number };

/** A running flood server: its base URL, the mode per path, and what each reply sent. */
export interface FloodServer {
  url: string;
  route: (path: string) => FloodMode;
  sent: { path: string; bytes: number; closedEarly: boolean }[];
  close(): Promise<void>;
}

const CHUNK = Buffer.alloc(64 * 1024, 0x20);
CHUNK[0] = 0x5b; // '[' then spaces: JSON that never ends

function flood(res: ServerResponse, total: number, entry: FloodServer['sent'][number]): void {
  const pump = () => {
    while (entry.bytes < total && !res.destroyed) {
      const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, total - entry.bytes));
      entry.bytes += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

/** Starts a flood server on 127.0.0.1 (port 0) answering each path as `route` says. */
export async function startFloodServer(route: (path: string) => FloodMode): Promise<FloodServer> {
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const entry = { path: req.url ?? '/', bytes: 0, closedEarly: false };
    fake.sent.push(entry);
    res.on('close', () => (entry.closedEarly = !res.writableFinished));
    const mode = fake.route(entry.path);
    if (mode.kind === 'json') {
      const body = mode.body();
      entry.bytes = Buffer.byteLength(body);
      return void res.writeHead(200, { 'content-type': mode.type ?? 'application/json' }).end(body);
    }
    if (mode.kind === 'flood') {
      res.writeHead(200, { 'content-type': 'application/json', ...(mode.declared ? { 'content-length': String(mode.bytes) } : {}) });
      return flood(res, mode.bytes, entry);
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer);
      entry.bytes++;
      res.write(entry.bytes === 1 ? '[' : ' ');
    }, mode.trickleMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const fake: FloodServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    route,
    sent: [],
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearInterval(t);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return fake;
}
