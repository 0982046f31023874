import type { Metadata } from 'next';
import { connection } from 'next/server';
import { loadConfig, marketPolicy } from '../../lib/config';
import { getAppDb } from '../../lib/db/app-db';
import { getEconomicsPageData } from '../../lib/db/queries/economics-page';
import { EconomicsView } from '../components/economics/EconomicsView';
import { scopedStream } from '../../lib/realtime/scope';
import { visibleSiteIds } from '../principal';

export const metadata: Metadata = { title: 'Economics · Hashwatt' };

/** Economics: merit order, what-if, sites and pools; rendered from the database at request time, then live. */
export default async function EconomicsPage() {
  await connection(); // live data: never prerender at build time
  const config = loadConfig();
  const all = getEconomicsPageData(getAppDb(), Date.now(), marketPolicy(config));
  const siteIds = await visibleSiteIds();
  const data = siteIds === null ? all : {
    ...all,
    snapshot: scopedStream(siteIds).snapshot(all.snapshot),
    rigs: all.rigs.filter((r) => siteIds.includes(r.siteId)),
    sites: all.sites.filter((s) => siteIds.includes(s.id)),
  };
  return <EconomicsView initial={data} pollIntervalMs={config.pollIntervalS * 1000} />;
}
