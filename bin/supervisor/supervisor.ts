/**
 * `hashwatt start`: check the port and the database before anything starts, migrate, build the web app
 * if needed, start the demo simulator (demo mode), register its rigs, then the collector and the web
 * server, each kept running by superviseChild (restarted with backoff; a crash loop stops the system
 * naming the child). On a signal: stop the collector, then the web server, then the simulator.
 */
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadSourcesConfig, loadWebConfig, type Config, type Env } from '../../lib/config';
import { openDb, type Db } from '../../lib/db/client';
import { recordCollectorStop } from '../../lib/db/mutations/collector-heartbeat';
import { dropDemoSourceValues } from '../../lib/db/mutations/remove-demo';
import { demoRemovedAtMs, rigCounts } from '../../lib/db/queries/demo';
import { migrateDb } from '../../lib/db/migrate';
import { isDemoSourceLabel } from '../../lib/domain/demo';
import { listenLabel, openUrl } from '../../lib/web/listen-url';
import { buildWeb, hasCurrentWebBuild } from './build';
import { startChild } from './child';
import { childEnv, type ChildName } from './child-env';
import { readManifest, setUpDemo } from './demo-setup';
import { decideDemo, type DemoDecision } from './demo-mode';
import { ensureFirstAdmin } from './first-admin';
import { prepareSecretKey } from './key-setup';
import { checkDatabase, checkListenAddress } from './preflight';
import { narrowDatabaseFiles } from './private-files';
import { createRestartPolicy } from './restart-policy';
import { superviseChild, type SupervisedChildOptions, type SupervisedChild } from './supervised-child';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPTS = {
  simulator: fileURLToPath(new URL('../../collectors/simulator/main.ts', import.meta.url)),
  collector: fileURLToPath(new URL('../../collectors/main.ts', import.meta.url)),
  web: fileURLToPath(new URL('../../server.ts', import.meta.url)),
};
const READY_TIMEOUT_MS = 120_000;
/** Stop order: the collector first (no half-written sweep), then the web server, then the simulator. */
const STOP_ORDER = ['collector', 'web', 'simulator'];

function say(line: string): void {
  console.log(`hashwatt: ${line}`);
}

/** Options of `hashwatt start`. */
export interface StartOptions {
  dev: boolean;
  /** Begin an empty database even where evidence shows one existed. */
  newDatabase: boolean;
}

/** Validates, checks and migrates before any child starts; returns the open database and the demo decision. */
async function prepare(
  config: Config,
  env: Env,
  opts: StartOptions,
): Promise<{ db: Db; demo: DemoDecision; operatorMempoolUrl: string | null }> {
  // Malformed source settings stop the start here, not in a crash-looping collector.
  const operatorMempoolUrl = loadSourcesConfig(env).mempoolBaseUrl;
  await checkListenAddress(config.host, config.port);
  for (const line of checkDatabase(config.dbPath, config.manifestPath, opts.newDatabase, Date.now())) say(line);
  const modes = narrowDatabaseFiles(config.dbPath, config.manifestPath);
  if (modes) say(modes);
  say(`database ${config.dbPath}: applying migrations`);
  const db = openDb(config.dbPath);
  try {
    migrateDb(db);
    for (const line of prepareSecretKey(db, config, Date.now())) say(line);
    const counts = rigCounts(db);
    const demo = decideDemo(config.demo, { demoRigs: counts.demo, realRigs: counts.real, removedAtMs: demoRemovedAtMs(db) });
    for (const line of demo.lines) say(line);
    if (!demo.on) {
      // The simulator's made-up network and price must not price real rigs once it no longer runs.
      const dropped = dropDemoSourceValues(db, (label) => isDemoSourceLabel(label, config.simSubnet));
      if (dropped.length > 0) say(`demo off: dropped the simulator's ${dropped.join(' and ')} values`);
    }
    for (const line of await ensureFirstAdmin(db, env, demo.on, Date.now())) say(line);
    return { db, demo, operatorMempoolUrl };
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * Runs the whole system until SIGINT/SIGTERM or a crash loop; resolves with the exit code. `config` is
 * `env` parsed; `env` (the CLI's processEnv()) is what the children's environments are cut from.
 */
export async function runSupervisor(config: Config, env: Env, opts: StartOptions): Promise<number> {
  const webConfig = loadWebConfig(env); // malformed TLS or proxy settings stop the start here, with the variable named
  const { db, demo, operatorMempoolUrl } = await prepare(config, env, opts);
  if (!opts.dev && !hasCurrentWebBuild(ROOT)) {
    say('no current web build: running `next build` (a minute or two on first start)');
    await buildWeb(ROOT, env);
  }

  const startedAtMs = Date.now();
  // What the children's environments are cut from (child-env.ts): each gets only what it reads.
  const childBase: Record<string, string | undefined> = {
    ...env,
    NODE_ENV: opts.dev ? 'development' : 'production',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const children: SupervisedChild[] = [];
  let stopping = false;
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((r) => (resolveDone = r));

  const stopAll = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    say(`stopping (${reason})`);
    for (const name of STOP_ORDER) {
      const child = children.find((c) => c.name === name);
      const how = child ? await child.stop() : null;
      if (how !== null) say(`${name} stopped (${how})`);
    }
    db.close();
    resolveDone(code);
  };
  process.once('SIGINT', () => void stopAll('SIGINT', 0));
  process.once('SIGTERM', () => void stopAll('SIGTERM', 0));

  const supervise = (
    name: ChildName,
    script: string,
    args: string[],
    extra: Record<string, string> = {},
    hooks: Partial<SupervisedChildOptions> = {},
  ) => {
    const child = superviseChild({
      name,
      // The environment is cut at each (re)start: the demo's network URL set below reaches a restarted child too.
      spawn: () => startChild(name, script, args, childEnv(name, childBase, extra)),
      policy: createRestartPolicy(),
      readyTimeoutMs: READY_TIMEOUT_MS,
      log: say,
      onGiveUp: (message) => {
        console.error(`hashwatt: ${message}; stopping everything`);
        void stopAll(`${name} keeps crashing`, 1);
      },
      ...hooks,
    });
    children.push(child);
    return child;
  };
  const registerDemo = async () => {
    const manifest = await readManifest(config.manifestPath);
    say(setUpDemo(db, manifest, Date.now()));
    return manifest;
  };

  try {
    if (demo.on) {
      say(
        `demo mode: starting the simulator (${config.demoMiners} miners and GPU rigs on ${config.simSubnet}.x, each on its family's port)`,
      );
      const simEnv = {
        HASHWATT_DEMO_MINERS: String(config.demoMiners),
        HASHWATT_SIM_MANIFEST: config.manifestPath,
        HASHWATT_SIM_SUBNET: config.simSubnet,
      };
      const sim = supervise('simulator', SCRIPTS.simulator, [], simEnv, {
        // A restarted simulator rewrote its manifest: register it again, as a start does.
        afterRestart: async () => void (await registerDemo()),
        restartVeto: () => ((demoRemovedAtMs(db) ?? 0) > startedAtMs ? 'the demo was removed (`hashwatt demo remove`)' : null),
      });
      await sim.ready;
      const manifest = await registerDemo();
      // The demo's network data comes from the simulator's mempool-compatible API unless the operator set one.
      if (operatorMempoolUrl === null && manifest.services?.mempoolBaseUrl) {
        childBase.HASHWATT_MEMPOOL_URL = manifest.services.mempoolBaseUrl;
        say(`demo network and price data from ${manifest.services.mempoolBaseUrl}`);
      }
    } else {
      say('demo mode off: polling the configured rigs');
    }
    if (stopping) return done;
    say(`starting the collector (every ${config.pollIntervalS} s)`);
    const collector = supervise(
      'collector',
      SCRIPTS.collector,
      [],
      {},
      {
        // Tell /api/health at once: a dead collector must not read as healthy until its sweeps age.
        onCrash: (child, cause) => {
          try {
            recordCollectorStop(db, { pid: child.process.pid ?? -1, host: hostname() }, cause, Date.now());
          } catch (err) {
            say(`cannot record the collector's exit for /api/health: ${err instanceof Error ? err.message : String(err)}`);
          }
        },
      },
    );
    await collector.ready;
    if (stopping) return done;
    say(`starting the web server on ${listenLabel(config.host)} port ${config.port}`);
    const web = supervise('web', SCRIPTS.web, opts.dev ? ['--dev'] : []);
    await web.ready;
    say(`ready: open ${openUrl(webConfig.tls !== null, config.host, config.port)}  (Ctrl-C stops everything)`);
  } catch (err) {
    if (!stopping) {
      console.error(`hashwatt: ${err instanceof Error ? err.message : String(err)}`);
      await stopAll('start-up failed', 1);
    }
  }
  return done;
}
