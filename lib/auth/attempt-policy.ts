/**
 * Who may have a password checked now: sign-ins, and a signed-in user confirming their current password.
 * Pure: it decides from the attempts of the last window (lib/db/mutations/sign-in-attempts keeps them).
 *
 * An attempt is counted BEFORE its password is checked and refunded when the password is right, so any
 * number of parallel guesses gets no more checks than the limits below; one still being checked counts.
 * Keys: the user name as typed, lower-cased (unknown names too), and the client address (an IPv6 address
 * by its /64, which one subscriber usually holds whole).
 *
 * - At most CHECKS_IN_FLIGHT checks at once per name and per address (GLOBAL_CHECKS_IN_FLIGHT in all):
 *   more are answered 429 at once with Retry-After 1 s, never queued (a queue would hold the sockets and
 *   memory of whoever sends the most).
 * - PAIR_MAX failures of one name from one address in WINDOW_MS lock that pair.
 * - ADDRESS_MAX failures from one address, over all names, lock that address.
 * - NAME_MAX failures of one name, over all addresses, lock that name, but only for addresses that have
 *   failed on that name themselves: an address with no failure of its own is never locked out by others'.
 *   An attacker spraying from many addresses then gets NAME_MAX guesses plus one per fresh address in each
 *   window, instead of PAIR_MAX per address; the real user at a clean address still gets in.
 */

/** One counted attempt of the window, as stored. */
export interface Attempt {
  nameKey: string;
  addressKey: string;
  atMs: number;
  /** Still being checked (no outcome yet). */
  inFlight: boolean;
}

/** The numbers of the policy. */
export interface AttemptLimits {
  windowMs: number;
  pairMax: number;
  addressMax: number;
  nameMax: number;
  checksInFlight: number;
  globalChecksInFlight: number;
  /** A check with no outcome after this long is no longer "in flight" (its process died); it still counts as a failure. */
  inFlightForgetMs: number;
}

/** The defaults (README "Access"). */
export const DEFAULT_ATTEMPT_LIMITS: Readonly<AttemptLimits> = Object.freeze({
  windowMs: 15 * 60_000,
  pairMax: 5,
  addressMax: 20,
  nameMax: 10,
  checksInFlight: 2,
  globalChecksInFlight: 8,
  inFlightForgetMs: 30_000,
});

/** Allowed now, or why not and for how long. */
export type AttemptDecision = { allowed: true } | { allowed: false; reason: 'busy' | 'locked'; retryAfterMs: number };

/** What the policy looks at: the window's attempts on this name and from this address, and the checks running anywhere. */
export interface AttemptFacts {
  nameKey: string;
  addressKey: string;
  /** Attempts of the window on this name, from any address. */
  byName: readonly Attempt[];
  /** Attempts of the window from this address, on any name. */
  byAddress: readonly Attempt[];
  /** Checks in flight on every name and address. */
  inFlightEverywhere: number;
}

/** The user name as a limiter key: the same for `Admin` and `admin`. */
export const nameKeyOf = (name: string) => name.trim().toLowerCase();

/** The client address as a limiter key: IPv4 as is, IPv6 by its first 64 bits (`2001:db8:0:1::/64`). */
export function addressKeyOf(address: string): string {
  if (!address.includes(':')) return address;
  const [head, tail = ''] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  if (!address.includes('::') && left.length !== 8) return address; // not an IPv6 address we can read: key it whole
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => (Number.parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}

/** Ms until the count of `times` (sorted ascending) drops below `max` as they leave the window. */
function untilBelow(times: readonly number[], max: number, nowMs: number, windowMs: number): number {
  if (times.length < max) return 0;
  return Math.max(1, times[times.length - max] + windowMs - nowMs);
}

const inWindow = (a: Attempt, nowMs: number, limits: AttemptLimits) => a.atMs > nowMs - limits.windowMs;
const running = (a: Attempt, nowMs: number, limits: AttemptLimits) => a.inFlight && a.atMs > nowMs - limits.inFlightForgetMs;
const timesOf = (list: readonly Attempt[]) => list.map((a) => a.atMs).sort((x, y) => x - y);

/** Whether one more attempt on `facts.nameKey` from `facts.addressKey` may be checked at `nowMs`. */
export function decideAttempt(facts: AttemptFacts, nowMs: number, limits: AttemptLimits = DEFAULT_ATTEMPT_LIMITS): AttemptDecision {
  const byName = facts.byName.filter((a) => a.nameKey === facts.nameKey && inWindow(a, nowMs, limits));
  const byAddress = facts.byAddress.filter((a) => a.addressKey === facts.addressKey && inWindow(a, nowMs, limits));
  const busy =
    facts.inFlightEverywhere >= limits.globalChecksInFlight ||
    byName.filter((a) => running(a, nowMs, limits)).length >= limits.checksInFlight ||
    byAddress.filter((a) => running(a, nowMs, limits)).length >= limits.checksInFlight;
  if (busy) return { allowed: false, reason: 'busy', retryAfterMs: 1000 };

  const pair = timesOf(byName.filter((a) => a.addressKey === facts.addressKey));
  const waits = [
    untilBelow(pair, limits.pairMax, nowMs, limits.windowMs),
    untilBelow(timesOf(byAddress), limits.addressMax, nowMs, limits.windowMs),
  ];
  if (pair.length > 0) {
    // Locked by the name's failures only while this address has failures of its own on it: it is free
    // again once either the name's count drops below the limit or its own failures leave the window.
    const nameWait = untilBelow(timesOf(byName), limits.nameMax, nowMs, limits.windowMs);
    waits.push(Math.min(nameWait, untilBelow(pair, 1, nowMs, limits.windowMs)));
  }
  const retryAfterMs = Math.max(...waits);
  return retryAfterMs > 0 ? { allowed: false, reason: 'locked', retryAfterMs } : { allowed: true };
}
