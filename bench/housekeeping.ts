/**
 * Rollups and retention CPU per minute of fleet time, on what the measured sweeps wrote: the rollups of
 * those minutes (and the hour holding them), then retention run as if the same rows had aged past every
 * raw window, repeated until it deletes nothing (so a retention that deletes in capped batches shows how
 * many runs one minute of data needs). Both functions' result shapes are read generically.
 */
import { DEFAULT_RETENTION, runRetention } from '../collectors/jobs/retention';
import { runRollups } from '../collectors/jobs/rollups';
import type { Db } from '../lib/db/client';
import { cpuOf, round } from './stats';

/** Sum of every number inside a job's result (rows written or deleted, whatever its shape). */
function countOf(result: unknown): number {
  if (typeof result === 'number') return result;
  if (result && typeof result === 'object') return Object.values(result).reduce<number>((n, v) => n + countOf(v), 0);
  return 0;
}

export interface HousekeepingFigures {
  fleetMinutes: number;
  rollupCpuMs: number;
  rollupWallMs: number;
  rollupRowsWritten: number;
  retentionCpuMs: number;
  retentionRuns: number;
  retentionRowsDeleted: number;
  /** (rollups + retention) CPU per minute of fleet time. */
  cpuMsPerMinute: number | null;
  /** The longest single run of either (the collector's loop is blocked that long). */
  longestRunMs: number;
}

/** Rolls up and prunes what was written between fleet times `fromMs` and `toMs`; `afterRollups` runs in between (storage is measured there). */
export function measureHousekeeping(db: Db, fromMs: number, toMs: number, afterRollups: () => void): HousekeepingFigures {
  const fleetMinutes = Math.max(1, (toMs - fromMs) / 60_000);
  // Every minute written is closed and the hour holding them too.
  const rolled = cpuOf(() => runRollups(db, toMs + 2 * 3_600_000, { graceMs: 0 }));
  let longest = rolled.wallMs;
  afterRollups();
  const retentionAtMs = toMs + DEFAULT_RETENTION.rawRetentionMs + 60_000;
  let retentionCpuMs = 0;
  let runs = 0;
  let deleted = 0;
  for (; runs < 50;) {
    const run = cpuOf(() => runRetention(db, retentionAtMs, DEFAULT_RETENTION));
    runs++;
    retentionCpuMs += run.cpuMs;
    longest = Math.max(longest, run.wallMs);
    const n = countOf(run.value);
    deleted += n;
    if (n === 0) break;
  }
  return {
    fleetMinutes: round(fleetMinutes, 2)!,
    rollupCpuMs: round(rolled.cpuMs)!,
    rollupWallMs: round(rolled.wallMs)!,
    rollupRowsWritten: countOf(rolled.value),
    retentionCpuMs: round(retentionCpuMs)!,
    retentionRuns: runs,
    retentionRowsDeleted: deleted,
    cpuMsPerMinute: round((rolled.cpuMs + retentionCpuMs) / fleetMinutes),
    longestRunMs: round(longest)!,
  };
}
