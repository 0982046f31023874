/**
 * Login rate limiting: at most `max` failed attempts per key (client address, and user name) in a sliding
 * window; a success clears the key. In memory, per web process, with an injected clock. Pure apart from
 * its own state.
 */

export interface RateLimiter {
  /** Ms until another attempt is allowed for `key`, 0 when allowed now. */
  retryAfterMs(key: string, nowMs: number): number;
  fail(key: string, nowMs: number): void;
  succeed(key: string): void;
}

export function createRateLimiter(opts: { max: number; windowMs: number; maxKeys?: number }): RateLimiter {
  const failures = new Map<string, number[]>();
  const maxKeys = opts.maxKeys ?? 10_000;
  const recent = (key: string, nowMs: number) => (failures.get(key) ?? []).filter((t) => t > nowMs - opts.windowMs);
  return {
    retryAfterMs(key, nowMs) {
      const times = recent(key, nowMs);
      if (times.length < opts.max) return 0;
      return times[times.length - opts.max] + opts.windowMs - nowMs;
    },
    fail(key, nowMs) {
      const times = recent(key, nowMs);
      times.push(nowMs);
      failures.delete(key);
      failures.set(key, times);
      // Bounded memory: forget the least recently failed keys first.
      while (failures.size > maxKeys) failures.delete(failures.keys().next().value as string);
    },
    succeed(key) {
      failures.delete(key);
    },
  };
}
