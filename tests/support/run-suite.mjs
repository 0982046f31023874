// `npm test`: builds the web app once, then runs the test files in two shards at once, each in its own
// network namespace (its own loopback), so files that use the same loopback addresses and ports cannot
// meet. Most of the suite waits on sockets, processes and sweeps rather than the CPU, and vitest uses one
// worker on a two-core machine: two shards take about half the time. Where a private network namespace
// cannot be made (not root, no unshare or ip), it runs the files one shard as before.
// Arguments (`npm test -- tests/unit`) run exactly those files in one vitest, as `vitest run` would.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VITEST = ['vitest', 'run', '--config', 'tests/vitest.config.ts'];
const SHARDS = 2;
/** Brings up the loopback of a fresh network namespace, then runs the command given after it. */
const IN_NAMESPACE = ['--net', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh'];

function run(command, args, env, prefix) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', prefix ? 'pipe' : 'inherit', prefix ? 'pipe' : 'inherit'],
    });
    const counts = { passed: 0, failed: 0 };
    if (prefix) {
      for (const stream of [child.stdout, child.stderr]) {
        let rest = '';
        stream.on('data', (chunk) => {
          const lines = (rest + chunk.toString('utf8')).split('\n');
          rest = lines.pop();
          for (const line of lines) {
            const summary = /^tests: (\d+) passed, (\d+) failed/.exec(line);
            if (summary) [counts.passed, counts.failed] = [Number(summary[1]), Number(summary[2])];
            process.stdout.write(`${prefix}${line}\n`);
          }
        });
        stream.on('end', () => rest && process.stdout.write(`${prefix}${rest}\n`));
      }
    }
    child.on('close', (code, signal) => resolve({ code: code ?? 1, signal, counts }));
  });
}

function namespacesWork() {
  if (process.getuid?.() !== 0 || process.env.HASHWATT_TEST_SHARDS === '1') return false;
  return spawnSync('unshare', [...IN_NAMESPACE, 'true'], { stdio: 'ignore' }).status === 0;
}

const args = process.argv.slice(2);
if (args.length > 0) process.exit((await run('npx', [...VITEST, ...args], {})).code);

const started = Date.now();
if (!namespacesWork()) {
  console.log('tests: one shard (a private network namespace needs root, unshare and ip)');
  process.exit((await run('npx', VITEST, {})).code);
}
// The browser tests need the production build: made once here, not by each shard's global setup.
const build = await run('node', ['--import', 'tsx', 'tests/support/build-once.ts'], {});
if (build.code !== 0) process.exit(build.code);
console.log(`tests: ${SHARDS} shards at once, each in its own network namespace`);
const results = await Promise.all(
  Array.from({ length: SHARDS }, (_, i) =>
    run(
      'unshare',
      [...IN_NAMESPACE, 'npx', ...VITEST, `--shard=${i + 1}/${SHARDS}`],
      { HASHWATT_TEST_SKIP_BUILD: '1' },
      `[${i + 1}/${SHARDS}] `,
    ),
  ),
);
const passed = results.reduce((n, r) => n + r.counts.passed, 0);
const failed = results.reduce((n, r) => n + r.counts.failed, 0);
const broken = results.filter((r) => r.code !== 0 && r.counts.failed === 0).length;
console.log(
  `\ntests: ${passed} passed, ${failed} failed${broken ? `, ${broken} shard(s) ended without a summary` : ''} (${Math.round((Date.now() - started) / 1000)} s)`,
);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
