/**
 * When a live screen must stop looking live: a frozen screen that still looks healthy is the worst
 * failure, so past a few missed collector sweeps everything live-looking dims.
 */

/** Used when the caller does not know the collector's poll interval. */
export const DEFAULT_POLL_INTERVAL_MS = 30_000;
/** Missed sweeps before the screen declares itself stale. */
const STALE_AFTER_POLLS = 3;

/** True before the first sweep, or once the last one is older than three poll intervals. */
export function sweepNotCurrent(updatedAtMs: number | null, nowMs: number | null, pollIntervalMs: number): boolean {
  if (updatedAtMs === null) return true;
  return nowMs !== null && nowMs - updatedAtMs > STALE_AFTER_POLLS * pollIntervalMs;
}
