/**
 * Runs once before the test files: builds the web app when the browser tests need it and no build
 * is newer than the sources (so parallel test files never race to build).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWeb } from '../../lib/supervisor/build';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCES = ['app', 'lib', 'public', 'next.config.js', 'package-lock.json'];

function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtimeMs(join(path, name))), st.mtimeMs);
}

export default async function setup(): Promise<void> {
  // For quick runs of unit/integration folders while the UI is mid-edit; the browser tests need the build.
  if (process.env.HASHWATT_TEST_SKIP_BUILD === '1') return;
  const buildId = join(ROOT, '.next', 'BUILD_ID');
  const builtAtMs = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sourcesMs = Math.max(...SOURCES.map((s) => newestMtimeMs(join(ROOT, s))));
  if (builtAtMs > sourcesMs) return;
  console.log('tests: building the web app for the browser tests (next build)...');
  await buildWeb(ROOT);
}
