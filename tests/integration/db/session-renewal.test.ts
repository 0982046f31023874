/**
 * Sessions slide while in use, on a real SQLite file: a renewal at most every `everyMs` moves the expiry a
 * full term ahead, so a phone used daily stays signed in, and one left unused expires on time; but no
 * session outlives its absolute lifetime, however much it is used.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession, createUser, renewSession } from '../../../lib/db/mutations/users';
import { authenticate } from '../../../lib/db/queries/users';
import { sessions } from '../../../lib/db/schema';
import { tempDb } from '../../support/temp';

const T0 = Date.UTC(2026, 10, 1);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TTL = 24 * HOUR;
const LIFETIME = { idleMs: TTL, maxAgeMs: 10 * DAY };
let t: ReturnType<typeof tempDb>;

beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

describe('renewSession', () => {
  it('renews at most once per interval, and a renewed session outlives its first expiry', () => {
    const userId = createUser(t.db, 'ann', 'viewer', 'x', null, T0);
    const token = createSession(t.db, userId, T0, LIFETIME);
    expect(renewSession(t.db, token, T0 + 30 * 60_000, LIFETIME, HOUR)).toBeNull(); // too soon
    expect(renewSession(t.db, token, T0 + 2 * HOUR, LIFETIME, HOUR)).toBe(T0 + 2 * HOUR + TTL);
    expect(renewSession(t.db, token, T0 + 2 * HOUR + 1000, LIFETIME, HOUR)).toBeNull();
    // Past the first term (T0 + 24 h) it still authenticates, until 24 h after the renewal.
    expect(authenticate(t.db, token, T0 + TTL + HOUR, LIFETIME.maxAgeMs)).toMatchObject({ name: 'ann', via: 'session' });
    expect(authenticate(t.db, token, T0 + 2 * HOUR + TTL, LIFETIME.maxAgeMs)).toBeNull();
  });

  it('an unused session expires on time, and an unknown token renews nothing', () => {
    const userId = createUser(t.db, 'bob', 'viewer', 'x', null, T0);
    const token = createSession(t.db, userId, T0, LIFETIME);
    expect(authenticate(t.db, token, T0 + TTL, LIFETIME.maxAgeMs)).toBeNull();
    expect(renewSession(t.db, 'hw_sess_' + 'a'.repeat(43), T0 + 2 * HOUR, LIFETIME, HOUR)).toBeNull();
  });

  it('a session used every day still ends at its absolute lifetime: renewals stop there, and it is refused after', () => {
    const lifetime = { idleMs: 3 * DAY, maxAgeMs: 10 * DAY };
    const userId = createUser(t.db, 'cy', 'viewer', 'x', null, T0);
    const token = createSession(t.db, userId, T0, lifetime);
    const expiries: number[] = [];
    for (let day = 1; day < 10; day++) {
      expect(authenticate(t.db, token, T0 + day * DAY, lifetime.maxAgeMs), `day ${day}`).toMatchObject({ name: 'cy' });
      expiries.push(renewSession(t.db, token, T0 + day * DAY, lifetime, HOUR)!);
    }
    expect(expiries[6]).toBe(T0 + 10 * DAY); // day 7: a full term would reach day 10 exactly
    expect(expiries[8]).toBe(T0 + 10 * DAY); // day 9: one day left, not a full term past the end
    expect(authenticate(t.db, token, T0 + 10 * DAY - 1, lifetime.maxAgeMs)).toMatchObject({ name: 'cy' });
    expect(authenticate(t.db, token, T0 + 10 * DAY, lifetime.maxAgeMs)).toBeNull();
  });

  it('refuses a session row older than the lifetime even when its expiry is still ahead (written before the limit existed)', () => {
    const userId = createUser(t.db, 'dee', 'viewer', 'x', null, T0);
    const token = createSession(t.db, userId, T0, LIFETIME);
    t.db.orm
      .update(sessions)
      .set({ expiresAtMs: T0 + 400 * DAY, lastSeenMs: T0 + 20 * DAY })
      .run();
    expect(authenticate(t.db, token, T0 + 11 * DAY, LIFETIME.maxAgeMs)).toBeNull();
    expect(authenticate(t.db, token, T0 + 9 * DAY, LIFETIME.maxAgeMs)).toMatchObject({ name: 'dee' });
    // Without a lifetime passed, the default (90 days) still applies.
    expect(authenticate(t.db, token, T0 + 89 * DAY)).toMatchObject({ name: 'dee' });
    expect(authenticate(t.db, token, T0 + 90 * DAY)).toBeNull();
  });
});
