/**
 * Collector benchmark: 1,000 simulated miners (simulator in its own process, real TCP on loopback),
 * swept repeatedly into a real SQLite file. Prints JSON: sweep p50/p95, samples written per second,
 * the write transaction's share, and the collector's CPU and RSS.
 *   npm run bench            (BENCH_MINERS, BENCH_SWEEPS, BENCH_CONCURRENCY override the defaults)
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { newAlertStepMemory, runAlertStep } from '../collectors/alerts-step';
import { sweepOnce } from '../collectors/collector';
import { runRollups } from '../collectors/jobs/rollups';
import { getDriver } from '../collectors/drivers';
import { openDb } from '../lib/db/client';
import { migrateDb } from '../lib/db/migrate';
import { recordSourceSuccess } from '../lib/db/mutations/source-state';
import { setUpDemo, type DemoManifest } from '../bin/supervisor/demo-setup';
import { prepareSecretKey } from '../bin/supervisor/key-setup';
import { startChild } from '../bin/supervisor/child';
import { tempDir } from '../lib/util/temp-dir';
import { BENCH_NETWORK } from './bench-network';

const miners = Number(process.env.BENCH_MINERS ?? 1000);
const sweeps = Number(process.env.BENCH_SWEEPS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 64);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const dir = tempDir('hashwatt-bench-');
  const manifestPath = `${dir.dir}/manifest.json`;
  const sim = startChild('simulator', fileURLToPath(new URL('../collectors/simulator/main.ts', import.meta.url)), [], {
    ...process.env,
    HASHWATT_DEMO_MINERS: String(miners),
    HASHWATT_SIM_SUBNET: '127.0.200',
    HASHWATT_SIM_MANIFEST: manifestPath,
    HASHWATT_SIM_HTTP_PORT: '0',
  });
  await sim.ready;
  const db = openDb(`${dir.dir}/bench.db`);
  migrateDb(db);
  prepareSecretKey(db, { secretKey: null, dbPath: db.path }, Date.now()); // as hashwatt start: the demo pool's token is sealed
  setUpDemo(db, JSON.parse(await readFile(manifestPath, 'utf8')) as DemoManifest, Date.now());
  // Fixed network and price so every sweep also computes and stores its economics, as in production.
  const nowMs = Date.now();
  recordSourceSuccess(db, 'network', 'bench', BENCH_NETWORK, nowMs);
  recordSourceSuccess(db, 'price', 'bench', { USD: 90_000, CAD: 124_000 }, nowMs);

  const opts = {
    db,
    getDriver,
    pollIntervalMs: 10_000,
    requestTimeoutMs: 3000,
    concurrency,
    policy: { staleAfterPolls: 2, offlineAfterPolls: 6 },
    market: { currency: 'USD', networkStaleAfterMs: 3_600_000, priceStaleAfterMs: 3_600_000 },
  };
  await sweepOnce(opts); // warm-up: connections, JIT, first rig_status rows
  const durationsMs: number[] = [];
  let samples = 0;
  let failed = 0;
  let economicsRows = 0;
  // The alert rules run after each sweep as in production, timed on their own.
  const alertMemory = newAlertStepMemory();
  const alertStepMs: number[] = [];
  let alertEvents = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let peakRssBytes = process.memoryUsage().rss;
  for (let i = 0; i < sweeps; i++) {
    const s0 = performance.now();
    const info = await sweepOnce(opts);
    durationsMs.push(performance.now() - s0);
    samples += info?.ok ?? 0;
    failed += info?.failed ?? 0;
    economicsRows += info?.economics && 'stored' in info.economics ? info.economics.stored : 0;
    if (info) {
      const a0 = performance.now();
      alertEvents += runAlertStep(db, info.sweepId, Date.now(), alertMemory).length;
      alertStepMs.push(performance.now() - a0);
    }
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss);
  }
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // The minute rollup of everything just swept (about a minute of samples of every rig), timed alone.
  const r0 = performance.now();
  const rolled = runRollups(db, Date.now() + 60 * 60_000, { graceMs: 0 });
  const rollupMs = Math.round(performance.now() - r0);
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const dbBytes = db.sqlite.prepare('select page_count * page_size from pragma_page_count, pragma_page_size').pluck().get() as number;
  const result = {
    bench: 'collector-sweep',
    miners,
    sweeps,
    concurrency,
    sweepP50Ms: Math.round(percentile(sorted, 50)),
    sweepP95Ms: Math.round(percentile(sorted, 95)),
    samplesWritten: samples,
    failedPolls: failed,
    samplesPerSecond: Math.round(samples / wallS),
    economicsRowsPerSweep: Math.round(economicsRows / sweeps),
    alertStepP50Ms: Math.round(
      percentile(
        [...alertStepMs].sort((a, b) => a - b),
        50,
      ),
    ),
    alertStepP95Ms: Math.round(
      percentile(
        [...alertStepMs].sort((a, b) => a - b),
        95,
      ),
    ),
    alertTransitions: alertEvents,
    rollupMinuteBuckets: rolled.m1,
    rollupMs,
    collectorCpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / (wallS * 1000)) * 100),
    collectorCpuMsPerSweep: Math.round((cpu.user + cpu.system) / 1000 / sweeps),
    collectorRssMb: Math.round(process.memoryUsage().rss / 1e6),
    collectorPeakRssMb: Math.round(peakRssBytes / 1e6),
    dbBytesPerSample: Math.round(dbBytes / (samples + miners)),
    node: process.version,
  };
  console.log(JSON.stringify(result, null, 2));
  db.close();
  await sim.stop();
  dir.cleanup();
}

main().catch((err) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
