/**
 * Changing and removing users in a real SQLite file: the guard rails hold inside the transaction, a
 * disabled user's sessions end, a password change can keep the session it was made from, and removing a
 * user takes their sessions and push subscriptions with them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { changeUser, removeUser } from '../../../lib/db/mutations/manage-users';
import { upsertPushSubscription } from '../../../lib/db/mutations/push-subscriptions';
import { createSession, createUser, endSessionsOf } from '../../../lib/db/mutations/users';
import { listUserPushSubscriptions } from '../../../lib/db/queries/push-subscriptions';
import { authenticate, countEnabledAdmins, getUserById } from '../../../lib/db/queries/users';
import { tempDb } from '../../support/temp';

let cleanup = () => {};
afterEach(() => cleanup());
const HOUR_MS = 3_600_000;
const LIFETIME = { idleMs: HOUR_MS, maxAgeMs: 24 * HOUR_MS };

function setup() {
  const t = tempDb();
  cleanup = t.cleanup;
  const root = createUser(t.db, 'root', 'admin', 'scrypt$x', null, 1);
  const vic = createUser(t.db, 'vic', 'viewer', 'scrypt$y', null, 2);
  return { db: t.db, root, vic };
}

describe('changeUser and removeUser', () => {
  it('refuse to lose the last enabled admin, or an admin acting on themself, and change nothing then', () => {
    const { db, root, vic } = setup();
    expect(changeUser(db, { userId: null }, root, { role: 'viewer' })).toEqual({
      ok: false,
      error: { reason: 'conflict', message: 'root is the last enabled admin and cannot be demoted: make another user an admin first' },
    });
    expect(removeUser(db, { userId: vic }, root)).toMatchObject({ ok: false, error: { reason: 'conflict' } });
    expect(changeUser(db, { userId: root }, root, { disabled: true })).toEqual({
      ok: false,
      error: { reason: 'conflict', message: 'you cannot disable yourself: another admin has to do it' },
    });
    expect(getUserById(db, root)).toMatchObject({ role: 'admin', disabled: false });
    expect(changeUser(db, { userId: root }, vic, { role: 'admin' })).toEqual({ ok: true });
    expect(countEnabledAdmins(db)).toBe(2);
    expect(changeUser(db, { userId: vic }, root, { disabled: true })).toEqual({ ok: true });
    expect(countEnabledAdmins(db)).toBe(1);
    expect(changeUser(db, { userId: null }, 99, { disabled: true })).toEqual({
      ok: false,
      error: { reason: 'not-found', message: 'there is no user 99' },
    });
  });

  it("end a disabled user's sessions, and a new password ends all but the caller's own session", () => {
    const { db, root, vic } = setup();
    const vicSession = createSession(db, vic, 10, LIFETIME);
    expect(authenticate(db, vicSession, 20)?.name).toBe('vic');
    expect(changeUser(db, { userId: root }, vic, { disabled: true, siteIds: [1] })).toEqual({ ok: true });
    expect(authenticate(db, vicSession, 20)).toBeNull();
    expect(db.sqlite.prepare('select count(*) from sessions where user_id = ?').pluck().get(vic)).toBe(0);
    expect(getUserById(db, vic)).toMatchObject({ disabled: true, siteIdsJson: '[1]' });

    const here = createSession(db, root, 10, LIFETIME);
    const phone = createSession(db, root, 10, LIFETIME);
    expect(changeUser(db, { userId: root, sessionToken: here }, root, { passwordHash: 'scrypt$new' })).toEqual({ ok: true });
    expect(authenticate(db, here, 20)?.name).toBe('root');
    expect(authenticate(db, phone, 20)).toBeNull();
    expect(getUserById(db, root)?.passwordHash).toBe('scrypt$new');
    expect(endSessionsOf(db, root)).toBe(1);
  });

  it("removes a user with their sessions and push subscriptions, leaving others' alone", () => {
    const { db, root, vic } = setup();
    createSession(db, vic, 10, LIFETIME);
    const rootSession = createSession(db, root, 10, LIFETIME);
    const sub = (n: number) => ({ endpoint: `https://push.example/${n}`, p256dh: 'k', auth: 'a' });
    upsertPushSubscription(db, vic, sub(1), null, 10);
    upsertPushSubscription(db, root, sub(2), null, 10);
    expect(removeUser(db, { userId: root }, vic)).toEqual({ ok: true });
    expect(getUserById(db, vic)).toBeNull();
    expect(db.sqlite.prepare('select count(*) from sessions where user_id = ?').pluck().get(vic)).toBe(0);
    expect(listUserPushSubscriptions(db, vic)).toEqual([]);
    expect(listUserPushSubscriptions(db, root)).toHaveLength(1);
    expect(authenticate(db, rootSession, 20)?.name).toBe('root');
    expect(removeUser(db, { userId: root }, vic)).toEqual({ ok: false, error: { reason: 'not-found', message: 'there is no user 2' } });
  });
});
