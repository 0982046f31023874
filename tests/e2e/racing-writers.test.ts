/**
 * Writes that wait their turn, against `hashwatt start` sweeping every second: many parallel site, rig
 * and policy edits race the collector's sweep transactions. Every reply is 200 or 503 with Retry-After
 * (never a 500), and the collector is still sweeping afterwards. Before the fix a deferred transaction
 * that read and then wrote got SQLITE_BUSY at once: 500s, and the collector died of it.
 * Then a write lock held past busy_timeout by another program: the route answers 503 with Retry-After
 * (through Next's instrumentation hook and the server's reply guard), pages still load, and the collector
 * holds its sweeps and writes them once the lock is gone.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFetch } from '../support/session';
import { freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';

let dir: ReturnType<typeof tempDir>;
let system: RunningSystem;
let dbPath: string;

beforeAll(async () => {
  dir = tempDir('hashwatt-race-');
  dbPath = `${dir.dir}/hashwatt.db`;
  system = await startSystem({
    PORT: String(await freePort()),
    HASHWATT_DB: dbPath,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: '12',
    HASHWATT_POLL_INTERVAL_S: '1',
    HASHWATT_SIM_SUBNET: '127.0.212',
  });
});

afterAll(async () => {
  await system?.interrupt();
  dir?.cleanup();
});

/** The newest sweep id, read on a connection of the test's own. */
function lastSweepId(): number {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('select coalesce(max(id), 0) from sweeps').pluck().get() as number) ?? 0;
  } finally {
    db.close();
  }
}

interface Reply {
  what: string;
  status: number;
  retryAfter: string | null;
  body: string;
}

async function send(what: string, method: string, path: string, body: unknown): Promise<Reply> {
  try {
    const res = await apiFetch(system.baseUrl, path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { what, status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.text()).slice(0, 300) };
  } catch (err) {
    // A web server that died (the whole system stops with its collector) refuses connections.
    return { what, status: 0, retryAfter: null, body: err instanceof Error ? `${err.message} ${String(err.cause ?? '')}` : String(err) };
  }
}

describe('API writes racing the collector', { timeout: 120_000 }, () => {
  it('wait their turn: 200 or 503 with Retry-After, never 500, and the collector keeps sweeping', async () => {
    const sites = (await (await apiFetch(system.baseUrl, '/api/sites')).json()) as { sites: { id: number }[] };
    const rigs = (await (await apiFetch(system.baseUrl, '/api/rigs')).json()) as { rigs: { id: number; name: string }[] };
    const siteId = sites.sites[0].id;
    expect(rigs.rigs.length).toBeGreaterThan(2);
    const sweepBefore = lastSweepId();

    const replies: Reply[] = [];
    const untilMs = Date.now() + 20_000;
    // Eight writers at once, each sending its next write as soon as the last is answered.
    const writer = async (n: number) => {
      for (let i = 0; Date.now() < untilMs; i++) {
        const rig = rigs.rigs[(n + i) % rigs.rigs.length];
        const pick = (n + i) % 4;
        if (pick === 0 || pick === 1)
          replies.push(await send('site pue', 'PATCH', `/api/sites/${siteId}`, { pue: 1 + ((n + i) % 5) / 10 }));
        else if (pick === 2)
          replies.push(await send('rig name', 'PATCH', `/api/rigs/${rig.id}`, { name: `${rig.name}-${n}-${i}`.slice(0, 60) }));
        else replies.push(await send('notify policy', 'PUT', '/api/alerts/policy', { cooldownMs: 60_000 * (1 + (i % 3)) }));
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, n) => writer(n)));

    expect(replies.length).toBeGreaterThan(50);
    const wrong = replies.filter((r) => !(r.status === 200 || (r.status === 503 && Number(r.retryAfter) > 0)));
    expect(wrong.slice(0, 5), `${wrong.length} of ${replies.length} replies were neither 200 nor 503 with Retry-After`).toEqual([]);
    expect(replies.filter((r) => r.status === 200).length).toBeGreaterThan(replies.length / 2);

    // Still sweeping: new sweeps keep arriving after the storm.
    const sweepAfterStorm = lastSweepId();
    expect(sweepAfterStorm).toBeGreaterThan(sweepBefore + 5);
    await new Promise((r) => setTimeout(r, 3000));
    expect(lastSweepId()).toBeGreaterThan(sweepAfterStorm);
    expect(system.proc.exitCode).toBeNull();
    expect(system.output()).not.toMatch(/SQLITE_BUSY|database is locked/);
  });

  it('a write lock held past busy_timeout: 503 with Retry-After and the cause, pages still load, the collector catches up', async () => {
    const sites = (await (await apiFetch(system.baseUrl, '/api/sites')).json()) as { sites: { id: number }[] };
    const lock = new Database(dbPath);
    lock.exec('BEGIN IMMEDIATE');
    lock.prepare("insert into changes (ts_ms, kind) values (?, 'test-lock')").run(Date.now());
    const heldFromMs = Date.now();
    let patch: Reply;
    let page: Response;
    try {
      patch = await send('site pue', 'PATCH', `/api/sites/${sites.sites[0].id}`, { pue: 1.25 });
      page = await apiFetch(system.baseUrl, '/rigs');
      // The collector's next write waits busy_timeout, then its sweep is held: keep the lock until it says
      // so (on a loaded machine a sweep may start late; a fixed wait let the lock go before that).
      await until(() => /collector: storage failing: .*database is locked \(SQLITE_BUSY\)/.test(system.output()), 30_000);
    } finally {
      lock.exec('COMMIT');
      lock.close();
    }
    expect(patch.status).toBe(503);
    expect(patch.retryAfter).toBe('2');
    expect(JSON.parse(patch.body)).toEqual({
      ok: false,
      error: 'the database is busy (SQLITE_BUSY): another write held it too long; try again in 2 s',
    });
    expect(page.status).toBe(200); // reads do not wait for writers under WAL
    await until(() => /collector: storage recovered: .* wrote \d+ held sweeps? in order/.test(system.output()));
    expect(system.output()).toMatch(/collector: storage failing: .*database is locked \(SQLITE_BUSY\)/);
    const stored = storedStarts();
    expect(stored.some((startedAtMs) => startedAtMs >= heldFromMs)).toBe(true);
    expect(stored).toEqual([...stored].sort((a, b) => a - b));
    const after = await send('site pue', 'PATCH', `/api/sites/${sites.sites[0].id}`, { pue: 1.25 });
    expect(after.status).toBe(200);
  });
});

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out; output:\n${system.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Start times of the stored sweeps, by id. */
function storedStarts(): number[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select started_at_ms from sweeps order by id').pluck().all() as number[];
  } finally {
    db.close();
  }
}
