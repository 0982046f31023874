/**
 * Who is looking, for server components and route handlers: the principal the web server's gate
 * attached to the request (lib/web/gate), and the live snapshot as that principal may see it (only its
 * sites when it is limited to some).
 */
import { headers } from 'next/headers';
import { principalFrom } from '../lib/auth/principal-header';
import type { Db } from '../lib/db/client';
import { getFleetSnapshot } from '../lib/db/queries/fleet';
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
