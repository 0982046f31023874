/** Runs `hashwatt ...` as a child process without blocking the event loop (so an in-process simulator can answer). */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cheapPasswordCostNodeOptions } from './password-cost';

const BIN = fileURLToPath(new URL('../../bin/hashwatt.mjs', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

/** Users it creates get a cheap password hash (tests/support/password-cost) unless `env` sets NODE_OPTIONS. */
export function runHashwatt(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, NODE_OPTIONS: cheapPasswordCostNodeOptions(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr: stderr.replace(/^npm warn.*\n/gm, ''), elapsedMs: Date.now() - started });
    });
  });
}
