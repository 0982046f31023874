import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getAppConfig, marketPolicy } from '../../lib/config';
import { getAppDb } from '../../lib/db/app-db';
import { listAlerts } from '../../lib/db/queries/alerts';
import { visibleFleetSnapshot, visibleSiteIds } from '../principal';
import { HISTORY_PAGE } from '../components/alerts/alert-order';
import { AlertsView } from '../components/alerts/AlertsView';

export const metadata: Metadata = { title: 'Alerts · Hashwatt' };

/** Alerts of the viewer's sites: the live active list (from the fleet snapshot) and the newest resolved ones, at request time. */
export default async function AlertsPage() {
  await connection(); // live data: never prerender at build time
  const config = getAppConfig().config;
  const db = getAppDb();
  const snapshot = await visibleFleetSnapshot(db, Date.now(), marketPolicy(config));
  const history = listAlerts(db, { status: 'resolved', limit: HISTORY_PAGE, siteIds: await visibleSiteIds() });
  return <AlertsView initial={snapshot} history={history} pollIntervalMs={config.pollIntervalS * 1000} />;
}
