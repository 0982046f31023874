/**
 * Who may do what. Roles: admin (everything), operator (rigs, acknowledge alerts), viewer (read only);
 * kiosk is a read-only display of one site or the fleet. A user may be limited to some sites. Pure.
 */
import { seesSite } from './site-scope';

export const ROLES = ['admin', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export type Principal = { role: Role | 'kiosk'; siteIds: readonly number[] | null };

/** A principal as authentication finds it: a signed-in user, an API token or a kiosk token. */
export interface Authenticated extends Principal {
  /** Who, for logs and "acknowledged by": the user's name or the token's name. */
  name: string;
  via: 'session' | 'api' | 'kiosk';
  userId: number | null;
  /** The API or kiosk token's id (for "last used"); null for a session. */
  tokenId: number | null;
}

/** What a request wants to do. */
export type Action = 'read' | 'acknowledge' | 'operate-rigs' | 'configure';

const ALLOWED: Readonly<Record<Principal['role'], readonly Action[]>> = {
  admin: ['read', 'acknowledge', 'operate-rigs', 'configure'],
  operator: ['read', 'acknowledge', 'operate-rigs'],
  viewer: ['read'],
  kiosk: ['read'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Whether `who` may do `action`; with `siteId`, on a thing of that site (null: a fleet-wide thing, which
 * only principals of every site may act on). Without it, only the role counts (the gate's check).
 */
export function can(who: Principal, action: Action, siteId?: number | null): boolean {
  if (!ALLOWED[who.role].includes(action)) return false;
  return siteId === undefined || seesSite(who, siteId);
}
