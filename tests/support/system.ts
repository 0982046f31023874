/** Starts the whole system the way a user does (`hashwatt start`) on a temp database and a free port. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { cheapPasswordCostNodeOptions } from './password-cost';
import { TEST_ADMIN } from './session';

const BIN = fileURLToPath(new URL('../../bin/hashwatt.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningSystem {
  proc: ChildProcess;
  baseUrl: string;
  output: () => string;
  /** Resolves with the exit code once `hashwatt start` has exited (by itself or interrupted). */
  exited: Promise<number | null>;
  /** Sends SIGINT (Ctrl-C) and resolves with the exit code. */
  interrupt(): Promise<number | null>;
}

/**
 * Runs `hashwatt start` (or `args`) with `env` and resolves once it prints its ready line. Its processes hash
 * passwords at a cheap cost (tests/support/password-cost) unless `env` sets NODE_OPTIONS itself.
 */
export async function startSystem(
  env: Record<string, string>,
  readyTimeoutMs = 180_000,
  args: string[] = ['start'],
): Promise<RunningSystem> {
  const port = Number(env.PORT);
  const proc = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HASHWATT_ADMIN_PASSWORD: TEST_ADMIN.password,
      NODE_OPTIONS: cheapPasswordCostNodeOptions(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hashwatt start not ready in ${readyTimeoutMs} ms:\n${out}`)), readyTimeoutMs);
    const check = setInterval(() => {
      if (/ready: open https?:\/\//.test(out)) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`hashwatt start exited (${code}) before ready:\n${out}`));
    });
  });
  let interrupted = false;
  // A system that dies under a test shows up as refused connections; say why, once, in the test output.
  void exited.then((code) => {
    if (!interrupted) console.error(`hashwatt start on port ${port} exited by itself (${code}); its last output:\n${out.slice(-4000)}`);
  });
  return {
    proc,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => out,
    exited,
    interrupt: async () => {
      interrupted = true;
      proc.kill('SIGINT');
      return exited;
    },
  };
}

/** Pids of every descendant of `pid` (from /proc), for orphan checks. */
export function descendants(pid: number): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' });
  const children = new Map<number, number[]>();
  for (const line of out.trim().split('\n')) {
    const [p, pp] = line.trim().split(/\s+/).map(Number);
    children.set(pp, [...(children.get(pp) ?? []), p]);
  }
  const result: number[] = [];
  const stack = [pid];
  while (stack.length) {
    for (const c of children.get(stack.pop()!) ?? []) {
      result.push(c);
      stack.push(c);
    }
  }
  return result;
}

/** True while a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
