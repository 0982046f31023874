/**
 * Runs once before the test files: builds the web app when the browser tests need it and the build is
 * older than the sources (so parallel test files never race to build).
 */
import { fileURLToPath } from 'node:url';
import { buildWeb, hasCurrentWebBuild } from '../../bin/supervisor/build';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(): Promise<void> {
  // For quick runs of unit/integration folders while the UI is mid-edit; the browser tests need the build.
  if (process.env.HASHWATT_TEST_SKIP_BUILD === '1') return;
  if (hasCurrentWebBuild(ROOT)) return;
  console.log('tests: building the web app for the browser tests (next build)...');
  await buildWeb(ROOT);
}
