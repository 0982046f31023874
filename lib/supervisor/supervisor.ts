/**
 * `hashwatt start`: migrate, build the web app if needed, start the demo simulator (demo mode), register
 * its rigs, then the collector and the web server; on a signal stop the collector, then the web server,
 * then the simulator.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config';
import { openDb } from '../db/client';
import { migrateDb } from '../db/migrate';
import { loadWebConfig } from '../web/web-config';
import { ensureFirstAdmin } from './first-admin';
import { hasRealRigs } from '../db/queries/rigs';
import { buildWeb, hasCurrentWebBuild } from './build';
import { startChild, type ChildHandle } from './child';
import { setUpDemo, type DemoManifest } from './demo-setup';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPTS = {
  simulator: fileURLToPath(new URL('../../collectors/simulator/main.ts', import.meta.url)),
  collector: fileURLToPath(new URL('../../collectors/main.ts', import.meta.url)),
  web: fileURLToPath(new URL('../../server.ts', import.meta.url)),
};
const READY_TIMEOUT_MS = 120_000;

function say(line: string): void {
  console.log(`hashwatt: ${line}`);
}

async function readyWithin(child: ChildHandle, ms: number): Promise<Record<string, unknown>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${child.name} did not become ready within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([child.ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the whole system until SIGINT/SIGTERM; resolves with the exit code. */
export async function runSupervisor(config: Config, opts: { dev: boolean }): Promise<number> {
  const webConfig = loadWebConfig(); // malformed TLS or proxy settings stop the start here, with the variable named
  say(`database ${config.dbPath}: applying migrations`);
  const db = openDb(config.dbPath);
  let demo: boolean;
  try {
    migrateDb(db);
    demo = config.demo === 'on' || (config.demo === 'auto' && !hasRealRigs(db));
    for (const line of await ensureFirstAdmin(db, process.env, demo, Date.now())) say(line);
  } catch (err) {
    db.close();
    throw err;
  }
  if (!opts.dev && !hasCurrentWebBuild(ROOT)) {
    say('no current web build: running `next build` (a minute or two on first start)');
    await buildWeb(ROOT);
  }

  const children: ChildHandle[] = [];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: opts.dev ? 'development' : 'production',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  let stopping = false;
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((r) => (resolveDone = r));

  // Stop order: collector first (no half-written sweep), then the web server, then the simulator.
  const stopAll = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    say(`stopping (${reason})`);
    const order = ['collector', 'web', 'simulator'];
    for (const name of order) {
      const child = children.find((c) => c.name === name);
      if (child) say(`${name} stopped (${await child.stop()})`);
    }
    db.close();
    resolveDone(code);
  };
  process.once('SIGINT', () => void stopAll('SIGINT', 0));
  process.once('SIGTERM', () => void stopAll('SIGTERM', 0));
  const watch = (child: ChildHandle) => {
    children.push(child);
    void child.exited.then((how) => {
      if (!stopping) void stopAll(`${child.name} exited unexpectedly (${how})`, 1);
    });
  };

  try {
    if (demo) {
      say(`demo mode: starting the simulator (${config.demoMiners} miners and GPU rigs on ${config.simSubnet}.x, each on its family's port)`);
      const sim = startChild('simulator', SCRIPTS.simulator, [], {
        ...env,
        HASHWATT_DEMO_MINERS: String(config.demoMiners),
        HASHWATT_SIM_MANIFEST: config.manifestPath,
        HASHWATT_SIM_SUBNET: config.simSubnet,
      });
      watch(sim);
      await readyWithin(sim, READY_TIMEOUT_MS);
      const manifest = JSON.parse(await readFile(config.manifestPath, 'utf8')) as DemoManifest;
      say(setUpDemo(db, manifest, Date.now()));
      // The demo's network data comes from the simulator's mempool-compatible API unless the operator set one.
      if (!process.env.HASHWATT_MEMPOOL_URL && manifest.services?.mempoolBaseUrl) {
        env.HASHWATT_MEMPOOL_URL = manifest.services.mempoolBaseUrl;
        say(`demo network and price data from ${manifest.services.mempoolBaseUrl}`);
      }
    } else {
      say('demo mode off: polling the configured rigs');
    }
    if (stopping) return done;
    say(`starting the collector (every ${config.pollIntervalS} s)`);
    const collector = startChild('collector', SCRIPTS.collector, [], env);
    watch(collector);
    await readyWithin(collector, READY_TIMEOUT_MS);
    if (stopping) return done;
    say(`starting the web server on port ${config.port}`);
    const web = startChild('web', SCRIPTS.web, opts.dev ? ['--dev'] : [], env);
    watch(web);
    await readyWithin(web, READY_TIMEOUT_MS);
    say(`ready: open ${webConfig.tls ? 'https' : 'http'}://localhost:${config.port}  (Ctrl-C stops everything)`);
  } catch (err) {
    if (!stopping) {
      console.error(`hashwatt: ${err instanceof Error ? err.message : String(err)}`);
      await stopAll('start-up failed', 1);
    }
  }
  return done;
}
