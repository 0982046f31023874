/**
 * The collector's heartbeat writes, never fatal: a database that cannot take them (full, locked) must not
 * stop the collector; /api/health then judges by the age of the last sweep.
 */
import { hostname } from 'node:os';
import type { Db } from '../lib/db/client';
import { recordCollectorStart, recordCollectorStop } from '../lib/db/mutations/collector-heartbeat';

/** Writes "this collector started"; returns the call that marks it stopped. */
export function startHeartbeat(db: Db, pollIntervalMs: number, log: (line: string) => void = console.error): (reason: string) => void {
  const who = { pid: process.pid, host: hostname() };
  try {
    recordCollectorStart(db, { ...who, startedAtMs: Date.now(), pollIntervalMs });
  } catch (err) {
    log(`collector: cannot record its start for /api/health: ${err instanceof Error ? err.message : String(err)}`);
  }
  return (reason) => {
    try {
      recordCollectorStop(db, who, reason, Date.now());
    } catch (err) {
      log(`collector: cannot record its stop for /api/health: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}
