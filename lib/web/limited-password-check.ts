/**
 * A password check behind the limiter (lib/auth/attempt-policy, state in lib/db/mutations/sign-in-attempts):
 * the attempt is counted, then the password checked, then the attempt kept as a failure or refunded. Used
 * by sign-in (lib/web/auth-endpoints) and by a password change (app/api/auth/password).
 */
import { addressKeyOf, nameKeyOf } from '../auth/attempt-policy';
import { hashPassword, verifyPassword } from '../auth/password';
import type { Db } from '../db/client';
import { beginAttempt, finishAttempt, type AttemptKind } from '../db/mutations/sign-in-attempts';

/** The password was right, wrong, or not checked (too many attempts, or too many at once). */
export type LimitedCheck =
  { outcome: 'right' } | { outcome: 'wrong' } | { outcome: 'refused'; reason: 'busy' | 'locked'; retryAfterS: number };

/** A hash nobody's password matches, at today's cost, checked for an unknown user so both take as long. */
let decoyHash: Promise<string> | null = null;

/**
 * Checks `password` against `storedHash` (null: no such user, or one who may not sign in; the check then
 * runs against a decoy and fails) if the limits allow it now.
 */
export async function limitedPasswordCheck(
  db: Db,
  who: { kind: AttemptKind; name: string; clientAddress: string },
  password: string,
  storedHash: string | null,
  now: () => number,
): Promise<LimitedCheck> {
  const key = { kind: who.kind, nameKey: nameKeyOf(who.name), addressKey: addressKeyOf(who.clientAddress) };
  const begun = beginAttempt(db, key, now());
  if (!begun.allowed) return { outcome: 'refused', reason: begun.reason, retryAfterS: Math.ceil(begun.retryAfterMs / 1000) };
  // A check that throws leaves its attempt counted (in flight, then a failure): never a free guess.
  decoyHash ??= hashPassword('decoy password that matches nothing');
  const matches = await verifyPassword(password, storedHash ?? (await decoyHash));
  const right = matches && storedHash !== null;
  finishAttempt(db, key, begun.id, right, now());
  return { outcome: right ? 'right' : 'wrong' };
}

/** The reply text of a refused check. */
export function refusalMessage(check: Extract<LimitedCheck, { outcome: 'refused' }>, what: 'sign-ins' | 'password checks'): string {
  return check.reason === 'busy'
    ? `too many ${what} being checked at once: try again in ${check.retryAfterS} s`
    : `too many failed ${what}: try again in ${check.retryAfterS} s`;
}
