// Preloaded with `node --import` into the processes the tests start (tests/support/password-cost.ts), so
// the users they create get a cheap scrypt cost: OWASP's N = 2^17 takes 128 MiB and most of a second per
// hash, and the suite signs in hundreds of times. lib/auth/scrypt-cost.ts reads this symbol and nothing
// else; no setting, variable or flag of the product can lower the cost.
globalThis[Symbol.for('hashwatt.test.scryptCost')] = Object.freeze({ n: 1024, r: 8, p: 1 });
