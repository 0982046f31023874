/** Builds the Next.js app when no production build exists (first `npm start` on a fresh clone). */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { processEnv, type Env } from '../../lib/config';
import { childEnv } from './child-env';

/** What the web build is made from: a newer file here means the build is out of date. */
const WEB_SOURCES = ['app', 'lib', 'public', 'next.config.js', 'package-lock.json'];

function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtimeMs(join(path, name))), st.mtimeMs);
}

/**
 * True when `.next/BUILD_ID` exists in `dir` and is newer than every web source, so a `git pull`
 * followed by `npm start` never serves yesterday's pages.
 */
export function hasCurrentWebBuild(dir: string): boolean {
  const buildId = join(dir, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return false;
  const builtAtMs = statSync(buildId).mtimeMs;
  return WEB_SOURCES.every((s) => newestMtimeMs(join(dir, s)) < builtAtMs);
}

/**
 * Runs `next build` in `dir` with the web server's share of `env` (the caller's environment by default),
 * streaming its output; rejects with its exit status on failure.
 */
export function buildWeb(dir: string, env: Env = processEnv()): Promise<void> {
  const nextBin = createRequire(join(dir, 'package.json')).resolve('next/dist/bin/next');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build'], {
      cwd: dir,
      stdio: ['ignore', 'inherit', 'inherit'],
      // The web server's allow-list (child-env.ts): a build needs no password either.
      env: childEnv('web', env, { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }),
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (${signal ? `signal ${signal}` : `exit code ${code}`})`)),
    );
  });
}
