/**
 * Is the system collecting? Judged only from what the database holds (the collector's heartbeat row and
 * the last committed sweep), so a web server on another machine than the collector answers the same.
 * Pure: the clock is an argument.
 */

/** What the collector writes at start (and the supervisor or the collector at its stop). */
export interface CollectorHeartbeat {
  pid: number;
  host: string;
  startedAtMs: number;
  /** The collector's own poll interval: "3 intervals" is measured in it, not in the web's setting. */
  pollIntervalMs: number;
  stoppedAtMs: number | null;
  /** e.g. "stopped (SIGTERM)", "exited (signal SIGKILL)". */
  stopReason: string | null;
}

/** Sweeps older than this many poll intervals mean nothing is being collected. */
export const STALE_AFTER_INTERVALS = 3;

/** running: sweeps are fresh; starting: a collector started and has not stored its first sweep yet. */
export type CollectorState = 'running' | 'starting' | 'stopped' | 'stalled' | 'never-ran';

/** The verdict: ok only while running; otherwise the reason in one line. */
export interface CollectorHealth {
  ok: boolean;
  state: CollectorState;
  reason: string | null;
  lastSweepAgeMs: number | null;
}

function seconds(ms: number): string {
  return ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
}

/** Judges the collector from its heartbeat and the end of the last committed sweep. */
export function assessCollector(input: {
  nowMs: number;
  heartbeat: CollectorHeartbeat | null;
  lastSweepEndMs: number | null;
  /** This process's poll interval, for a database whose collector wrote no heartbeat. */
  fallbackPollIntervalMs: number;
}): CollectorHealth {
  const { nowMs, heartbeat: hb, lastSweepEndMs } = input;
  const lastSweepAgeMs = lastSweepEndMs === null ? null : Math.max(0, nowMs - lastSweepEndMs);
  const down = (state: CollectorState, reason: string): CollectorHealth => ({ ok: false, state, reason, lastSweepAgeMs });
  if (hb === null && lastSweepEndMs === null) return down('never-ran', 'no collector has run on this database yet');
  if (hb?.stoppedAtMs != null) {
    return down('stopped', `collector ${hb.stopReason ?? 'stopped'} ${seconds(nowMs - hb.stoppedAtMs)} ago; no collector runs`);
  }
  const intervalMs = hb?.pollIntervalMs ?? input.fallbackPollIntervalMs;
  const limitMs = STALE_AFTER_INTERVALS * intervalMs;
  const limit = `${STALE_AFTER_INTERVALS} poll intervals of ${seconds(intervalMs)}`;
  if (hb && (lastSweepEndMs === null || lastSweepEndMs < hb.startedAtMs)) {
    const upMs = nowMs - hb.startedAtMs;
    if (upMs <= limitMs) return down('starting', `collector starting (started ${seconds(upMs)} ago, no sweep stored yet)`);
    return down('stalled', `collector started ${seconds(upMs)} ago and has stored no sweep since (more than ${limit})`);
  }
  if (lastSweepAgeMs !== null && lastSweepAgeMs > limitMs) {
    return down(
      'stalled',
      `last sweep stored ${seconds(lastSweepAgeMs)} ago, more than ${limit}: no collector runs, or it cannot write (disk full?)`,
    );
  }
  return { ok: true, state: 'running', reason: null, lastSweepAgeMs };
}
