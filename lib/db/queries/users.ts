/** Users, sessions and tokens (lib/auth): who a cookie or a Bearer token belongs to. */
import { and, asc, eq } from 'drizzle-orm';
import { isRole, type Authenticated } from '../../auth/roles';
import { DEFAULT_SESSION_LIFETIME, sessionLive } from '../../auth/session-lifetime';
import { effectiveSiteIds } from '../../auth/site-scope';
import { hashToken, tokenKind } from '../../auth/tokens';
import type { Db } from '../client';
import { apiTokens, sessions, sites, users, type ApiTokenRow, type UserRow } from '../schema';

export function getUserByName(db: Db, name: string): UserRow | null {
  return db.orm.select().from(users).where(eq(users.name, name)).get() ?? null;
}

export function listUsers(db: Db): Omit<UserRow, 'passwordHash'>[] {
  return db.orm
    .select()
    .from(users)
    .orderBy(asc(users.id))
    .all()
    .map(({ passwordHash: _hidden, ...rest }) => rest);
}

export function getUserById(db: Db, id: number): UserRow | null {
  return db.orm.select().from(users).where(eq(users.id, id)).get() ?? null;
}

/** How many enabled admins there are (the last one may not be disabled, demoted or removed). */
export function countEnabledAdmins(db: Db): number {
  return db.orm
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
    .all().length;
}

/** The sites a stored user sees (null: every site; always null for an admin, whatever is stored). */
export function userSiteIds(user: Pick<UserRow, 'role' | 'siteIdsJson'>): number[] | null {
  const stored = user.siteIdsJson === null ? null : (JSON.parse(user.siteIdsJson) as number[]);
  return effectiveSiteIds(user.role, stored);
}

/** A user as the settings screen and GET /api/users show them: no password hash, sites as a list. */
export interface UserView {
  id: number;
  name: string;
  role: string;
  /** null: every site (admins always). */
  siteIds: number[] | null;
  disabled: boolean;
  createdAtMs: number;
}

export function listUserViews(db: Db): UserView[] {
  return listUsers(db).map((u) => ({
    id: u.id,
    name: u.name,
    role: u.role,
    siteIds: userSiteIds(u),
    disabled: u.disabled,
    createdAtMs: u.createdAtMs,
  }));
}

/** An API or kiosk token as GET /api/tokens shows it: no hash, with its site's name. */
export interface TokenView {
  id: number;
  kind: 'api' | 'kiosk';
  name: string;
  /** The API token's role; 'viewer' for kiosk tokens (read-only). */
  role: string;
  /** A kiosk token's site; null: the whole fleet (always null for API tokens). */
  siteId: number | null;
  siteName: string | null;
  createdAtMs: number;
  lastUsedMs: number | null;
  revokedAtMs: number | null;
}

export function listTokenViews(db: Db): TokenView[] {
  return db.orm
    .select({
      id: apiTokens.id,
      kind: apiTokens.kind,
      name: apiTokens.name,
      role: apiTokens.role,
      siteId: apiTokens.siteId,
      siteName: sites.name,
      createdAtMs: apiTokens.createdAtMs,
      lastUsedMs: apiTokens.lastUsedMs,
      revokedAtMs: apiTokens.revokedAtMs,
    })
    .from(apiTokens)
    .leftJoin(sites, eq(sites.id, apiTokens.siteId))
    .orderBy(asc(apiTokens.id))
    .all()
    .map((t) => ({ ...t, kind: t.kind === 'kiosk' ? 'kiosk' : 'api' }));
}

export function listApiTokens(db: Db): Omit<ApiTokenRow, 'tokenHash'>[] {
  return db.orm
    .select()
    .from(apiTokens)
    .orderBy(asc(apiTokens.id))
    .all()
    .map(({ tokenHash: _hidden, ...rest }) => rest);
}

export function hasUsers(db: Db): boolean {
  return db.orm.select({ id: users.id }).from(users).limit(1).get() !== undefined;
}

function userPrincipal(user: UserRow): Authenticated | null {
  if (user.disabled || !isRole(user.role)) return null;
  return { role: user.role, siteIds: userSiteIds(user), name: user.name, via: 'session', userId: user.id, tokenId: null };
}

/**
 * Who a session cookie or a Bearer/kiosk token is, or null (unknown, expired, older than
 * `sessionMaxAgeMs`, revoked, disabled).
 */
export function authenticate(
  db: Db,
  token: string,
  nowMs: number,
  sessionMaxAgeMs: number = DEFAULT_SESSION_LIFETIME.maxAgeMs,
): Authenticated | null {
  const kind = tokenKind(token);
  if (!kind) return null;
  const hash = hashToken(token);
  if (kind === 'sess') {
    const session = db.orm.select().from(sessions).where(eq(sessions.tokenHash, hash)).get();
    if (!session || !sessionLive(session, nowMs, sessionMaxAgeMs)) return null;
    const user = db.orm.select().from(users).where(eq(users.id, session.userId)).get();
    return user ? userPrincipal(user) : null;
  }
  const row = db.orm.select().from(apiTokens).where(eq(apiTokens.tokenHash, hash)).get();
  if (!row || row.revokedAtMs !== null || row.kind !== kind || !isRole(row.role)) return null;
  if (kind === 'kiosk')
    return {
      role: 'kiosk',
      siteIds: row.siteId === null ? null : [row.siteId],
      name: row.name,
      via: 'kiosk',
      userId: null,
      tokenId: row.id,
    };
  // An API token may be limited to one site (operator and viewer tokens; an admin's never is).
  return {
    role: row.role,
    siteIds: effectiveSiteIds(row.role, row.siteId === null ? null : [row.siteId]),
    name: row.name,
    via: 'api',
    userId: null,
    tokenId: row.id,
  };
}
