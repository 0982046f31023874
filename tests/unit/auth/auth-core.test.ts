/** The auth building blocks: password hashes and their cost, tokens, who may do what. */
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, passwordProblem, storedCost, verifyPassword } from '../../../lib/auth/password';
import { can } from '../../../lib/auth/roles';
import {
  OWASP_SCRYPT_COST,
  SCRYPT_MAX_MEMORY_BYTES,
  TEST_COST_KEY,
  isUsableCost,
  scryptMemoryBytes,
  targetScryptCost,
} from '../../../lib/auth/scrypt-cost';
import { generateToken, hashToken, tokenKind } from '../../../lib/auth/tokens';

/** A cheap cost, so these tests do not spend 128 MiB and most of a second per hash. */
const CHEAP = { n: 1024, r: 8, p: 1 };

describe('passwords', () => {
  it('verifies the right password, refuses a wrong one, and salts every hash', async () => {
    const a = await hashPassword('correct horse battery', CHEAP);
    const b = await hashPassword('correct horse battery', CHEAP);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
  });
  it('treats a malformed stored hash, or one asking for more memory than allowed, as no match instead of throwing', async () => {
    const bad = [
      '',
      'plain',
      'scrypt$1$2$3',
      'bcrypt$x$y$z$a$b',
      'scrypt$99999999$8$1$c2FsdA==$a2V5',
      'scrypt$1000$8$1$c2FsdA==$a2V5',
      'scrypt$262144$16$1$c2FsdA==$a2V5',
      'scrypt$1024$8$99$c2FsdA==$a2V5',
    ];
    for (const stored of bad) expect(await verifyPassword('whatever123', stored), stored).toBe(false);
  });
  it("hashes at OWASP's scrypt cost, N = 2^17, r = 8, p = 1, which needs more than Node's default 32 MiB maxmem", async () => {
    expect(OWASP_SCRYPT_COST).toEqual({ n: 131072, r: 8, p: 1 });
    expect(scryptMemoryBytes(OWASP_SCRYPT_COST)).toBe(128 * 1024 * 1024);
    expect(scryptMemoryBytes(OWASP_SCRYPT_COST)).toBeLessThanOrEqual(SCRYPT_MAX_MEMORY_BYTES);
    expect(isUsableCost(OWASP_SCRYPT_COST)).toBe(true);
    // This test process has no test preload: the cost is OWASP's, and Node computes a hash at it (verifying
    // derives the same way) instead of refusing it for its memory.
    expect(Object.hasOwn(globalThis, TEST_COST_KEY)).toBe(false);
    expect(targetScryptCost()).toEqual(OWASP_SCRYPT_COST);
    expect(await hashPassword('a real-cost password')).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
  });
  it('takes a cheaper cost only from an own symbol property on globalThis (a test preload), never from a polluted prototype', () => {
    const proto = Object.prototype as unknown as Record<symbol, unknown>;
    proto[TEST_COST_KEY] = CHEAP;
    try {
      expect(targetScryptCost()).toEqual(OWASP_SCRYPT_COST);
    } finally {
      delete proto[TEST_COST_KEY];
    }
    const global = globalThis as unknown as Record<symbol, unknown>;
    for (const [injected, expected] of [
      [CHEAP, CHEAP],
      [{ n: 1000, r: 8, p: 1 }, OWASP_SCRYPT_COST],
      ['1024', OWASP_SCRYPT_COST],
    ] as const) {
      global[TEST_COST_KEY] = injected;
      try {
        expect(targetScryptCost()).toEqual(expected);
      } finally {
        delete global[TEST_COST_KEY];
      }
    }
  });
  it('says a hash made with less than the target cost needs hashing again, and never lowers a higher one', async () => {
    const old = await hashPassword('correct horse battery', { n: 2 ** 12, r: 8, p: 1 });
    expect(storedCost(old)).toEqual({ n: 4096, r: 8, p: 1 });
    expect(needsRehash(old, { n: 2 ** 13, r: 8, p: 1 })).toBe(true);
    expect(needsRehash(old, { n: 2 ** 12, r: 8, p: 1 })).toBe(false);
    expect(needsRehash(old, { n: 2 ** 11, r: 8, p: 1 })).toBe(false);
    expect(needsRehash(old, { n: 2 ** 12, r: 8, p: 2 })).toBe(true);
    expect(needsRehash(old, { n: 2 ** 12, r: 16, p: 1 })).toBe(true);
    // Against today's cost: yesterday's default (N = 2^15) is weaker.
    expect(needsRehash('scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=')).toBe(true);
    expect(needsRehash('garbage')).toBe(false);
  });
  it('names what is wrong with a new password', () => {
    expect(passwordProblem('short')).toBe('the password must be at least 10 characters');
    expect(passwordProblem('alice-is-great', 'Alice')).toBe('the password must not contain the user name');
    expect(passwordProblem('a long enough one')).toBeNull();
  });
});

describe('tokens', () => {
  it('carry their kind in a prefix and are stored as SHA-256', () => {
    const t = generateToken('api');
    expect(tokenKind(t)).toBe('api');
    expect(tokenKind(generateToken('kiosk'))).toBe('kiosk');
    expect(tokenKind('hw_api_short')).toBeNull();
    expect(tokenKind(`Bearer ${t}`)).toBeNull();
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'); // FIPS 180-2 test vector
    expect(generateToken('api')).not.toBe(t);
  });
});

describe('can', () => {
  it('gives admins everything, operators rigs and acknowledgements, viewers and kiosks reading only', () => {
    const all = null;
    expect(['read', 'acknowledge', 'operate-rigs', 'configure'].map((a) => can({ role: 'admin', siteIds: all }, a as never))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['read', 'acknowledge', 'operate-rigs', 'configure'].map((a) => can({ role: 'operator', siteIds: all }, a as never))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(['read', 'acknowledge', 'operate-rigs', 'configure'].map((a) => can({ role: 'viewer', siteIds: all }, a as never))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(can({ role: 'kiosk', siteIds: [2] }, 'acknowledge', 2)).toBe(false);
  });
  it('limits a user to their sites', () => {
    const op = { role: 'operator' as const, siteIds: [1, 3] };
    expect([can(op, 'acknowledge', 1), can(op, 'acknowledge', 2), can(op, 'read', 2), can(op, 'read')]).toEqual([true, false, false, true]);
  });
});
