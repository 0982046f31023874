/**
 * The collector as a real process (`node --import tsx collectors/main.ts`), on a database the test
 * prepared, with its output kept; and a read-only look at that database from the test's side.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CollectorProcess {
  proc: ChildProcess;
  output(): string;
  /** Resolves once the output matches `re` (its match), or rejects after `timeoutMs` with the output. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the collector on `dbPath`, polling every second, with `env` on top. */
export function startCollector(dbPath: string, env: Record<string, string> = {}): CollectorProcess {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'collectors/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HASHWATT_DB: dbPath,
      HASHWATT_POLL_INTERVAL_S: '1',
      HASHWATT_REQUEST_TIMEOUT_MS: '500',
      HASHWATT_SOURCE_INTERVAL_S: '3600',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return {
    proc,
    output: () => out,
    waitFor(re, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const timer = setInterval(() => {
          const m = re.exec(out);
          if (m) {
            clearInterval(timer);
            resolve(m);
          } else if (Date.now() - started > timeoutMs || proc.exitCode !== null) {
            clearInterval(timer);
            reject(
              new Error(`no ${re} in the collector's output within ${timeoutMs} ms (exit code ${proc.exitCode}):\n${out.slice(-3000)}`),
            );
          }
        }, 100);
      });
    },
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      return exited;
    },
  };
}

/** Sweeps stored so far, oldest first: id and start time. */
export function storedSweeps(dbPath: string): { id: number; startedAtMs: number }[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select id, started_at_ms as startedAtMs from sweeps order by id').all() as { id: number; startedAtMs: number }[];
  } finally {
    db.close();
  }
}

/** Resolves once `check()` is true, or rejects naming `what` after `timeoutMs`. */
export async function until(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
