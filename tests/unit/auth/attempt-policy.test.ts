/** Who may have a password checked: the limiter's decisions as scenarios over a window of attempts. */
import { describe, expect, it } from 'vitest';
import { addressKeyOf, decideAttempt, DEFAULT_ATTEMPT_LIMITS, nameKeyOf, type Attempt } from '../../../lib/auth/attempt-policy';

const MIN = 60_000;
const NOW = 100 * MIN;
const WINDOW = 15 * MIN;

/** `n` finished failures on `name` from `address`, one a second from `startMs`. */
const failures = (name: string, address: string, n: number, startMs = NOW - 5 * MIN): Attempt[] =>
  Array.from({ length: n }, (_, i) => ({ nameKey: name, addressKey: address, atMs: startMs + i * 1000, inFlight: false }));
const running = (name: string, address: string, atMs = NOW - 100): Attempt => ({
  nameKey: name,
  addressKey: address,
  atMs,
  inFlight: true,
});

/** The decision for `name` from `address` given every attempt in `all` (split by key as the database does). */
function decide(name: string, address: string, all: Attempt[], inFlightEverywhere = all.filter((a) => a.inFlight).length, nowMs = NOW) {
  return decideAttempt(
    {
      nameKey: name,
      addressKey: address,
      byName: all.filter((a) => a.nameKey === name),
      byAddress: all.filter((a) => a.addressKey === address),
      inFlightEverywhere,
    },
    nowMs,
  );
}

describe('decideAttempt', () => {
  it('lets a first attempt through', () => {
    expect(decide('admin', '10.0.0.1', [])).toEqual({ allowed: true });
  });

  it('locks a name from one address after five failures, until the oldest leaves the window', () => {
    const five = failures('admin', '10.0.0.1', 5);
    expect(decide('admin', '10.0.0.1', failures('admin', '10.0.0.1', 4))).toEqual({ allowed: true });
    expect(decide('admin', '10.0.0.1', five)).toEqual({ allowed: false, reason: 'locked', retryAfterMs: WINDOW - 5 * MIN });
    expect(decide('admin', '10.0.0.1', five, 0, NOW + 10 * MIN + 1)).toEqual({ allowed: true });
    // The same address may still try another name, and another address this one.
    expect(decide('bob', '10.0.0.1', five)).toEqual({ allowed: true });
    expect(decide('admin', '10.0.0.2', five)).toEqual({ allowed: true });
  });

  it('counts checks still running as failures: parallel guesses get no more than the limit', () => {
    const three = [
      ...failures('admin', '10.0.0.1', 3),
      running('admin', '10.0.0.1', NOW - 31_000),
      running('admin', '10.0.0.1', NOW - 40_000),
    ];
    expect(decide('admin', '10.0.0.1', three, 0)).toMatchObject({ allowed: false, reason: 'locked' });
  });

  it('allows two checks at once per name and per address, eight in all; more are told to retry in a second', () => {
    expect(decide('admin', '10.0.0.1', [running('admin', '10.0.0.9')])).toEqual({ allowed: true });
    expect(decide('admin', '10.0.0.1', [running('admin', '10.0.0.8'), running('admin', '10.0.0.9')])).toEqual({
      allowed: false,
      reason: 'busy',
      retryAfterMs: 1000,
    });
    expect(decide('admin', '10.0.0.1', [running('ann', '10.0.0.1'), running('bob', '10.0.0.1')])).toEqual({
      allowed: false,
      reason: 'busy',
      retryAfterMs: 1000,
    });
    expect(decide('admin', '10.0.0.1', [], 8)).toEqual({ allowed: false, reason: 'busy', retryAfterMs: 1000 });
    expect(decide('admin', '10.0.0.1', [], 7)).toEqual({ allowed: true });
    // A check with no outcome after 30 s (its process died) no longer holds a slot, but stays counted.
    expect(
      decide('admin', '10.0.0.1', [running('admin', '10.0.0.8', NOW - 31_000), running('admin', '10.0.0.9', NOW - 31_000)], 0),
    ).toEqual({ allowed: true });
  });

  it('locks an address after twenty failures over any names', () => {
    const spray = Array.from({ length: 20 }, (_, i) => failures(`user${i}`, '10.0.0.1', 1, NOW - 10 * MIN + i * 1000)).flat();
    expect(decide('admin', '10.0.0.1', spray)).toEqual({ allowed: false, reason: 'locked', retryAfterMs: 5 * MIN });
    expect(decide('admin', '10.0.0.2', spray)).toEqual({ allowed: true });
  });

  it("never locks a clean address out by other addresses' failures, but holds addresses that failed on the name", () => {
    // 200 addresses, one failure each on admin a second apart from 14 min ago: far past the name's limit of 10.
    const spray = Array.from({ length: 200 }, (_, i) => failures('admin', `192.0.2.${i}`, 1, NOW - 14 * MIN + i * 1000)).flat();
    expect(decide('admin', '10.9.9.9', spray)).toEqual({ allowed: true });
    const held = decide('admin', '192.0.2.7', spray);
    expect(held).toMatchObject({ allowed: false, reason: 'locked' });
    // Free again when its own failure leaves the window (at 1 min 7 s), before the name drops below the limit (1 min 190 s).
    expect(held).toEqual({ allowed: false, reason: 'locked', retryAfterMs: MIN + 7_000 });
    expect(decide('admin', '192.0.2.195', spray)).toEqual({ allowed: false, reason: 'locked', retryAfterMs: MIN + 190_000 });
    // Below the name's limit, an address with failures of its own may go on up to the pair limit.
    const few = [...failures('admin', '192.0.2.1', 4), ...failures('admin', '192.0.2.2', 4)];
    expect(decide('admin', '192.0.2.1', few)).toEqual({ allowed: true });
    expect(decide('admin', '192.0.2.1', [...few, ...failures('admin', '192.0.2.3', 2)])).toMatchObject({
      allowed: false,
      reason: 'locked',
    });
  });

  it('ignores attempts older than the window', () => {
    expect(decide('admin', '10.0.0.1', failures('admin', '10.0.0.1', 30, NOW - WINDOW - 60_000))).toEqual({ allowed: true });
  });

  it('uses the documented defaults', () => {
    expect(DEFAULT_ATTEMPT_LIMITS).toEqual({
      windowMs: WINDOW,
      pairMax: 5,
      addressMax: 20,
      nameMax: 10,
      checksInFlight: 2,
      globalChecksInFlight: 8,
      inFlightForgetMs: 30_000,
    });
  });
});

describe('limiter keys', () => {
  it('folds the case of a name, and keys IPv6 clients by their /64', () => {
    expect(nameKeyOf(' Admin ')).toBe('admin');
    expect(addressKeyOf('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKeyOf('2001:db8:0:1:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:1::/64');
    expect(addressKeyOf('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(addressKeyOf('2001:DB8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKeyOf('::1')).toBe('0:0:0:0::/64');
    expect(addressKeyOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
