import { connection } from 'next/server';
import { getAppConfig, marketPolicy } from '../lib/config';
import { getAppDb } from '../lib/db/app-db';
import { realizedSoFar } from '../lib/db/queries/reports-page';
import { viewer, visibleFleetSnapshot } from './principal';
import { Overview } from './components/overview/Overview';

/** Fleet overview: rendered from a snapshot at request time, then kept live over socket.io. */
export default async function OverviewPage() {
  await connection(); // live data: never prerender at build time
  const snapshot = await visibleFleetSnapshot(getAppDb(), Date.now(), marketPolicy(getAppConfig().config), { rigs: 'all' });
  const soFar = realizedSoFar(getAppDb(), (await viewer()).siteIds, Date.now(), getAppConfig().config.currency);
  // The sweep age turns red after three missed intervals of the collector's own cadence.
  return <Overview initial={snapshot} pollIntervalMs={getAppConfig().config.pollIntervalS * 1000} soFar={soFar} />;
}
