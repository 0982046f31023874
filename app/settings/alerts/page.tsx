import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getAppDb } from '../../../lib/db/app-db';
import { listChannelViews } from '../../../lib/db/queries/alert-channels';
import { getRulesView } from '../../../lib/db/queries/alert-settings';
import { listRigViews } from '../../../lib/db/queries/rigs';
import { listSites } from '../../../lib/db/queries/sites';
import { AlertSettingsView } from '../../components/settings/AlertSettingsView';
import { viewer } from '../../principal';

export const metadata: Metadata = { title: 'Alert settings · Hashwatt' };

/** Alert settings: channels (secrets redacted), rules, policy and maintenance, read at request time (admins only, who see every site). */
export default async function AlertSettingsPage() {
  await connection(); // settings change at run time: never prerender at build time
  const db = getAppDb();
  const sites = listSites(db).map((s) => ({ id: s.id, name: s.name }));
  const rigs = listRigViews(db).map((r) => ({ id: r.id, name: r.name, siteId: r.siteId, siteName: r.siteName }));
  return (
    <AlertSettingsView sites={sites} rigs={rigs} channels={listChannelViews(db)} rules={getRulesView(db, Date.now(), await viewer())} />
  );
}
