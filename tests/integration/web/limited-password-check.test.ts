/**
 * The password-check limiter on a real SQLite file: parallel checks are counted before they run, a right
 * password refunds its attempt, the state is shared by two connections (two web servers) and outlives the
 * one that wrote it, a check that never finished still counts, and `hashwatt user unlock` lifts a lock.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../lib/auth/password';
import { TEST_COST_KEY } from '../../../lib/auth/scrypt-cost';
import { openDb } from '../../../lib/db/client';
import { beginAttempt } from '../../../lib/db/mutations/sign-in-attempts';
import { signInAttempts } from '../../../lib/db/schema';
import { limitedPasswordCheck } from '../../../lib/web/limited-password-check';
import { CHEAP_SCRYPT_COST } from '../../support/password-cost';
import { runHashwatt } from '../../support/run-cli';
import { tempDb } from '../../support/temp';

const PASSWORD = 'the right password 1';
let t: ReturnType<typeof tempDb>;
let stored: string;
let nowMs = Date.UTC(2026, 10, 1);
const now = () => nowMs;
const global = globalThis as unknown as Record<symbol, unknown>;

beforeAll(async () => {
  // In this process, what the preload does for the processes the tests start (the decoy hash of unknown users).
  global[TEST_COST_KEY] = CHEAP_SCRYPT_COST;
  stored = await hashPassword(PASSWORD);
});
afterAll(() => {
  delete global[TEST_COST_KEY];
});
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

const login = (name: string, clientAddress: string) => ({ kind: 'login' as const, name, clientAddress });

describe('limitedPasswordCheck', () => {
  it('checks at most two of 40 parallel wrong passwords from one address; the rest are refused unchecked', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, () => limitedPasswordCheck(t.db, login('admin', '203.0.113.1'), 'wrong guess', stored, now)),
    );
    const outcomes = results.map((r) => (r.outcome === 'refused' ? `refused ${r.reason}` : r.outcome));
    expect(outcomes.filter((o) => o === 'wrong')).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'refused busy')).toHaveLength(38);
    // The two checked are counted as failures; nothing is left in flight.
    expect(
      t.db.orm
        .select()
        .from(signInAttempts)
        .all()
        .map((r) => r.failedAtMs !== null),
    ).toEqual([true, true]);
  });

  it('counts every attempt before the check: five in a row lock the pair even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      nowMs += 1000;
      expect(await limitedPasswordCheck(t.db, login('Admin', '203.0.113.1'), 'wrong guess', stored, now)).toEqual({ outcome: 'wrong' });
    }
    expect(await limitedPasswordCheck(t.db, login('admin', '203.0.113.1'), PASSWORD, stored, now)).toEqual({
      outcome: 'refused',
      reason: 'locked',
      retryAfterS: 15 * 60 - 4,
    });
    expect(await limitedPasswordCheck(t.db, login('admin', '203.0.113.2'), PASSWORD, stored, now)).toEqual({ outcome: 'right' });
  });

  it('refunds a right password with the earlier failures of the same name from the same address, but not others', async () => {
    for (const address of ['203.0.113.1', '203.0.113.1', '198.51.100.1'])
      await limitedPasswordCheck(t.db, login('admin', address), 'wrong guess', stored, now);
    await limitedPasswordCheck(t.db, login('bob', '203.0.113.1'), 'wrong guess', stored, now);
    expect(await limitedPasswordCheck(t.db, login('admin', '203.0.113.1'), PASSWORD, stored, now)).toEqual({ outcome: 'right' });
    const left = t.db.orm
      .select()
      .from(signInAttempts)
      .all()
      .map((r) => `${r.nameKey}@${r.addressKey}`);
    expect(left.sort()).toEqual(['admin@198.51.100.1', 'bob@203.0.113.1']);
  });

  it('counts an unknown name like a known one (checked against a decoy, never right)', async () => {
    expect(await limitedPasswordCheck(t.db, login('nobody', '203.0.113.1'), PASSWORD, null, now)).toEqual({ outcome: 'wrong' });
    expect(t.db.orm.select().from(signInAttempts).all()).toMatchObject([{ kind: 'login', nameKey: 'nobody', addressKey: '203.0.113.1' }]);
  });

  it('is shared by two connections and outlives the one that wrote it; a check that never finished still counts', async () => {
    const other = openDb(t.path);
    try {
      for (let i = 0; i < 4; i++) await limitedPasswordCheck(t.db, login('admin', '203.0.113.1'), 'wrong guess', stored, now);
      // A server that died mid-check leaves its attempt in flight: a slot is taken for 30 s, and it counts.
      expect(beginAttempt(t.db, { kind: 'login', nameKey: 'admin', addressKey: '203.0.113.1' }, nowMs)).toMatchObject({ allowed: true });
      t.db.close();
      nowMs += 31_000;
      expect(await limitedPasswordCheck(other, login('admin', '203.0.113.1'), PASSWORD, stored, now)).toMatchObject({
        outcome: 'refused',
        reason: 'locked',
      });
    } finally {
      other.close();
    }
  });

  it('keeps sign-ins and password changes apart', async () => {
    for (let i = 0; i < 5; i++)
      await limitedPasswordCheck(t.db, { kind: 'password', name: 'admin', clientAddress: '203.0.113.1' }, 'wrong guess', stored, now);
    expect(
      await limitedPasswordCheck(t.db, { kind: 'password', name: 'admin', clientAddress: '203.0.113.1' }, PASSWORD, stored, now),
    ).toMatchObject({ outcome: 'refused', reason: 'locked' });
    expect(await limitedPasswordCheck(t.db, login('admin', '203.0.113.1'), PASSWORD, stored, now)).toEqual({ outcome: 'right' });
  });
});

describe('hashwatt user unlock', { timeout: 60_000 }, () => {
  it('forgets the failures on a name (from every address) or from one address, so it may try at once', async () => {
    nowMs = Date.now(); // the CLI's window is the real clock's
    for (const address of ['203.0.113.1', '198.51.100.1']) {
      for (let i = 0; i < 5; i++) await limitedPasswordCheck(t.db, login('admin', address), 'wrong guess', stored, now);
    }
    for (let i = 0; i < 5; i++) await limitedPasswordCheck(t.db, login(`user${i}`, '2001:db8:0:7::1'), 'wrong guess', stored, now);
    expect(await limitedPasswordCheck(t.db, login('admin', '203.0.113.1'), PASSWORD, stored, now)).toMatchObject({ outcome: 'refused' });

    const env = { HASHWATT_DB: t.path };
    expect(await runHashwatt(['user', 'unlock', 'ADMIN'], env)).toMatchObject({
      code: 0,
      stdout: 'unlocked ADMIN: forgot 10 failed password checks\n',
    });
    expect(await limitedPasswordCheck(t.db, login('admin', '203.0.113.1'), PASSWORD, stored, now)).toEqual({ outcome: 'right' });
    expect(await runHashwatt(['user', 'unlock', 'admin'], env)).toMatchObject({
      code: 0,
      stdout: 'admin was not locked (no failed password checks in the last 15 minutes)\n',
    });
    // An IPv6 client is keyed by its /64: unlocking any address in it lifts it.
    expect(await runHashwatt(['user', 'unlock', '--address', '2001:db8:0:7::ffff'], env)).toMatchObject({
      code: 0,
      stdout: 'unlocked address 2001:db8:0:7::/64: forgot 5 failed password checks\n',
    });
    expect(t.db.orm.select().from(signInAttempts).all()).toEqual([]);

    const bad = await runHashwatt(['user', 'unlock', '--address', 'router.lan'], env);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/--address "router.lan" is not an IP address/) });
  });
});
