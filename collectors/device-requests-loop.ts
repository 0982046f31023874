/**
 * The device-request worker, in the collector (the web process never talks to devices): about every
 * second it claims the settings screen's pending probe and scan requests, carries them out a few at a
 * time, writes a scan's progress at most every 250 ms, and stores each result or error. Requests a
 * crashed collector left 'running' are failed on start; handled ones are pruned after 7 days.
 */
import type { Db } from '../lib/db/client';
import {
  claimPendingDeviceRequests,
  failRunningDeviceRequests,
  finishDeviceRequest,
  pruneDeviceRequests,
  setDeviceRequestProgress,
} from '../lib/db/mutations/device-requests';
import type { ScanProgress } from '../lib/rigs/device-request-types';
import { createOnceLog } from '../lib/util/once-log';
import { sleep } from '../lib/util/sleep';
import { carryOutDeviceRequest, type DeviceRequestDeps } from './device-requests';
import type { Driver } from './drivers/types';

/** How the worker runs. */
export interface DeviceRequestLoopOptions {
  db: Db;
  drivers: readonly Driver[];
  now?: () => number;
  /** How often it looks for new requests. Default 1 s. */
  tickMs?: number;
  /** Least time between two progress writes of one scan. Default 250 ms. */
  progressEveryMs?: number;
  /** Requests carried out at once (a long scan does not hold up a probe). Default 2. */
  maxRunning?: number;
  /** Detection and poll timeout per device. Default 3 s. */
  timeoutMs?: number;
  /** Connect check timeout of a scan. Default 1 s. */
  connectTimeoutMs?: number;
  /** Addresses a scan checks at once. Default 128. */
  scanConcurrency?: number;
  /** Handled requests are kept this long. Default 7 days. */
  keepMs?: number;
  log?: (line: string) => void;
}

/** The error a request left running by a stopped collector gets. */
export const INTERRUPTED_ERROR = 'the collector stopped while this request was running (restart or crash); start it again';

const DEFAULT_KEEP_MS = 7 * 86_400_000;

/** Runs one request to its end, writing throttled progress and then the outcome. */
async function handle(opts: DeviceRequestLoopOptions, deps: DeviceRequestDeps, id: number, kind: string, payload: unknown): Promise<void> {
  const now = deps.now;
  const everyMs = opts.progressEveryMs ?? 250;
  let lastWriteMs = -Infinity;
  const onProgress = (p: ScanProgress) => {
    // The first and the last are always written; the ones between at most every `everyMs`.
    if (p.done !== 0 && p.done !== p.total && now() - lastWriteMs < everyMs) return;
    lastWriteMs = now();
    setDeviceRequestProgress(opts.db, id, p);
  };
  const outcome = await carryOutDeviceRequest(kind, payload, deps, onProgress);
  finishDeviceRequest(opts.db, id, now(), outcome);
  if ('error' in outcome) (opts.log ?? console.log)(`device request ${id} (${kind}) failed: ${outcome.error}`);
}

/** Runs the worker until `signal` aborts; requests in progress then fail with INTERRUPTED_ERROR. */
export async function runDeviceRequestLoop(opts: DeviceRequestLoopOptions, signal: AbortSignal): Promise<void> {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? console.log;
  // A worker that cannot claim or prune (the database failing) says so once, not every second.
  const problems = createOnceLog(log);
  const maxRunning = opts.maxRunning ?? 2;
  const deps: DeviceRequestDeps = {
    db: opts.db,
    drivers: opts.drivers,
    timeoutMs: opts.timeoutMs ?? 3000,
    connectTimeoutMs: opts.connectTimeoutMs ?? 1000,
    scanConcurrency: opts.scanConcurrency ?? 128,
    now,
    signal,
  };
  try {
    const failed = failRunningDeviceRequests(opts.db, now(), INTERRUPTED_ERROR);
    if (failed > 0) log(`device requests: ${failed} left running by the last collector marked failed`);
  } catch (err) {
    problems.fail('device requests', err instanceof Error ? err.message : String(err));
  }
  const running = new Set<Promise<void>>();
  let lastPruneMs = -Infinity;
  while (!signal.aborted) {
    try {
      for (const r of claimPendingDeviceRequests(opts.db, maxRunning - running.size)) {
        const p: Promise<void> = handle(opts, deps, r.id, r.kind, r.payload)
          .catch((err) => log(`device request ${r.id}: ${err instanceof Error ? err.message : String(err)}`))
          .finally(() => running.delete(p));
        running.add(p);
      }
      if (now() - lastPruneMs > 3_600_000) {
        pruneDeviceRequests(opts.db, now(), opts.keepMs ?? DEFAULT_KEEP_MS);
        lastPruneMs = now();
      }
      problems.ok('device requests');
    } catch (err) {
      problems.fail('device requests', err instanceof Error ? err.message : String(err));
    }
    await sleep(opts.tickMs ?? 1000, signal);
  }
  await Promise.all(running);
}
