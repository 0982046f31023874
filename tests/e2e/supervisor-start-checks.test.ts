/**
 * What `hashwatt start` refuses before anything starts (a taken port; a missing database that evidence
 * says existed), what `--new-database` then does, that a start with no source configured contacts none,
 * and that a collector crashing again and again stops the system with a message naming it.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../lib/db/client';
import { migrateDb } from '../../lib/db/migrate';
import { runHashwatt } from '../support/run-cli';
import { descendants, freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';

const CRASH_PRELOAD = fileURLToPath(new URL('../support/crash-collector.cjs', import.meta.url));
let dir: ReturnType<typeof tempDir>;
let env: Record<string, string>;
let system: RunningSystem | null = null;

beforeAll(async () => {
  dir = tempDir('hashwatt-start-checks-');
  env = {
    PORT: String(await freePort()),
    HASHWATT_DB: `${dir.dir}/hashwatt.db`,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: '2',
    HASHWATT_POLL_INTERVAL_S: '1',
    HASHWATT_SIM_SUBNET: '127.0.143',
    HASHWATT_ADMIN_PASSWORD: '',
  };
});

afterAll(async () => {
  if (system) await system.interrupt();
  dir?.cleanup();
});

describe('start-up checks before anything starts', { timeout: 60_000 }, () => {
  it('a taken port is refused in one line: no migration, no demo password, no simulator', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(Number(env.PORT), resolve)); // every interface, as the web server would
    try {
      const run = await runHashwatt(['start'], env, 30_000);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`hashwatt start: port ${env.PORT} on 0.0.0.0 is in use (another hashwatt?): set PORT or stop it\n`);
      expect(run.stdout).toBe('');
      expect(existsSync(env.HASHWATT_DB)).toBe(false);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('a missing database that a backup record shows existed is refused, naming the evidence and the copy', async () => {
    const db = openDb(env.HASHWATT_DB);
    migrateDb(db);
    db.close();
    const backup = `${dir.dir}/monday.db`;
    expect((await runHashwatt(['backup', backup], env)).code).toBe(0);
    rmSync(env.HASHWATT_DB);
    const start = await runHashwatt(['start'], env, 30_000); // a start that is not refused is killed, and fails below
    expect(start.code).toBe(1);
    expect(start.stdout).toBe('');
    expect(start.stderr).toMatch(new RegExp(`^hashwatt start: no database at ${env.HASHWATT_DB}, but one existed there: `));
    expect(start.stderr).toMatch(
      new RegExp(
        `a record of its backup to ${backup} on \\d{4}-\\d\\d-\\d\\dT\\S+ \\(restore that copy\\) \\(${env.HASHWATT_DB}\\.last-backup\\.json\\)`,
      ),
    );
    expect(start.stderr).toContain('or start an empty one with `hashwatt start --new-database`');
    expect(existsSync(env.HASHWATT_DB)).toBe(false);
  });
});

describe('--new-database, no source configured, and a crash loop', { timeout: 90_000 }, () => {
  it('--new-database starts an empty database; with the demo off and no source set, no source is contacted', async () => {
    // The preload's marker is `crash` beside the database: ${dir.dir}/crash.
    system = await startSystem({ ...env, HASHWATT_DEMO: '0', NODE_OPTIONS: `--require ${CRASH_PRELOAD}` }, 180_000, [
      'start',
      '--new-database',
    ]);
    expect(system.output()).toMatch(/hashwatt: --new-database: starting an empty database at \S+ \(found [^\n]*a record of its backup to/);
    // The old log is kept, but where SQLite cannot replay it into the new file.
    expect(system.output()).toContain(
      `hashwatt: --new-database: moved the old ${env.HASHWATT_DB}-wal aside to ${env.HASHWATT_DB}-wal.orphaned-`,
    );
    expect(system.output()).not.toContain('starting the simulator');
    const db = openDb(env.HASHWATT_DB, { readonly: true });
    try {
      const state = () =>
        db.sqlite
          .prepare(
            "SELECT key, source, payload_json AS payload, last_error AS error FROM source_state WHERE key IN ('network', 'price') ORDER BY key",
          )
          .all();
      await expect.poll(state, { timeout: 10_000 }).toEqual([
        {
          key: 'network',
          source: 'none',
          payload: null,
          error: 'no network source configured: set one in Settings → Network or HASHWATT_MEMPOOL_URL',
        },
        { key: 'price', source: 'none', payload: null, error: expect.stringMatching(/^no price source configured/) },
      ]);
    } finally {
      db.close();
    }
  });

  it('a collector that dies at every start is restarted with backoff, then the system stops naming it and its last error', async () => {
    writeFileSync(`${dir.dir}/crash`, '');
    const collector = descendants(system!.proc.pid!).find((p) =>
      readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('collectors/main.ts'),
    )!;
    process.kill(collector, 'SIGKILL');
    const code = await system!.exited;
    const out = system!.output();
    system = null;
    expect(code).toBe(1);
    expect(out.match(/hashwatt: restarting collector in /g)).toHaveLength(4);
    expect(out).toMatch(/restarting collector in 0\.5 s[^]*in 1\.0 s[^]*in 2\.0 s[^]*in 4\.0 s/);
    expect(out).toContain('hashwatt: collector exited (exit code 3) after');
    expect(out).toContain('  | collector: cannot start: persistent fault injected by the test');
    expect(out).toContain(
      'hashwatt: collector crashed 5 times within 2 min; last: exited (exit code 3): collector: cannot start: persistent fault injected by the test; stopping everything',
    );
    expect(out).toMatch(/hashwatt: web stopped/);
  });
});
