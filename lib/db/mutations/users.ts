/** Users, sessions and tokens (lib/auth): writes. Passwords arrive hashed, tokens are stored as SHA-256. */
import { eq } from 'drizzle-orm';
import type { Role } from '../../auth/roles';
import { generateToken, hashToken } from '../../auth/tokens';
import type { Db } from '../client';
import { apiTokens, sessions, users } from '../schema';

export function createUser(db: Db, name: string, role: Role, passwordHash: string, siteIds: readonly number[] | null, nowMs: number): number {
  return db.orm
    .insert(users)
    .values({ name, role, passwordHash, siteIdsJson: siteIds === null ? null : JSON.stringify(siteIds), createdAtMs: nowMs })
    .returning({ id: users.id })
    .get().id;
}

export function setUserPassword(db: Db, userId: number, passwordHash: string): void {
  db.sqlite.transaction(() => {
    db.orm.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    // A new password ends every session of the old one.
    db.orm.delete(sessions).where(eq(sessions.userId, userId)).run();
  })();
}

/** Starts a session; returns the cookie value (only its hash is stored). */
export function createSession(db: Db, userId: number, nowMs: number, ttlMs: number): string {
  const token = generateToken('sess');
  db.orm.insert(sessions).values({ tokenHash: hashToken(token), userId, createdAtMs: nowMs, expiresAtMs: nowMs + ttlMs, lastSeenMs: nowMs }).run();
  return token;
}

export function endSession(db: Db, token: string): void {
  db.orm.delete(sessions).where(eq(sessions.tokenHash, hashToken(token))).run();
}

/** Issues an API or kiosk token; returns it once (it cannot be shown again) with its id. */
export function createApiToken(db: Db, kind: 'api' | 'kiosk', name: string, role: Role, siteId: number | null, nowMs: number): { id: number; token: string } {
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
  db.orm.update(apiTokens).set({ revokedAtMs: nowMs }).where(eq(apiTokens.id, id)).run();
  return true;
}

/** Records that a token was just used (shown as "last used" in the tokens list). */
export function markTokenUsed(db: Db, id: number, nowMs: number): void {
  db.orm.update(apiTokens).set({ lastUsedMs: nowMs }).where(eq(apiTokens.id, id)).run();
}
