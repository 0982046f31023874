/**
 * Sessions slide while in use, on a real SQLite file: a renewal at most every `everyMs` moves the expiry a
 * full term ahead, so a phone used daily stays signed in, and one left unused expires on time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession, createUser, renewSession } from '../../../lib/db/mutations/users';
import { authenticate } from '../../../lib/db/queries/users';
import { tempDb } from '../../support/temp';

const T0 = Date.UTC(2026, 10, 1);
const HOUR = 3_600_000;
const TTL = 24 * HOUR;
let t: ReturnType<typeof tempDb>;

beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

describe('renewSession', () => {
  it('renews at most once per interval, and a renewed session outlives its first expiry', () => {
    const userId = createUser(t.db, 'ann', 'viewer', 'x', null, T0);
    const token = createSession(t.db, userId, T0, TTL);
    expect(renewSession(t.db, token, T0 + 30 * 60_000, TTL, HOUR)).toBe(false); // too soon
    expect(renewSession(t.db, token, T0 + 2 * HOUR, TTL, HOUR)).toBe(true);
    expect(renewSession(t.db, token, T0 + 2 * HOUR + 1000, TTL, HOUR)).toBe(false);
    // Past the first term (T0 + 24 h) it still authenticates, until 24 h after the renewal.
    expect(authenticate(t.db, token, T0 + TTL + HOUR)).toMatchObject({ name: 'ann', via: 'session' });
    expect(authenticate(t.db, token, T0 + 2 * HOUR + TTL)).toBeNull();
  });

  it('an unused session expires on time, and an unknown token renews nothing', () => {
    const userId = createUser(t.db, 'bob', 'viewer', 'x', null, T0);
    const token = createSession(t.db, userId, T0, TTL);
    expect(authenticate(t.db, token, T0 + TTL)).toBeNull();
    expect(renewSession(t.db, 'hw_sess_' + 'a'.repeat(43), T0 + 2 * HOUR, TTL, HOUR)).toBe(false);
  });
});
