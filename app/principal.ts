/**
 * Who is looking, for server components and route handlers: the principal the web server's gate
 * attached to the request (lib/web/gate), and the live snapshot as that principal may see it (only its
 * sites when it is limited to some).
 */
import { headers } from 'next/headers';
import { principalFrom } from '../lib/auth/principal-header';
import type { Db } from '../lib/db/client';
import { getFleetSnapshot } from '../lib/db/queries/fleet';
import { rigViewsByIds } from '../lib/db/queries/rigs';
import type { MarketPolicy } from '../lib/db/queries/market';
import type { Authenticated } from '../lib/db/queries/users';
import { scopedStream } from '../lib/realtime/scope';

/** The signed-in principal of the current request (null only on public pages). */
export async function currentPrincipal(): Promise<Authenticated | null> {
  return principalFrom(await headers());
}

/** Site ids the current principal is limited to, or null for every site. */
export async function visibleSiteIds(): Promise<readonly number[] | null> {
  return (await currentPrincipal())?.siteIds ?? null;
}

/** The fleet snapshot limited to what the current principal may see. */
export async function visibleFleetSnapshot(db: Db, nowMs: number, market: MarketPolicy) {
  return scopedStream(await visibleSiteIds()).snapshot(getFleetSnapshot(db, nowMs, market));
}

/** Whether the current principal may see rig `rigId` (false too for a rig that does not exist). */
export async function rigVisible(db: Db, rigId: number): Promise<boolean> {
  const rig = rigViewsByIds(db, [rigId])[0];
  if (!rig) return false;
  const siteIds = await visibleSiteIds();
  return siteIds === null || siteIds.includes(rig.siteId);
}
