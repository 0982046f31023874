/**
 * The password-check limiter's state (table sign_in_attempts, policy in lib/auth/attempt-policy). Each
 * step is one IMMEDIATE transaction: deciding and counting an attempt happen under the write lock, so
 * parallel requests, in this process or another web server's, are counted one after the other.
 */
import { and, eq, gt, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { decideAttempt, DEFAULT_ATTEMPT_LIMITS, type AttemptDecision, type AttemptLimits } from '../../auth/attempt-policy';
import type { Db } from '../client';
import { signInAttempts } from '../schema';
import { writeTransaction } from '../transactions';

/** What is being checked: a sign-in, or a signed-in user's current password before a change. */
export type AttemptKind = 'login' | 'password';

/** One attempt's keys (lib/auth/attempt-policy nameKeyOf and addressKeyOf). */
export interface AttemptKey {
  kind: AttemptKind;
  nameKey: string;
  addressKey: string;
}

/** A counted attempt, to be finished with finishAttempt once the password was checked. */
export type BegunAttempt = { allowed: true; id: number } | Extract<AttemptDecision, { allowed: false }>;

/**
 * Decides whether the password may be checked now and, when it may, counts the attempt (as in flight)
 * before answering. Forgets attempts older than the window on the way.
 */
export function beginAttempt(db: Db, key: AttemptKey, nowMs: number, limits: AttemptLimits = DEFAULT_ATTEMPT_LIMITS): BegunAttempt {
  return writeTransaction(db, () => {
    const since = nowMs - limits.windowMs;
    db.orm.delete(signInAttempts).where(lt(signInAttempts.atMs, since)).run();
    const cols = {
      nameKey: signInAttempts.nameKey,
      addressKey: signInAttempts.addressKey,
      atMs: signInAttempts.atMs,
      failedAtMs: signInAttempts.failedAtMs,
    };
    const rows = (where: ReturnType<typeof and>) =>
      db.orm
        .select(cols)
        .from(signInAttempts)
        .where(where)
        .all()
        .map((r) => ({ nameKey: r.nameKey, addressKey: r.addressKey, atMs: r.atMs, inFlight: r.failedAtMs === null }));
    const byName = rows(and(eq(signInAttempts.kind, key.kind), eq(signInAttempts.nameKey, key.nameKey), gt(signInAttempts.atMs, since)));
    const byAddress = rows(
      and(eq(signInAttempts.kind, key.kind), eq(signInAttempts.addressKey, key.addressKey), gt(signInAttempts.atMs, since)),
    );
    const inFlightEverywhere =
      db.orm
        .select({ n: sql<number>`count(*)` })
        .from(signInAttempts)
        .where(and(isNull(signInAttempts.failedAtMs), gt(signInAttempts.atMs, nowMs - limits.inFlightForgetMs)))
        .get()?.n ?? 0;
    const decision = decideAttempt(
      { nameKey: key.nameKey, addressKey: key.addressKey, byName, byAddress, inFlightEverywhere },
      nowMs,
      limits,
    );
    if (!decision.allowed) return decision;
    const id = db.orm
      .insert(signInAttempts)
      .values({ kind: key.kind, nameKey: key.nameKey, addressKey: key.addressKey, atMs: nowMs })
      .returning({ id: signInAttempts.id })
      .get().id;
    return { allowed: true as const, id };
  });
}

/**
 * Records the outcome of a counted attempt: a wrong password stays counted; a right one is refunded, with
 * the earlier failures of the same name from the same address (that was the user, mistyping); checks of
 * the pair still running keep counting.
 */
export function finishAttempt(db: Db, key: AttemptKey, id: number, passwordRight: boolean, nowMs: number): void {
  writeTransaction(db, () => {
    if (!passwordRight) {
      db.orm.update(signInAttempts).set({ failedAtMs: nowMs }).where(eq(signInAttempts.id, id)).run();
      return;
    }
    db.orm.delete(signInAttempts).where(eq(signInAttempts.id, id)).run();
    db.orm
      .delete(signInAttempts)
      .where(
        and(
          eq(signInAttempts.kind, key.kind),
          eq(signInAttempts.nameKey, key.nameKey),
          eq(signInAttempts.addressKey, key.addressKey),
          isNotNull(signInAttempts.failedAtMs),
        ),
      )
      .run();
  });
}

/** Forgets the attempts `which` selects, after dropping those past the window; how many the window held. */
function clearAttempts(db: Db, which: SQL, nowMs: number, limits: AttemptLimits): number {
  return writeTransaction(db, () => {
    db.orm
      .delete(signInAttempts)
      .where(lt(signInAttempts.atMs, nowMs - limits.windowMs))
      .run();
    return db.orm.delete(signInAttempts).where(which).run().changes;
  });
}

/** Forgets every counted attempt on a user name (`hashwatt user unlock NAME`); returns how many the window held. */
export function clearAttemptsOnName(db: Db, nameKey: string, nowMs: number, limits: AttemptLimits = DEFAULT_ATTEMPT_LIMITS): number {
  return clearAttempts(db, eq(signInAttempts.nameKey, nameKey), nowMs, limits);
}

/** Forgets every counted attempt from a client address (`hashwatt user unlock --address A`); returns how many the window held. */
export function clearAttemptsFromAddress(
  db: Db,
  addressKey: string,
  nowMs: number,
  limits: AttemptLimits = DEFAULT_ATTEMPT_LIMITS,
): number {
  return clearAttempts(db, eq(signInAttempts.addressKey, addressKey), nowMs, limits);
}
