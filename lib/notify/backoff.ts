/**
 * The retry schedule of a failed delivery: exponential (base * 2^(attempt-1)) up to a cap, with "equal
 * jitter" from an injected random source (half the step fixed, half random) so retries of many alerts
 * spread out but never collapse to zero. A receiver's Retry-After is honoured, up to `maxRetryAfterMs`. Pure.
 */

export interface BackoffOptions {
  /** Returns a number in [0, 1), like Math.random. */
  random: () => number;
  /** The first retry's step. Default 5 s. */
  baseMs?: number;
  /** The largest step. Default 15 min. */
  capMs?: number;
  /** What the receiver asked for (NotifyError.retryAfterMs). */
  retryAfterMs?: number;
  /** The longest Retry-After honoured. Default 1 h. */
  maxRetryAfterMs?: number;
}

export const DEFAULT_BACKOFF_BASE_MS = 5_000;
export const DEFAULT_BACKOFF_CAP_MS = 15 * 60_000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 60 * 60_000;

/** The wait before retry number `attempt` (1 = the first retry after the first failure). */
export function nextRetryDelayMs(attempt: number, opts: BackoffOptions): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`retry attempt must be a whole number >= 1 (got ${attempt})`);
  const baseMs = opts.baseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const capMs = opts.capMs ?? DEFAULT_BACKOFF_CAP_MS;
  if (!(baseMs > 0) || !(capMs >= baseMs)) throw new Error(`backoff needs 0 < baseMs <= capMs (got baseMs ${baseMs}, capMs ${capMs})`);
  const r = opts.random();
  if (!(r >= 0 && r < 1)) throw new Error(`backoff random source must return a number in [0, 1) (got ${r})`);
  // 2^(attempt-1) overflows to Infinity for huge attempts; min() then gives the cap.
  const stepMs = Math.min(capMs, baseMs * 2 ** (attempt - 1));
  const jittered = Math.round(stepMs / 2 + r * (stepMs / 2));
  const asked = opts.retryAfterMs === undefined ? 0 : Math.min(opts.retryAfterMs, opts.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS);
  return Math.max(jittered, asked);
}
