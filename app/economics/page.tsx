import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getAppConfig, marketPolicy } from '../../lib/config';
import { getAppDb } from '../../lib/db/app-db';
import { getEconomicsPageData } from '../../lib/db/queries/economics-page';
import { EconomicsView } from '../components/economics/EconomicsView';
import { viewer } from '../principal';

export const metadata: Metadata = { title: 'Economics · Hashwatt' };

/** Economics of the viewer's sites: merit order, what-if, sites and pools; rendered from the database at request time, then live. */
export default async function EconomicsPage() {
  await connection(); // live data: never prerender at build time
  const config = getAppConfig().config;
  const data = getEconomicsPageData(getAppDb(), Date.now(), marketPolicy(config), await viewer());
  return <EconomicsView initial={data} pollIntervalMs={config.pollIntervalS * 1000} />;
}
