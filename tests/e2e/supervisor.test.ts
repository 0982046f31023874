/**
 * The supervisor under `hashwatt start` as an operator meets it: kill -9 of each child is survived (the
 * child restarted, the system serving and sweeping again), /api/health says 503 with the reason while no
 * collector runs or sweeps go old; real rigs added beside the demo keep the demo running with a message and
 * a banner until `hashwatt demo remove`, which a running simulator's restart then respects.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../lib/db/client';
import { migrateDb } from '../../lib/db/migrate';
import { addRigs } from '../../lib/db/mutations/add-rigs';
import { setUpDemo } from '../../bin/supervisor/demo-setup';
import { startSimulator } from '../../collectors/simulator/simulator';
import { launchBrowser } from '../support/browser';
import { runHashwatt } from '../support/run-cli';
import { apiFetch, signedInPage } from '../support/session';
import { descendants, freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';

const SUBNET = '127.0.141';
let browser: Browser;
let dir: ReturnType<typeof tempDir>;
let env: Record<string, string>;
let system: RunningSystem | null = null;

beforeAll(async () => {
  dir = tempDir('hashwatt-supervisor-');
  env = {
    PORT: String(await freePort()),
    HASHWATT_DB: `${dir.dir}/hashwatt.db`,
    HASHWATT_DEMO_MINERS: '4',
    HASHWATT_POLL_INTERVAL_S: '1',
    HASHWATT_SIM_SUBNET: SUBNET,
    // Secrets in the supervisor's environment that no child reads (startSystem adds HASHWATT_ADMIN_PASSWORD).
    HASHWATT_USER_PASSWORD: 'cli-only-password-1',
    AWS_SECRET_ACCESS_KEY: 'decoy-cloud-key',
  };
  // What an earlier demo start left, and a first real rig added since (as the settings screen adds it).
  const db = openDb(env.HASHWATT_DB);
  migrateDb(db);
  const sim = await startSimulator({ miners: 4, subnet: SUBNET, httpPort: null });
  await sim.stop();
  setUpDemo(db, sim.manifest, Date.now());
  const real = addRigs(
    db,
    'Rockdale TX',
    [{ address: '127.0.142.9', port: 4028, driver: 'antminer', model: null, algorithm: 'sha256', name: 'real-s19' }],
    {
      nowMs: Date.now(),
      currency: 'USD',
      defaultPorts: { antminer: 4028 },
    },
  );
  expect(real.added).toHaveLength(1);
  db.close();
  [system, browser] = await Promise.all([startSystem(env), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  if (system) {
    for (const pid of descendants(system.proc.pid!)) signal(pid, 'SIGCONT');
    await system.interrupt();
  }
  dir?.cleanup();
});

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** The pid of the running child whose command line names `script`. */
function childPid(script: string): number {
  const found = descendants(system!.proc.pid!).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(script);
    } catch {
      return false;
    }
  });
  if (found.length !== 1) throw new Error(`expected one process running ${script}, found ${found.length}`);
  return found[0];
}

interface Health {
  status: number;
  ok: boolean;
  reason: string | null;
  collector?: { state: string; pid: number | null };
}

async function health(): Promise<Health | null> {
  try {
    const res = await fetch(`${system!.baseUrl}/api/health`);
    return { status: res.status, ...((await res.json()) as Omit<Health, 'status'>) };
  } catch {
    return null; // no web server listening
  }
}

/** Polls /api/health every 100 ms until `want` holds; returns every answer seen. */
async function healthUntil(want: (h: Health | null) => boolean, timeoutMs = 30_000): Promise<(Health | null)[]> {
  const seen: (Health | null)[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const h = await health();
    seen.push(h);
    if (want(h)) return seen;
    if (Date.now() > deadline)
      throw new Error(`health never matched; last answers: ${JSON.stringify(seen.slice(-3))}\n${system!.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const healthy = (h: Health | null) => h?.status === 200 && h.ok;

function sweepCount(): number {
  const db = openDb(env.HASHWATT_DB, { readonly: true });
  try {
    return db.sqlite.prepare('SELECT count(*) FROM sweeps').pluck().get() as number;
  } finally {
    db.close();
  }
}

function samplesSince(tsMs: number): number {
  const db = openDb(env.HASHWATT_DB, { readonly: true });
  try {
    return db.sqlite.prepare('SELECT count(DISTINCT rig_id) FROM samples WHERE ts_ms > ?').pluck().get(tsMs) as number;
  } finally {
    db.close();
  }
}

/** A running process's environment, from /proc. */
function environOf(pid: number): Record<string, string> {
  const pairs = readFileSync(`/proc/${pid}/environ`, 'utf8')
    .split('\0')
    .filter((p) => p !== '');
  return Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
}

describe('what the children are given', { timeout: 60_000 }, () => {
  it('each child gets its own settings and the system basics, never the admin password, a CLI password or a stray secret', () => {
    expect(readFileSync(`/proc/${system!.proc.pid}/environ`, 'utf8')).toContain('HASHWATT_ADMIN_PASSWORD='); // the supervisor has it
    const allowedShape =
      /^(PATH|HOME|USER|LOGNAME|LANG|LANGUAGE|TZ|TMPDIR|TMP|TEMP|SSL_CERT_FILE|SSL_CERT_DIR|NO_COLOR|FORCE_COLOR|PORT|LC_\w+|NODE_\w+|TSX_\w+|NEXT_\w+|HASHWATT_\w+)$/;
    const children = { simulator: 'collectors/simulator/main.ts', collector: 'collectors/main.ts', web: 'server.ts' };
    const seen: Record<string, Record<string, string>> = {};
    for (const [name, script] of Object.entries(children)) {
      const environ = environOf(childPid(script));
      seen[name] = environ;
      for (const secret of ['HASHWATT_ADMIN_PASSWORD', 'HASHWATT_USER_PASSWORD', 'AWS_SECRET_ACCESS_KEY'])
        expect(environ, `${name}: ${secret}`).not.toHaveProperty(secret);
      expect(JSON.stringify(environ)).not.toMatch(/decoy-cloud-key|cli-only-password-1/);
      expect(
        Object.keys(environ).filter((k) => !allowedShape.test(k)),
        name,
      ).toEqual([]);
      expect(environ.PATH, name).toBeTruthy();
    }
    expect(seen.collector).toMatchObject({ HASHWATT_DB: env.HASHWATT_DB, HASHWATT_POLL_INTERVAL_S: '1', NODE_ENV: 'production' });
    expect(seen.web).toMatchObject({ HASHWATT_DB: env.HASHWATT_DB, PORT: env.PORT, NEXT_TELEMETRY_DISABLED: '1' });
    expect(seen.simulator).toMatchObject({ HASHWATT_SIM_SUBNET: SUBNET, HASHWATT_DEMO_MINERS: '4' });
    // The simulator never opens the database: it is not told where it is.
    expect(seen.simulator).not.toHaveProperty('HASHWATT_DB');
  });
});

describe('a supervisor that supervises', { timeout: 60_000 }, () => {
  it('restarts a collector killed with -9; health says no collector runs until it is back, and sweeps go on', async () => {
    await healthUntil(healthy);
    const killed = childPid('collectors/main.ts');
    signal(killed, 'SIGKILL');
    const seen = await healthUntil((h) => healthy(h) && h?.collector?.pid !== killed);
    const down = seen.filter((h) => h?.status === 503);
    expect(down.length).toBeGreaterThan(0);
    expect(down[0]!.reason).toMatch(/^collector exited \(signal SIGKILL\) \d+ s ago; no collector runs$/);
    expect(system!.output()).toMatch(
      /hashwatt: collector exited \(signal SIGKILL\) after [\d.]+ s\nhashwatt: restarting collector in 0\.5 s/,
    );
    const sweeps = sweepCount();
    await expect.poll(sweepCount, { timeout: 10_000 }).toBeGreaterThan(sweeps + 1);
  });

  it('restarts a web server killed with -9: the port answers again', async () => {
    signal(childPid('server.ts'), 'SIGKILL');
    const seen = await healthUntil(healthy);
    expect(seen.some((h) => h === null)).toBe(true); // it really was gone
    expect(system!.output()).toMatch(/hashwatt: web exited \(signal SIGKILL\)/);
  });

  it('restarts a simulator killed with -9, registers its manifest again, and its rigs are polled again', async () => {
    const killed = childPid('collectors/simulator/main.ts');
    const before = system!.output().split('demo fleet: 4 rigs in 2 sites').length;
    signal(killed, 'SIGKILL');
    await expect.poll(() => system!.output().split('demo fleet: 4 rigs in 2 sites').length, { timeout: 20_000 }).toBe(before + 1);
    expect(system!.output()).toMatch(/hashwatt: simulator exited \(signal SIGKILL\)[^]*hashwatt: simulator is back/);
    const backMs = Date.now();
    await expect.poll(() => samplesSince(backMs), { timeout: 10_000 }).toBe(4);
  });

  it('answers 503 naming old sweeps while the collector hangs (SIGSTOP), and 200 once it sweeps again', async () => {
    const collector = childPid('collectors/main.ts');
    signal(collector, 'SIGSTOP');
    try {
      const seen = await healthUntil((h) => h?.status === 503, 15_000);
      expect(seen.at(-1)!.reason).toMatch(
        /^last sweep stored \d+ s ago, more than 3 poll intervals of 1 s: no collector runs, or it cannot write \(disk full\?\)$/,
      );
    } finally {
      signal(collector, 'SIGCONT');
    }
    await healthUntil(healthy, 10_000);
  });
});

describe('the demo never switches off silently', { timeout: 60_000 }, () => {
  it('keeps the demo running beside a real rig, says so and how to remove it, and every page shows the banner', async () => {
    const out = system!.output();
    expect(out).toContain('hashwatt: demo: 4 demo rigs keep running beside your 1 real rig');
    expect(out).toContain('`npx hashwatt demo remove`');
    expect(out).toMatch(/demo mode: starting the simulator/);
    const page = await signedInPage(browser, system!.baseUrl);
    await page.goto(system!.baseUrl);
    expect(await page.getByTestId('demo-banner').textContent()).toBe(
      'DemoDemo rigs are shown beside your real rigs: hashwatt demo remove removes the 4 simulated rigs and their data.',
    );
    await page.close();
    // Every page: the banner lives in the root layout; one more page proves it is not the overview's.
    expect(await (await apiFetch(system!.baseUrl, '/settings/sites')).text()).toContain('data-testid="demo-banner"');
  });

  it('`hashwatt demo remove` removes the demo rigs and their data, says what it removed, and the banner goes', async () => {
    const removed = await runHashwatt(['demo', 'remove'], { HASHWATT_DB: env.HASHWATT_DB, HASHWATT_SIM_SUBNET: SUBNET });
    expect(removed.stderr).toBe('');
    expect(removed.code).toBe(0);
    // Site 1 holds the real rig now, so it stays; the other demo site goes.
    expect(removed.stdout).toMatch(
      /^demo remove: removed 4 demo rigs with \d+ samples and their history; site "Baie-Comeau QC"; pool "Braiins Pool \(demo\)"; the simulator's (network and price|price and network) values\n/,
    );
    const res = await apiFetch(system!.baseUrl, '/api/rigs');
    expect(((await res.json()) as { rigs: { name: string }[] }).rigs.map((r) => r.name)).toEqual(['real-s19']);
    const html = await (await apiFetch(system!.baseUrl, '/')).text();
    expect(html).toContain('data-testid="rigs-total"');
    expect(html).not.toContain('data-testid="demo-banner"');
    // The running simulator is not brought back once the demo is gone.
    signal(childPid('collectors/simulator/main.ts'), 'SIGKILL');
    await expect.poll(() => system!.output(), { timeout: 10_000 }).toContain('hashwatt: simulator not restarted: the demo was removed');
  });
});
