/**
 * Who is looking, for server components and route handlers: the principal the web server's gate
 * attached to the request (lib/web/gate), and what of the fleet it may see. Every page and route scopes
 * through these and lib/auth/site-scope, so a site-limited user, operator or kiosk sees and acts on its
 * sites only (lib/auth/route-scopes lists what each route does).
 */
import { headers } from 'next/headers';
import { principalFrom } from '../lib/auth/principal-header';
import type { Principal } from '../lib/auth/roles';
import { seesSite, type SiteIds } from '../lib/auth/site-scope';
import type { Db } from '../lib/db/client';
import { getFleetSnapshot, type SnapshotOptions } from '../lib/db/queries/fleet';
import { rigSiteId } from '../lib/db/queries/rigs';
import type { MarketPolicy } from '../lib/domain/market-policy';
import type { Authenticated } from '../lib/auth/roles';
import { scopedStream } from '../lib/views/scope';

/** Sees nothing: what a request without a principal gets (the gate attaches one to every non-public request). */
const NO_ONE: Principal = { role: 'viewer', siteIds: [] };

/** The signed-in principal of the current request (null only on public pages). */
export async function currentPrincipal(): Promise<Authenticated | null> {
  return principalFrom(await headers());
}

/** The principal to scope by: the signed-in one, else one that sees no site (never every site). */
export async function viewer(): Promise<Principal> {
  return (await currentPrincipal()) ?? NO_ONE;
}

/** Site ids the current principal is limited to, or null for every site. */
export async function visibleSiteIds(): Promise<SiteIds> {
  return (await viewer()).siteIds;
}

/** The fleet snapshot limited to what the current principal may see; `opts` asks for rigs' full views (none by default). */
export async function visibleFleetSnapshot(db: Db, nowMs: number, market: MarketPolicy, opts: SnapshotOptions = {}) {
  return scopedStream(await visibleSiteIds()).snapshot(getFleetSnapshot(db, nowMs, market, opts));
}

/** The site of rig `rigId` when the current principal may see it; null for another site's rig or none. */
export async function visibleRigSite(db: Db, rigId: number): Promise<number | null> {
  const siteId = rigSiteId(db, rigId);
  return siteId !== null && seesSite(await viewer(), siteId) ? siteId : null;
}

/** Whether the current principal may see rig `rigId` (false too for a rig that does not exist). */
export async function rigVisible(db: Db, rigId: number): Promise<boolean> {
  return (await visibleRigSite(db, rigId)) !== null;
}
