import { connection } from 'next/server';
import { getAppConfig, marketPolicy } from '../../lib/config';
import { getAppDb } from '../../lib/db/app-db';
import { viewer, visibleFleetSnapshot } from '../principal';
import { visibleTo } from '../../lib/auth/site-scope';
import { listSites } from '../../lib/db/queries/sites';
import { Wall } from '../components/wall/Wall';
import { parseRotateS, parseSiteId } from '../components/wall/wall-model';

type SearchParams = Record<string, string | string[] | undefined>;

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Wall display for a control-room TV: no nav, no scrolling, nothing to click. `?site=<id>` pins one
 * site; `?rotate=<seconds>` sets the rotation (default 20, 0 = none).
 */
export default async function WallPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection(); // live data: never prerender at build time
  const params = await searchParams;
  const db = getAppDb();
  const config = getAppConfig().config;
  const snapshot = await visibleFleetSnapshot(db, Date.now(), marketPolicy(config));
  const who = await viewer();
  const siteIds = who.siteIds;
  // A kiosk token for one site shows only that site (and so never rotates).
  const sites = visibleTo(who, listSites(db), (s) => s.id).map((s) => ({ id: s.id, name: s.name, timeZone: s.timeZone }));
  return (
    <Wall
      initial={snapshot}
      sites={sites}
      pinnedSiteId={siteIds?.length === 1 ? siteIds[0] : parseSiteId(first(params.site))}
      rotateS={parseRotateS(first(params.rotate))}
      pollIntervalMs={config.pollIntervalS * 1000}
    />
  );
}

export const metadata = { title: 'Hashwatt wall' };
