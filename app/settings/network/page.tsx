import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getAppConfig } from '../../../lib/config';
import { getAppDb } from '../../../lib/db/app-db';
import { listPools } from '../../../lib/db/queries/pools';
import { listSites } from '../../../lib/db/queries/sites';
import { sourcesSettingsView } from '../../../lib/db/queries/sources-settings';
import { NetworkSettingsView } from '../../components/settings/NetworkSettingsView';

export const metadata: Metadata = { title: 'Network source · Settings · Hashwatt' };

/** The network and price source settings and every source's state, read at request time. */
export default async function NetworkSettingsPage() {
  await connection(); // settings change at run time: never prerender at build time
  const db = getAppDb();
  const labels: Record<string, string> = { network: 'Network state', price: 'BTC price' };
  for (const s of listSites(db)) labels[`tariff:${s.id}`] = `Tariff feed: ${s.name}`;
  for (const p of listPools(db)) labels[`pool:${p.id}`] = `Pool: ${p.name}`;
  return <NetworkSettingsView initial={sourcesSettingsView(db, getAppConfig().sources)} labels={labels} />;
}
