/**
 * `npm run bench`: every goal of issue 16 measured on simulated fleets, printed as ONE JSON document.
 *   npm run bench                 1,000 and 10,000 miners, 1,000 browsers, Lighthouse (under 10 minutes)
 *   npm run bench -- --quick      1,000 miners, 100 browsers, fewer sweeps, no Lighthouse (under 2 minutes)
 *   --miners=1000,10000 --browsers=N --sweeps=N --live-sweeps=N --no-lighthouse --out=FILE override.
 * Run it under /work/tools/nstest on the shared development machine (the simulator binds 127.0.100.x).
 * Progress goes to stderr; stdout is the JSON alone.
 */
import { execSync, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { tempDir } from '../lib/util/temp-dir';
import { measureCollector } from './collector-phase';
import { startFleet } from './fleet';
import { goalsOf } from './goals';
import { measureHousekeeping } from './housekeeping';
import { measureLighthouse } from './lighthouse';
import { measureLive } from './live';
import { measurePages } from './pages';
import { firstRigId, seedRigHistory } from './schema-model';
import { fileBytes, steadyState, tableSizes, type TableSizes } from './storage';
import { createPrincipals, ensureWebBuild, startWeb } from './web';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = flag('quick');
const config = {
  mode: quick ? 'quick' : 'full',
  miners: (option('miners') ?? (quick ? '1000' : '1000,10000')).split(',').map(Number),
  browsers: Number(option('browsers') ?? (quick ? 100 : 1000)),
  sweeps: option('sweeps') ? Number(option('sweeps')) : null,
  liveSweeps: Number(option('live-sweeps') ?? 3),
  liveIntervalMs: quick ? 5000 : 10_000,
  lighthouse: !quick && !flag('no-lighthouse'),
  out: option('out'),
};

const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

/** Runs `fn`; a failure becomes `{ error }` in the JSON so the other figures still print. */
async function phase<T>(name: string, fn: () => Promise<T> | T): Promise<T | { error: string }> {
  const t0 = performance.now();
  log(`${name}...`);
  try {
    const value = await fn();
    savePartial();
    log(`${name} done in ${Math.round(performance.now() - t0)} ms`);
    return value;
  } catch (err) {
    log(`${name} failed: ${err instanceof Error ? err.stack : String(err)}`);
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** The figures so far of the fleet being measured, saved after each phase (a killed run keeps them). */
let current: Record<string, unknown> = {};
let savePartial: () => void = () => undefined;

async function benchFleet(miners: number) {
  const dir = tempDir('hashwatt-bench-');
  const out: Record<string, unknown> = { miners };
  current = out;
  const fleet = await startFleet(dir.dir, miners, '127.0.100');
  let web: Awaited<ReturnType<typeof startWeb>> | null = null;
  try {
    const principals = createPrincipals(fleet.db, Date.now());
    web = await startWeb(fleet.dbPath);
    const sweeps = config.sweeps ?? (miners >= 5000 ? 5 : quick ? 4 : 10);
    let before: TableSizes | null = null;
    const collector = await phase(`collector ${miners}`, () =>
      measureCollector(fleet, sweeps, Date.now(), () => {
        before = tableSizes(fleet.db);
      }),
    );
    if ('error' in collector) throw new Error(collector.error);
    out.collector = collector.figures;
    const after = tableSizes(fleet.db);
    let final: TableSizes | null = null;
    out.rollupsAndRetention = await phase('rollups and retention', () =>
      measureHousekeeping(fleet.db, collector.measuredFromMs, collector.nextMs, () => {
        final = tableSizes(fleet.db);
      }),
    );
    out.storage =
      before && after && final
        ? steadyState(fileBytes(fleet.db).pageSize, before, after, final, sweeps, miners, fileBytes(fleet.db).fileBytes)
        : { error: 'dbstat is not compiled into this SQLite', file: fileBytes(fleet.db) };
    fleet.clock.offsetMs = collector.nextMs - Date.now(); // fleet time runs on from the last sweep
    out.live = await phase(`live ${config.browsers} browsers`, () =>
      measureLive(fleet, { origin: web!.origin, pid: web!.server.process.pid }, principals.kioskCookie, {
        clients: config.browsers,
        sweeps: config.liveSweeps,
        intervalMs: config.liveIntervalMs,
      }),
    );
    const rigId = firstRigId(fleet.db);
    seedRigHistory(fleet.db, [rigId], fleet.clock.now());
    out.pages = await phase('pages', () => measurePages(web!.origin, principals.sessionCookie, principals.apiToken, rigId, quick ? 3 : 5));
    if (config.lighthouse && miners === Math.max(...config.miners)) {
      out.lighthouseMobile = {
        overview: await phase('lighthouse /', () => measureLighthouse(`${web!.origin}/`, principals.sessionCookie)),
        wall: await phase('lighthouse /wall', () => measureLighthouse(`${web!.origin}/wall`, principals.kioskCookie)),
      };
    }
  } finally {
    await web?.server.stop();
    await fleet.stop();
    dir.cleanup();
  }
  return out;
}

function git(cmd: string): string {
  try {
    return execSync(`git ${cmd}`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

async function main() {
  const t0 = performance.now();
  await ensureWebBuild();
  const fleets: Record<string, unknown> = {};
  // The code measured is the code at the start (a commit made while it runs is not in it).
  const commit = git('rev-parse HEAD');
  const dirty = git('status --porcelain --untracked-files=no') !== '';
  const document = (partial: boolean) => ({
    bench: 'hashwatt-issue-16',
    commit,
    dirty,
    at: new Date().toISOString(),
    mode: config.mode,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version },
    config,
    sources: {
      live: 'collector, storage growth, rollups/retention, live latency and bytes: a live simulated fleet (simulator process, real TCP, real SQLite file, collector code in the bench process)',
      seeded: "pages: the same database; the rig's 30 days of rollups are seeded in SQL (bench/schema-model.ts)",
    },
    goals: goalsOf(fleets),
    fleets,
    wallS: Math.round((performance.now() - t0) / 1000),
    ...(partial ? { partial: true } : {}),
  });
  savePartial = () => {
    if (!config.out || typeof current.miners !== 'number') return;
    if (!(String(current.miners) in fleets)) fleets[String(current.miners)] = current; // replaced by the finished figures
    writeFileSync(config.out, `${JSON.stringify(document(true), null, 2)}\n`);
  };
  for (const miners of config.miners) {
    fleets[String(miners)] = await phase(`fleet of ${miners}`, () => benchFleet(miners));
  }
  const json = JSON.stringify(document(false), null, 2);
  if (config.out) writeFileSync(config.out, `${json}\n`);
  process.send!({ type: 'result', json });
}

/**
 * The bench runs in a worker whose stdout goes to stderr (the build, the simulator and the web server
 * print there); the launcher prints only the JSON document on stdout.
 */
function launch(): void {
  const worker = fork(fileURLToPath(import.meta.url), args, {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_WORKER: '1' },
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  let printed = false;
  worker.on('message', (msg: { type?: string; json?: string }) => {
    if (msg?.type !== 'result' || typeof msg.json !== 'string') return;
    printed = true;
    process.stdout.write(`${msg.json}\n`);
  });
  worker.on('exit', (code) => process.exit(printed ? 0 : (code ?? 1) || 1));
}

if (process.env.BENCH_WORKER === '1') {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(`bench: ${err instanceof Error ? err.stack : String(err)}`);
      process.exit(1);
    },
  );
} else launch();
