import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getAppConfig, marketPolicy } from '../../../lib/config';
import { getAppDb } from '../../../lib/db/app-db';
import { visibleFleetSnapshot } from '../../principal';
import { listSites } from '../../../lib/db/queries/sites';
import { RigsSettingsView } from '../../components/settings-rigs/RigsSettingsView';

export const metadata: Metadata = { title: 'Rig settings · Hashwatt' };

/** Rig settings: the rigs, live from a snapshot read at request time, and the sites new rigs can go to. */
export default async function RigSettingsPage() {
  await connection(); // rigs change at run time: never prerender at build time
  const config = getAppConfig().config;
  const db = getAppDb();
  const snapshot = await visibleFleetSnapshot(db, Date.now(), marketPolicy(config), { rigs: 'all' });
  const sites = listSites(db).map((s) => ({ id: s.id, name: s.name }));
  return <RigsSettingsView initial={snapshot} sites={sites} />;
}
