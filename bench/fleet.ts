/**
 * A live simulated fleet for the bench: the simulator in its own process (real TCP on loopback), a real
 * SQLite file set up as `hashwatt start` sets up the demo, and the collector's options (sweep, write,
 * economics, realized, alerts) driven from this process with an injectable clock. Every sweep's commit
 * time is recorded (the sweep writer is wrapped) so the live bench can measure from it.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { newAlertStepMemory } from '../collectors/alerts-step';
import { sweepOnce, type CollectorOptions, type SweepInfo } from '../collectors/collector';
import { getDriver } from '../collectors/drivers';
import { createPollPool } from '../collectors/poll-pool';
import { sweepWriterFor, type SweepWriter } from '../collectors/sweep-writer';
import { openDb, type Db } from '../lib/db/client';
import { migrateDb } from '../lib/db/migrate';
import { recordSourceSuccess } from '../lib/db/mutations/source-state';
import { setUpDemo, type DemoManifest } from '../bin/supervisor/demo-setup';
import { prepareSecretKey } from '../bin/supervisor/key-setup';
import { startChild, type ChildHandle } from '../bin/supervisor/child';
import { BENCH_NETWORK } from './bench-network';
import { epochMs } from './stats';

export const POLL_INTERVAL_MS = 10_000;

/** A running simulated fleet and the collector that sweeps it. */
export interface BenchFleet {
  miners: number;
  db: Db;
  dbPath: string;
  simulator: ChildHandle;
  /** Runs one sweep with its after-sweep steps; the clock is `clock.now`. */
  sweep(): Promise<SweepInfo | null>;
  /** The collector's clock: real time plus `offsetMs` (advance it to simulate time passing). */
  clock: { offsetMs: number; now: () => number };
  /** Epoch ms (sub-ms) at which each sweep's telemetry committed, in order. */
  commitsMs: number[];
  stop(): Promise<void>;
}

/** Starts the simulator with `miners` miners and sets up the database in `dir` as the demo does. */
export async function startFleet(dir: string, miners: number, subnet: string): Promise<BenchFleet> {
  const manifestPath = `${dir}/manifest.json`;
  const simulator = startChild('simulator', fileURLToPath(new URL('../collectors/simulator/main.ts', import.meta.url)), [], {
    ...process.env,
    HASHWATT_DEMO_MINERS: String(miners),
    HASHWATT_SIM_SUBNET: subnet,
    HASHWATT_SIM_MANIFEST: manifestPath,
    HASHWATT_SIM_HTTP_PORT: '0',
  });
  await simulator.ready;
  const dbPath = `${dir}/bench.db`;
  const db = openDb(dbPath);
  migrateDb(db);
  const nowMs = Date.now();
  prepareSecretKey(db, { secretKey: null, dbPath }, nowMs); // as hashwatt start: the demo pool's token is sealed
  setUpDemo(db, JSON.parse(await readFile(manifestPath, 'utf8')) as DemoManifest, nowMs);
  // Fixed network and price so every sweep computes and stores its economics, as in production.
  recordSourceSuccess(db, 'network', 'bench', BENCH_NETWORK, nowMs);
  recordSourceSuccess(db, 'price', 'bench', { USD: 90_000, CAD: 124_000 }, nowMs);

  const clock = { offsetMs: 0, now: () => Date.now() + clock.offsetMs };
  const commitsMs: number[] = [];
  const base: CollectorOptions = {
    db,
    getDriver,
    pollIntervalMs: POLL_INTERVAL_MS,
    requestTimeoutMs: 3000,
    concurrency: 64,
    policy: { staleAfterPolls: 2, offlineAfterPolls: 6 },
    market: { currency: 'USD', networkStaleAfterMs: 365 * 86_400_000, priceStaleAfterMs: 365 * 86_400_000 },
    alerts: newAlertStepMemory(),
    now: clock.now,
    pollPool: createPollPool(),
  };
  const real = sweepWriterFor(base);
  const timed: SweepWriter = {
    write(record) {
      const written = real.write(record);
      if (written) commitsMs.push(epochMs());
      return written;
    },
    failing: () => real.failing(),
    heldSweeps: () => real.heldSweeps(),
  };
  const opts: CollectorOptions = { ...base, sweepWriter: timed };
  return {
    miners,
    db,
    dbPath,
    simulator,
    clock,
    commitsMs,
    sweep: () => sweepOnce(opts),
    async stop() {
      db.close();
      await simulator.stop();
    },
  };
}
