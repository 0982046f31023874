/** Builds the Next.js app when no production build exists (first `npm start` on a fresh clone). */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** True when `.next/BUILD_ID` exists in `dir`. */
export function hasWebBuild(dir: string): boolean {
  return existsSync(join(dir, '.next', 'BUILD_ID'));
}

/** Runs `next build` in `dir`, streaming its output; rejects with its exit status on failure. */
export function buildWeb(dir: string): Promise<void> {
  const nextBin = createRequire(join(dir, 'package.json')).resolve('next/dist/bin/next');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build'], {
      cwd: dir,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (${signal ? `signal ${signal}` : `exit code ${code}`})`)),
    );
  });
}
