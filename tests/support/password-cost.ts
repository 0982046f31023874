/**
 * The test seam for password hashing: processes the tests start preload cheap-password-hashing.mjs, which
 * lowers the scrypt cost of the users they create (lib/auth/scrypt-cost). Set
 * HASHWATT_TEST_REAL_PASSWORD_COST=1 to run the suite at the real cost; a test that needs it passes
 * `NODE_OPTIONS: realPasswordCostNodeOptions()` itself.
 */
import { fileURLToPath } from 'node:url';
import type { ScryptCost } from '../../lib/auth/scrypt-cost';

const PRELOAD = fileURLToPath(new URL('./cheap-password-hashing.mjs', import.meta.url));

/** The cost the preload injects (what stored hashes of fixture users show). */
export const CHEAP_SCRYPT_COST: Readonly<ScryptCost> = Object.freeze({ n: 1024, r: 8, p: 1 });

/** NODE_OPTIONS as this process has them, without the preload. */
export function realPasswordCostNodeOptions(): string {
  return (process.env.NODE_OPTIONS ?? '').replace(`--import=${JSON.stringify(PRELOAD)}`, '').trim();
}

/** NODE_OPTIONS for a child process of a test: this process's own, plus the cheap-hashing preload. */
export function cheapPasswordCostNodeOptions(): string {
  if (process.env.HASHWATT_TEST_REAL_PASSWORD_COST === '1') return realPasswordCostNodeOptions();
  return `${realPasswordCostNodeOptions()} --import=${JSON.stringify(PRELOAD)}`.trim();
}
