import type { Metadata } from 'next';
import { connection } from 'next/server';
import { historyRetention, getAppConfig } from '../../../lib/config';
import { getAppDb } from '../../../lib/db/app-db';
import { storageReport } from '../../../lib/db/queries/storage';
import { StorageView } from '../../components/settings/StorageView';

export const metadata: Metadata = { title: 'Storage · Settings · Hashwatt' };

/** The database's size now and its estimated steady-state size for the current fleet (the same report as GET /api/settings/storage). */
export default async function StorageSettingsPage() {
  await connection(); // sizes change at run time: never prerender at build time
  const config = getAppConfig().config;
  const report = storageReport(getAppDb(), {
    dbPath: config.dbPath,
    pollIntervalS: config.pollIntervalS,
    retention: historyRetention(config),
  });
  return <StorageView report={report} />;
}
