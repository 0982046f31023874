/**
 * One sweep: poll every rig with bounded concurrency and collect the results. Pure of storage: the
 * caller writes the returned record in one transaction.
 */
import type { PollResult, SweepRecord } from '../lib/domain/sweep-record';
import { mapWithConcurrency } from '../lib/util/concurrency';
import { pollWithDeadline } from './drivers/poll-deadline';
import { checkedReading } from './drivers/checked-reading';
import { DeviceError, type Driver } from './drivers/types';

/** A rig to poll, as listed from the rigs table. */
export interface SweepTarget {
  id: number;
  siteId: number;
  name: string;
  address: string;
  port: number;
  driver: string;
  model: string | null;
}

export interface SweepDeps {
  getDriver: (name: string) => Driver;
  now: () => number;
  requestTimeoutMs: number;
  concurrency: number;
  signal?: AbortSignal;
}

/** Turns anything a poll throws into one line for rig_status.last_error. */
export function describePollError(err: unknown): string {
  if (err instanceof DeviceError) return err.toLine();
  if (err instanceof Error) return `unexpected: ${err.message}`;
  return `unexpected: ${String(err)}`;
}

/**
 * Polls one rig; never throws. The poll has its own deadline, the per-request timeout times the requests
 * its driver may send, so a slow device costs at most that and a driver that ignores its timeouts is cut.
 */
export async function pollOne(target: SweepTarget, deps: SweepDeps): Promise<PollResult> {
  const base = { rigId: target.id, siteId: target.siteId };
  try {
    const driver = deps.getDriver(target.driver);
    const reading = await pollWithDeadline(driver, {
      address: target.address,
      port: target.port,
      timeoutMs: deps.requestTimeoutMs,
      signal: deps.signal,
      modelHint: target.model,
    });
    // The one plausibility check: an impossible hash rate or power fails the poll, nothing of it is stored.
    return { ...base, tsMs: deps.now(), ok: true, reading: checkedReading(reading, target.model) };
  } catch (err) {
    return { ...base, tsMs: deps.now(), ok: false, error: describePollError(err) };
  }
}

/**
 * Polls all targets and returns the sweep record (start, duration, one result per rig). With no more
 * targets than `concurrency`, the sweep takes at most its slowest driver's poll deadline, however slow a
 * device is; the fast devices' results wait no longer than that.
 */
export async function runSweep(targets: readonly SweepTarget[], deps: SweepDeps): Promise<SweepRecord> {
  const startedAtMs = deps.now();
  const results = await mapWithConcurrency(targets, deps.concurrency, (t) => pollOne(t, deps));
  return { startedAtMs, durationMs: deps.now() - startedAtMs, results };
}
