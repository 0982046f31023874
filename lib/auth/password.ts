/**
 * Password hashing with scrypt from node:crypto (no native add-on to build): a random 16-byte salt, a
 * 32-byte key, at today's cost (lib/auth/scrypt-cost: OWASP's N = 2^17, r = 8, p = 1), stored as
 * `scrypt$N$r$p$<salt b64>$<key b64>` so the cost can be raised without breaking stored hashes: a hash made
 * with a lower cost still verifies, and `needsRehash` says to hash the password again at the next sign-in.
 * Verification is constant-time. At most two hashes run at once per process: each takes 128 MiB and a
 * libuv thread, which file reads and DNS share.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { createLimiter } from '../util/concurrency';
import { isUsableCost, SCRYPT_MAX_MEMORY_BYTES, costBelow, targetScryptCost, type ScryptCost } from './scrypt-cost';

const SALT_BYTES = 16;
const KEY_BYTES = 32;

export { MIN_PASSWORD_CHARS, passwordProblem } from './password-rules';

const hashSlots = createLimiter(2);

function derive(password: string, salt: Buffer, cost: ScryptCost, bytes: number): Promise<Buffer> {
  return hashSlots(
    () =>
      new Promise((resolve, reject) =>
        scrypt(password.normalize('NFKC'), salt, bytes, { N: cost.n, r: cost.r, p: cost.p, maxmem: SCRYPT_MAX_MEMORY_BYTES }, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      ),
  );
}

/** A stored hash's parts, or null when it is not one this module made (or asks for an unusable cost). */
function parseStored(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  const cost = { n, r, p };
  if (!isUsableCost(cost)) return null;
  const salt = Buffer.from(parts[4], 'base64');
  const key = Buffer.from(parts[5], 'base64');
  if (salt.length === 0 || key.length === 0 || key.length > 64) return null;
  return { cost, salt, key };
}

/** Hashes a new password at `cost` (today's, unless a test passes a cheaper one). */
export async function hashPassword(password: string, cost: ScryptCost = targetScryptCost()): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost, KEY_BYTES);
  return `scrypt$${cost.n}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** True when `password` matches `stored`; false for a wrong password or a malformed stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.cost, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/**
 * True when `stored` was made with less than `target` (today's cost): a weaker cost, a shorter salt or key.
 * A hash this module cannot read is not "rehashed": it never verifies in the first place.
 */
export function needsRehash(stored: string, target: ScryptCost = targetScryptCost()): boolean {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  return costBelow(parsed.cost, target) || parsed.salt.length < SALT_BYTES || parsed.key.length < KEY_BYTES;
}

/** The cost a stored hash was made with, or null when it is not a hash this module reads. */
export function storedCost(stored: string): ScryptCost | null {
  return parseStored(stored)?.cost ?? null;
}
