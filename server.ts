/**
 * The web process: one HTTP (or HTTPS) server on PORT carrying Next.js and socket.io behind one gate
 * (lib/web/gate: sign-in, roles, CSRF, security headers). A tailer on its own connection turns committed
 * changes into deltas. It never polls devices.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { pathToFileURL } from 'node:url';
import next from 'next';
import { loadAppConfig, marketPolicy, processEnv, setAppConfig, type WebConfig } from './lib/config';
import type { MarketPolicy } from './lib/domain/market-policy';
import { openDb } from './lib/db/client';
import { getAppDb } from './lib/db/app-db';
import { attachRealtime } from './lib/realtime/socket-server';
import { startTailer } from './lib/realtime/tailer';
import { onShutdown, releaseParent } from './lib/util/child-process-lifecycle';
import { usePrivateUmask } from './lib/util/private-umask';
import { createGate } from './lib/web/gate';
import { sendJson } from './lib/web/replies';
import { requestScopes, type RequestScope } from './lib/web/request-scope';
import { replaceFaultedReplies, sendStorageReply, storageReplyFor } from './lib/web/storage-reply';
import { getStorageWatch } from './lib/web/storage-watch';
import { listenLabel, openUrl } from './lib/web/listen-url';

export interface WebServerOptions {
  dev: boolean;
  port: number;
  /** Listen address (HASHWATT_HOST); null: every interface. */
  host: string | null;
  dbPath: string;
  market: MarketPolicy;
  web: WebConfig;
  publicUrl: string | null;
}

/** Starts the web server; resolves once it listens. */
export async function startWebServer(opts: WebServerOptions) {
  const app = next({ dev: opts.dev, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const db = getAppDb();
  const gate = createGate({ db, web: opts.web, dev: opts.dev, publicUrl: opts.publicUrl });
  const storage = getStorageWatch();
  // Storage faults (busy, full, read-only, failing, replaced) are answered 503 with Retry-After, never 500:
  // the gate's own here, those of Next's routes and pages through the request scope (instrumentation.ts).
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const scope: RequestScope = { errors: [] };
    replaceFaultedReplies(
      req,
      res,
      () => scope.errors,
      db,
      (reply) => storage.noteFault(reply.fault),
    );
    // Fire and forget: the chain ends in the .catch below, which answers every failure.
    void requestScopes().run(scope, () =>
      gate
        .handle(req, res)
        .then((answered) => (answered ? undefined : handle(req, res)))
        .catch((err: unknown) => {
          const reply = storageReplyFor(err, db);
          if (reply) storage.noteFault(reply.fault);
          else console.error(`web: ${req.method} ${req.url}: ${err instanceof Error ? err.stack : String(err)}`);
          if (res.headersSent) return;
          if (reply) sendStorageReply(req, res, reply);
          else sendJson(res, 500, { ok: false, error: 'internal error' });
        }),
    );
  };
  const http = opts.web.tls
    ? createHttpsServer({ cert: readFileSync(opts.web.tls.certPath), key: readFileSync(opts.web.tls.keyPath) }, onRequest)
    : createServer(onRequest);
  const tailDb = openDb(opts.dbPath);
  tailDb.sqlite.pragma('query_only = ON');
  // The tailer computes the fleet's frame once per batch; subscribe replies reuse its latest one.
  let tailer: ReturnType<typeof startTailer> | null = null;
  const realtime = attachRealtime(http, tailDb, opts.market, gate.authenticateUpgrade, undefined, () => tailer?.frame() ?? null);
  tailer = startTailer(tailDb, opts.market, realtime.broadcast, undefined, realtime.recheck, realtime.watchedIds);
  // Free space, writability and the file's identity, every 10 s even while no page is open.
  const storageTimer = setInterval(() => storage.check(), 10_000);
  storageTimer.unref();
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen({ port: opts.port, host: opts.host ?? undefined }, resolve);
  });
  return {
    async close() {
      clearInterval(storageTimer);
      tailer.stop();
      realtime.stop();
      realtime.io.disconnectSockets(true);
      await new Promise<void>((resolve) => void realtime.io.close(() => resolve()));
      http.closeAllConnections();
      await app.close?.();
      tailDb.close();
    },
  };
}

async function main() {
  usePrivateUmask();
  // The environment, parsed once: this process's options, and Next's routes and pages through the holder.
  const appConfig = loadAppConfig(processEnv());
  setAppConfig(appConfig);
  const { config, web } = appConfig;
  const dev = process.argv.includes('--dev');
  const server = await startWebServer({
    dev,
    port: config.port,
    host: config.host,
    dbPath: config.dbPath,
    market: marketPolicy(config),
    web,
    publicUrl: config.publicUrl,
  });
  console.log(
    `web: listening on ${listenLabel(config.host)} port ${config.port}: ${openUrl(web.tls !== null, config.host, config.port)}${dev ? ' (dev)' : ''}`,
  );
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
