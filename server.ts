/**
 * The web process: one HTTP server on PORT carrying Next.js and socket.io. A tailer on its own
 * connection turns committed changes into deltas. It never polls devices.
 */
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import next from 'next';
import { loadConfig, marketPolicy } from './lib/config';
import type { MarketPolicy } from './lib/db/queries/market';
import { openDb } from './lib/db/client';
import { attachRealtime } from './lib/realtime/socket-server';
import { startTailer } from './lib/realtime/tailer';
import { onShutdown, releaseParent } from './lib/util/child-process-lifecycle';

/** Starts the web server; resolves once it listens. */
export async function startWebServer(opts: { dev: boolean; port: number; dbPath: string; market: MarketPolicy }) {
  const app = next({ dev: opts.dev, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const http = createServer((req, res) => void handle(req, res));
  const tailDb = openDb(opts.dbPath);
  tailDb.sqlite.pragma('query_only = ON');
  const realtime = attachRealtime(http, tailDb, opts.market);
  const tailer = startTailer(tailDb, opts.market, realtime.broadcast);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port, resolve);
  });
  return {
    async close() {
      tailer.stop();
      realtime.io.disconnectSockets(true);
      await new Promise<void>((resolve) => realtime.io.close(() => resolve()));
      http.closeAllConnections();
      await app.close?.();
      tailDb.close();
    },
  };
}

async function main() {
  const config = loadConfig();
  const dev = process.argv.includes('--dev');
  const server = await startWebServer({ dev, port: config.port, dbPath: config.dbPath, market: marketPolicy(config) });
  console.log(`web: listening on http://localhost:${config.port}${dev ? ' (dev)' : ''}`);
  process.send?.({ type: 'ready', port: config.port });
  onShutdown(() => {
    void server.close().then(() => {
      console.log('web: stopped');
      releaseParent();
      process.exit(0);
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(`web: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
