/**
 * Writes that wait their turn, on a real SQLite file with a second connection in a worker thread holding
 * the write lock (as the collector's sweep does): a site edit that reads and then writes waits and
 * succeeds instead of failing with SQLITE_BUSY at once; a BUSY returned without waiting is retried a
 * bounded number of times; one after a full wait is not stacked on; no transaction is opened any other way.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSite, updateSite } from '../../../lib/db/mutations/sites';
import { writeTransaction } from '../../../lib/db/transactions';
import { sites } from '../../../lib/db/schema';
import { tempDb } from '../../support/temp';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SQLITE_MODULE = createRequire(import.meta.url).resolve('better-sqlite3');
let t: ReturnType<typeof tempDb>;

beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

/** Another connection takes the write lock, writes, holds it `holdMs`, then commits. Resolves once it holds the lock. */
function holdWriteLock(path: string, holdMs: number): Promise<{ released: Promise<void> }> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const Database = require(workerData.module);
     const db = new Database(workerData.path);
     db.pragma('busy_timeout = 5000');
     db.exec('BEGIN IMMEDIATE');
     db.prepare("insert into changes (ts_ms, kind) values (1, 'test-lock')").run();
     parentPort.postMessage('locked');
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
     db.exec('COMMIT');
     db.close();`,
    { eval: true, workerData: { module: SQLITE_MODULE, path, holdMs } },
  );
  const released = new Promise<void>((resolve, reject) => {
    worker.once('exit', () => resolve());
    worker.once('error', reject);
  });
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve({ released }));
    worker.once('error', reject);
  });
}

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('writes that wait their turn', () => {
  it('a site edit that reads, then writes, waits for another connection’s write instead of failing with SQLITE_BUSY', async () => {
    const site = createSite(t.db, { name: 'North', timeZone: 'UTC', currency: 'USD', pue: 1.1, poolFeePct: 2 }, 1);
    if (!site.ok) throw new Error('site not created');
    const { released } = await holdWriteLock(t.path, 300);
    const startMs = Date.now();
    expect(updateSite(t.db, site.value, { pue: 1.3 }, 2)).toEqual({ ok: true, value: site.value });
    expect(Date.now() - startMs).toBeGreaterThanOrEqual(200); // it waited for the other writer's commit
    await released;
    expect(t.db.orm.select({ pue: sites.pue }).from(sites).get()?.pue).toBe(1.3);
  });

  it('retries a BUSY returned without waiting, up to the attempt limit, then throws it', () => {
    let calls = 0;
    expect(
      writeTransaction(t.db, () =>
        ++calls < 3
          ? (() => {
              throw busy();
            })()
          : 'done',
      ),
    ).toBe('done');
    expect(calls).toBe(3);
    calls = 0;
    expect(() =>
      writeTransaction(
        t.db,
        () => {
          calls++;
          throw busy();
        },
        { attempts: 4, pauseMs: 1, retryWithinMs: 10_000 },
      ),
    ).toThrow('database is locked');
    expect(calls).toBe(4);
  });

  it('does not stack another wait on a BUSY that came after a full busy_timeout, nor retry other errors', () => {
    let clockMs = 0;
    let calls = 0;
    const slowBusy = () => {
      calls++;
      clockMs += 5000; // as if SQLite waited its whole busy_timeout
      throw busy();
    };
    expect(() => writeTransaction(t.db, slowBusy, { attempts: 4, pauseMs: 1, retryWithinMs: 1000 }, () => clockMs)).toThrow(
      'database is locked',
    );
    expect(calls).toBe(1);
    calls = 0;
    expect(() =>
      writeTransaction(t.db, () => {
        calls++;
        throw new Error('UNIQUE constraint failed');
      }),
    ).toThrow('UNIQUE');
    expect(calls).toBe(1);
  });

  it('no code opens a transaction except through lib/db/transactions.ts (a deferred read-then-write would be back)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && /\.transaction\(|\bBEGIN\b/.test(readFileSync(path, 'utf8'))) offenders.push(relative(ROOT, path));
      }
    };
    for (const dir of ['lib', 'collectors', 'app', 'bench']) walk(join(ROOT, dir));
    expect(offenders.filter((p) => p !== join('lib', 'db', 'transactions.ts'))).toEqual([]);
  });
});
