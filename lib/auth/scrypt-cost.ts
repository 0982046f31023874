/**
 * scrypt's cost parameters: what new password hashes get, what a stored hash says it was made with, and
 * whether that is below today's cost (so the next successful sign-in hashes the password again). Pure.
 *
 * Today's cost is OWASP's (Password Storage Cheat Sheet): N = 2^17, r = 8, p = 1, which needs
 * 128 * N * r = 128 MiB of memory per hash, four times Node's default scrypt `maxmem` of 32 MiB (the hash
 * functions pass their own cap, see SCRYPT_MAX_MEMORY_BYTES).
 *
 * Test seam: a test process may lower the cost for the fixture users it creates, ONLY by defining the
 * symbol TEST_COST_KEY on globalThis before anything hashes (tests/support/cheap-password-hashing.mjs,
 * preloaded with `node --import` by the test support). There is no setting, variable or flag for it: to
 * flip it one must already run code inside the process. The own-property check keeps a polluted
 * Object.prototype from reaching it, and a symbol cannot be named from JSON.
 */

/** scrypt's cost: N (CPU/memory, a power of two), r (block size), p (parallelism). */
export interface ScryptCost {
  n: number;
  r: number;
  p: number;
}

/** OWASP's recommendation for scrypt: N = 2^17 (128 MiB with r = 8), r = 8, p = 1. */
export const OWASP_SCRYPT_COST: Readonly<ScryptCost> = Object.freeze({ n: 2 ** 17, r: 8, p: 1 });

/** Where a test preload may put a cheaper cost (see the file comment). */
export const TEST_COST_KEY = Symbol.for('hashwatt.test.scryptCost');

/**
 * The most memory one hash may take, 256 MiB: twice today's cost, so a stored hash made with a higher cost
 * still verifies, and a stored hash asking for more (a corrupted or planted row) is refused, not computed.
 */
export const SCRYPT_MAX_MEMORY_BYTES = 256 * 1024 * 1024;

/** Bytes scrypt allocates for `cost` (Node refuses to run it when this exceeds its `maxmem`). */
export const scryptMemoryBytes = (cost: ScryptCost) => 128 * cost.n * cost.r;

/** True for a cost scrypt can run within SCRYPT_MAX_MEMORY_BYTES (N a power of two above 1, p at most 16). */
export function isUsableCost(cost: ScryptCost): boolean {
  const { n, r, p } = cost;
  if (![n, r, p].every((x) => Number.isSafeInteger(x) && x > 0)) return false;
  if (n < 2 || (n & (n - 1)) !== 0 || p > 16) return false;
  return scryptMemoryBytes(cost) <= SCRYPT_MAX_MEMORY_BYTES;
}

/** The cost new hashes get: OWASP's, unless a test process injected a cheaper one (see the file comment). */
export function targetScryptCost(): ScryptCost {
  const injected: unknown = Object.getOwnPropertyDescriptor(globalThis, TEST_COST_KEY)?.value;
  if (injected && typeof injected === 'object') {
    const { n, r, p } = injected as Record<string, unknown>;
    const cost = { n, r, p } as ScryptCost;
    if (isUsableCost(cost)) return cost;
  }
  return OWASP_SCRYPT_COST;
}

/**
 * True when a hash made with `stored` is weaker than `target` in any parameter: the password is then
 * hashed again at the next successful sign-in. A stronger stored cost is kept (never lowered).
 */
export function costBelow(stored: ScryptCost, target: ScryptCost): boolean {
  return stored.n < target.n || stored.r < target.r || stored.p < target.p;
}
