import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getAppDb } from '../../../lib/db/app-db';
import { listSites } from '../../../lib/db/queries/sites';
import { listTokenViews, listUserViews } from '../../../lib/db/queries/users';
import { UsersSettingsView } from '../../components/settings-users/UsersSettingsView';
import { currentPrincipal } from '../../principal';

export const metadata: Metadata = { title: 'Users & tokens · Hashwatt' };

/** Users and tokens, read at request time (admins only: the gate refuses everyone else). */
export default async function UsersSettingsPage() {
  await connection(); // users change at run time: never prerender at build time
  const db = getAppDb();
  const who = await currentPrincipal();
  return (
    <UsersSettingsView
      users={listUserViews(db)}
      tokens={listTokenViews(db)}
      sites={listSites(db).map((s) => ({ id: s.id, name: s.name }))}
      selfId={who?.userId ?? null}
    />
  );
}
