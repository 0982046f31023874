/**
 * The collector loop: sweep, commit, then post-commit jobs, on a jittered interval. The only writer
 * of telemetry. Everything it needs is injected so tests drive it against a real simulator and file.
 */
import type { Db } from '../lib/db/client';
import { listPollTargets } from '../lib/db/queries/rigs';
import type { ConnectivityPolicy } from '../lib/domain/connectivity';
import type { FleetTotals } from '../lib/views/contracts';
import { createOnceLog, type OnceLog } from '../lib/util/once-log';
import { sleep } from '../lib/util/sleep';
import type { Driver } from './drivers/types';
import type { MarketPolicy } from '../lib/domain/market-policy';
import { afterSweep, isolated, type AfterSweepOutcome } from './after-sweep';
import type { AlertStepMemory } from './alerts-step';
import type { EconomicsOutcome } from './economics-step';
import { DEFAULT_RETENTION, runRetention, type RetentionPolicy } from './jobs/retention';
import { runPackRollups, type PackResult } from './jobs/pack-rollups';
import { runRollups } from './jobs/rollups';
import { createPollPool, type PollPool } from './poll-pool';
import { runSweep } from './sweep';
import { sweepWriterFor, type SweepWriter } from './sweep-writer';

export interface CollectorOptions {
  db: Db;
  getDriver: (name: string) => Driver;
  pollIntervalMs: number;
  requestTimeoutMs: number;
  concurrency: number;
  policy: ConnectivityPolicy;
  now?: () => number;
  random?: () => number;
  /** How long raw samples, rollups and the changes log are kept (defaults in DEFAULT_RETENTION). */
  retention?: Partial<RetentionPolicy>;
  /** Fleet currency and staleness limits; economics are computed after each sweep when given. */
  market?: MarketPolicy;
  /** Alert rules are evaluated after each sweep's economics when given (the engine's in-memory part). */
  alerts?: AlertStepMemory;
  /** Called after each committed sweep (logging, tests). */
  onSweep?: (info: SweepInfo) => void;
  /** Writes the sweeps, holding them in memory while storage fails (default: one kept for these options). */
  sweepWriter?: SweepWriter;
  /**
   * Where the post-commit steps report failures, once per distinct error. runCollector makes one writing
   * to console.error when none is given; a lone sweepOnce then uses a fresh one.
   */
  problems?: OnceLog;
  /**
   * Keeps slow polls running across sweeps (a straggler's result is written with the next sweep); without
   * one, a sweep waits for every poll. runCollector makes one.
   */
  pollPool?: PollPool;
}

/** What one committed sweep wrote. */
export interface SweepInfo {
  sweepId: number;
  durationMs: number;
  ok: number;
  failed: number;
  fleet: FleetTotals;
  economics: EconomicsOutcome | null;
  /** Alert transitions (fired, resolved) of this sweep; an error message when the step failed. */
  alerts: { events: number } | { error: string } | null;
  /** What the realized accounts took from this sweep (rigs and rig-hour pieces), or the step's error. */
  realized?: AfterSweepOutcome['realized'];
}

/** Runs one sweep and commits it, then its economics; returns what was written (null when aborted or held while storage fails). */
export async function sweepOnce(opts: CollectorOptions, signal?: AbortSignal): Promise<SweepInfo | null> {
  const now = opts.now ?? Date.now;
  const targets = listPollTargets(opts.db);
  const deps = { getDriver: opts.getDriver, now, requestTimeoutMs: opts.requestTimeoutMs, concurrency: opts.concurrency, signal };
  const record = opts.pollPool ? await opts.pollPool.sweep(targets, deps) : await runSweep(targets, deps);
  if (signal?.aborted) return null; // shutting down: a half-polled sweep would mark rigs failed wrongly
  const written = sweepWriterFor(opts).write(record);
  if (!written) return null; // storage failing: the sweep is held in memory, and what follows a commit waits for one
  const { sweepId, fleet, views } = written;
  const ok = record.results.filter((r) => r.ok).length;
  // After COMMIT: the economics and then the alert rules read what the sweep stored; each fails alone.
  const problems = opts.problems ?? createOnceLog(console.error);
  const { economics, alerts, realized } = afterSweep({ ...opts, problems }, sweepId, record.startedAtMs, now, views);
  const info: SweepInfo = {
    sweepId,
    durationMs: record.durationMs,
    ok,
    failed: record.results.length - ok,
    fleet,
    economics,
    alerts,
    realized,
  };
  if (opts.onSweep) isolated(problems, 'collector: sweep report', () => opts.onSweep!(info));
  return info;
}

/** Runs a post-sweep job; a failure is logged once per distinct error and retried on a later sweep, never fatal. */
function housekeeping(problems: OnceLog, job: () => unknown, name: string): void {
  const key = `collector: ${name}`;
  if (isolated(problems, key, job).ok) problems.ok(key);
}

/** Rigs whose buckets cannot be packed (a figure beyond float32) keep them as rows: named once, not fatal. */
function reportRefusedPacks(problems: OnceLog, result: PackResult): void {
  for (const why of result.refused) problems.fail('collector: rollup pack refused', why);
}

/** Sweeps until `signal` aborts. Each tick starts one interval after the previous start, with ±10 % jitter. */
export async function runCollector(opts: CollectorOptions, signal: AbortSignal): Promise<void> {
  const now = opts.now ?? Date.now;
  const random = opts.random ?? Math.random;
  const retention: RetentionPolicy = { ...DEFAULT_RETENTION, ...opts.retention };
  // A minute's samples may be committed up to a sweep after it ends.
  // A straggler's result (poll-pool) is committed with a later sweep: up to its poll deadline, at most 8 requests.
  const rollupGraceMs = Math.max(2 * 60_000, 2 * opts.pollIntervalMs + 8 * opts.requestTimeoutMs);
  // One of each for the whole run: held sweeps and running polls must outlive a sweep.
  const run: CollectorOptions = {
    ...opts,
    problems: opts.problems ?? createOnceLog(console.error),
    sweepWriter: sweepWriterFor(opts),
    pollPool: opts.pollPool ?? createPollPool(),
  };
  const problems = run.problems!;
  let sweeps = 0;
  while (!signal.aborted) {
    const startMs = now();
    // A held sweep (storage failing) is not in the database yet: rolling up its minutes now would skip it.
    if (await sweepOnce(run, signal)) {
      housekeeping(problems, () => runRollups(opts.db, now(), { graceMs: rollupGraceMs }), 'rollups');
      housekeeping(problems, () => reportRefusedPacks(problems, runPackRollups(opts.db, now())), 'rollup packs');
      if (sweeps++ % 30 === 0) housekeeping(problems, () => runRetention(opts.db, now(), retention), 'retention');
    }
    const jitterMs = (random() - 0.5) * 0.2 * opts.pollIntervalMs;
    await sleep(startMs + opts.pollIntervalMs + jitterMs - now(), signal);
  }
}
