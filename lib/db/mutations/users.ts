/** Users, sessions and tokens (lib/auth): writes. Passwords arrive hashed, tokens are stored as SHA-256. */
import { and, eq, lt, ne } from 'drizzle-orm';
import type { Role } from '../../auth/roles';
import { sessionExpiresAtMs, type SessionLifetime } from '../../auth/session-lifetime';
import { generateToken, hashToken } from '../../auth/tokens';
import type { Db } from '../client';
import { apiTokens, pushSubscriptions, sessions, users } from '../schema';
import { writeTransaction } from '../transactions';
import { noteAccessChange } from './access-changes';

export function createUser(
  db: Db,
  name: string,
  role: Role,
  passwordHash: string,
  siteIds: readonly number[] | null,
  nowMs: number,
): number {
  return db.orm
    .insert(users)
    .values({ name, role, passwordHash, siteIdsJson: siteIds === null ? null : JSON.stringify(siteIds), createdAtMs: nowMs })
    .returning({ id: users.id })
    .get().id;
}

/**
 * Sets a new password and ends every session of the old one, except the session whose cookie is
 * `keepSessionToken` (someone changing their own password stays signed in where they did it).
 */
export function setUserPassword(db: Db, userId: number, passwordHash: string, keepSessionToken?: string): void {
  writeTransaction(db, () => {
    db.orm.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    endSessionsOf(db, userId, keepSessionToken);
    noteAccessChange(db);
  });
}

/** Ends the user's sessions (all, or all but the one of `keepSessionToken`); returns how many ended. */
export function endSessionsOf(db: Db, userId: number, keepSessionToken?: string): number {
  const mine = eq(sessions.userId, userId);
  return db.orm
    .delete(sessions)
    .where(keepSessionToken ? and(mine, ne(sessions.tokenHash, hashToken(keepSessionToken))) : mine)
    .run().changes;
}

/** Changes a user's role, sites or disabled flag; disabling ends their sessions. */
export function updateUser(db: Db, userId: number, change: { role?: Role; siteIds?: readonly number[] | null; disabled?: boolean }): void {
  writeTransaction(db, () => {
    const set = {
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.siteIds !== undefined ? { siteIdsJson: change.siteIds === null ? null : JSON.stringify(change.siteIds) } : {}),
      ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
    };
    if (Object.keys(set).length > 0) db.orm.update(users).set(set).where(eq(users.id, userId)).run();
    if (change.disabled === true) endSessionsOf(db, userId);
    noteAccessChange(db);
  });
}

/** Removes a user with their sessions and Web Push subscriptions; false when there is no such user. */
export function deleteUser(db: Db, userId: number): boolean {
  return writeTransaction(db, () => {
    endSessionsOf(db, userId);
    db.orm.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)).run();
    noteAccessChange(db);
    return db.orm.delete(users).where(eq(users.id, userId)).run().changes > 0;
  });
}

/** Starts a session; returns the cookie value (only its hash is stored). */
export function createSession(db: Db, userId: number, nowMs: number, lifetime: SessionLifetime): string {
  const token = generateToken('sess');
  db.orm
    .insert(sessions)
    .values({
      tokenHash: hashToken(token),
      userId,
      createdAtMs: nowMs,
      expiresAtMs: sessionExpiresAtMs(nowMs, nowMs, lifetime),
      lastSeenMs: nowMs,
    })
    .run();
  return token;
}

/**
 * Replaces a password hash with one of the same password at today's cost (a sign-in found the old one
 * weaker), only if it is still `oldHash`: a password changed meanwhile is never overwritten. Sessions stay.
 * True when it was replaced.
 */
export function replacePasswordHash(db: Db, userId: number, oldHash: string, newHash: string): boolean {
  return writeTransaction(
    db,
    () =>
      db.orm
        .update(users)
        .set({ passwordHash: newHash })
        .where(and(eq(users.id, userId), eq(users.passwordHash, oldHash)))
        .run().changes > 0,
  );
}

export function endSession(db: Db, token: string): void {
  db.orm
    .delete(sessions)
    .where(eq(sessions.tokenHash, hashToken(token)))
    .run();
}

/** Issues an API or kiosk token; returns it once (it cannot be shown again) with its id. */
export function createApiToken(
  db: Db,
  kind: 'api' | 'kiosk',
  name: string,
  role: Role,
  siteId: number | null,
  nowMs: number,
): { id: number; token: string } {
  const token = generateToken(kind);
  const id = db.orm
    .insert(apiTokens)
    .values({ kind, name, role: kind === 'kiosk' ? 'viewer' : role, siteId, tokenHash: hashToken(token), createdAtMs: nowMs })
    .returning({ id: apiTokens.id })
    .get().id;
  return { id, token };
}

/** Revokes a token; false when there is no such token or it was already revoked. */
export function revokeApiToken(db: Db, id: number, nowMs: number): boolean {
  const row = db.orm.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
  if (!row || row.revokedAtMs !== null) return false;
  writeTransaction(db, () => {
    db.orm.update(apiTokens).set({ revokedAtMs: nowMs }).where(eq(apiTokens.id, id)).run();
    noteAccessChange(db, nowMs);
  });
  return true;
}

/** Records that a token was just used (shown as "last used" in the tokens list). */
export function markTokenUsed(db: Db, id: number, nowMs: number): void {
  db.orm.update(apiTokens).set({ lastUsedMs: nowMs }).where(eq(apiTokens.id, id)).run();
}

/**
 * Slides a session that is in use: once its last renewal is older than `everyMs`, it expires a full idle
 * term from now, but never past its absolute lifetime. Returns the new expiry when it was renewed (the
 * caller then renews the cookie too), else null.
 */
export function renewSession(db: Db, token: string, nowMs: number, lifetime: SessionLifetime, everyMs: number): number | null {
  const tokenHash = hashToken(token);
  // Read first: most requests find nothing to renew, and a read takes no write lock (the collector's
  // sweep transactions would otherwise make every request wait for them).
  const session = db.orm
    .select({ lastSeenMs: sessions.lastSeenMs, createdAtMs: sessions.createdAtMs })
    .from(sessions)
    .where(eq(sessions.tokenHash, tokenHash))
    .get();
  if (!session || session.lastSeenMs >= nowMs - everyMs) return null;
  const expiresAtMs = sessionExpiresAtMs(session.createdAtMs, nowMs, lifetime);
  const result = db.orm
    .update(sessions)
    .set({ lastSeenMs: nowMs, expiresAtMs })
    .where(and(eq(sessions.tokenHash, tokenHash), lt(sessions.lastSeenMs, nowMs - everyMs)))
    .run();
  return result.changes > 0 ? expiresAtMs : null;
}
