/**
 * How long a sign-in lasts: a session unused for `idleMs` (HASHWATT_SESSION_TTL_H) ends, one in use is
 * renewed for another idle term, but never past `maxAgeMs` (HASHWATT_SESSION_MAX_AGE_D) after it began:
 * a stolen cookie kept busy cannot live forever, and everyone types their password again now and then. Pure.
 */

export interface SessionLifetime {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session this old ends, however much it is used. */
  maxAgeMs: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The defaults: 30 days without use, 90 days at most. */
export const DEFAULT_SESSION_LIFETIME: Readonly<SessionLifetime> = Object.freeze({ idleMs: 30 * DAY_MS, maxAgeMs: 90 * DAY_MS });

/** When a session that began at `createdAtMs` and is used at `nowMs` expires. */
export function sessionExpiresAtMs(createdAtMs: number, nowMs: number, lifetime: SessionLifetime): number {
  return Math.min(nowMs + lifetime.idleMs, createdAtMs + lifetime.maxAgeMs);
}

/** True while a session may still be used: before its expiry and within its absolute lifetime. */
export function sessionLive(session: { createdAtMs: number; expiresAtMs: number }, nowMs: number, maxAgeMs: number): boolean {
  return session.expiresAtMs > nowMs && session.createdAtMs + maxAgeMs > nowMs;
}
