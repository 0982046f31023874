/** The auth building blocks: password hashes, tokens, who may do what, and the login rate limit. */
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from '../../../lib/auth/password';
import { createRateLimiter } from '../../../lib/auth/rate-limit';
import { can } from '../../../lib/auth/roles';
import { generateToken, hashToken, tokenKind } from '../../../lib/auth/tokens';

describe('passwords', () => {
  it('verifies the right password, refuses a wrong one, and salts every hash', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
  });
  it('treats a malformed stored hash as no match instead of throwing', async () => {
    for (const stored of ['', 'plain', 'scrypt$1$2$3', 'bcrypt$x$y$z$a$b', 'scrypt$99999999$8$1$c2FsdA==$a2V5']) {
      expect(await verifyPassword('whatever123', stored)).toBe(false);
    }
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
    expect(['read', 'acknowledge', 'operate-rigs', 'configure'].map((a) => can({ role: 'admin', siteIds: all }, a as never))).toEqual([true, true, true, true]);
    expect(['read', 'acknowledge', 'operate-rigs', 'configure'].map((a) => can({ role: 'operator', siteIds: all }, a as never))).toEqual([true, true, true, false]);
    expect(['read', 'acknowledge', 'operate-rigs', 'configure'].map((a) => can({ role: 'viewer', siteIds: all }, a as never))).toEqual([true, false, false, false]);
    expect(can({ role: 'kiosk', siteIds: [2] }, 'acknowledge', 2)).toBe(false);
  });
  it('limits a user to their sites', () => {
    const op = { role: 'operator' as const, siteIds: [1, 3] };
    expect([can(op, 'acknowledge', 1), can(op, 'acknowledge', 2), can(op, 'read', 2), can(op, 'read')]).toEqual([true, false, false, true]);
  });
});

describe('login rate limit', () => {
  it('allows five failures a minute per key, then says how long to wait; a success clears it', () => {
    const rl = createRateLimiter({ max: 5, windowMs: 60_000 });
    for (let i = 0; i < 5; i++) {
      expect(rl.retryAfterMs('1.2.3.4', i * 1_000)).toBe(0);
      rl.fail('1.2.3.4', i * 1_000);
    }
    expect(rl.retryAfterMs('1.2.3.4', 10_000)).toBe(50_000); // the first failure leaves the window at 60 s
    expect(rl.retryAfterMs('5.6.7.8', 10_000)).toBe(0);
    expect(rl.retryAfterMs('1.2.3.4', 60_001)).toBe(0);
    rl.succeed('1.2.3.4');
    expect(rl.retryAfterMs('1.2.3.4', 10_000)).toBe(0);
  });
  it('keeps at most maxKeys keys', () => {
    const rl = createRateLimiter({ max: 1, windowMs: 60_000, maxKeys: 2 });
    rl.fail('a', 0);
    rl.fail('b', 0);
    rl.fail('c', 0);
    expect([rl.retryAfterMs('a', 1), rl.retryAfterMs('b', 1), rl.retryAfterMs('c', 1)]).toEqual([0, 59_999, 59_999]);
  });
});
