import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getAppDb } from '../../lib/db/app-db';
import { listSites } from '../../lib/db/queries/sites';
import { PasswordForm } from '../components/account/PasswordForm';
import { SiteNav } from '../components/nav/SiteNav';
import { currentPrincipal } from '../principal';
import '../components/alerts/alerts.css';
import '../components/settings/settings.css';

export const metadata: Metadata = { title: 'Your account · Hashwatt' };

/** Who you are signed in as, what you may do, and your password; open to every signed-in person. */
export default async function AccountPage() {
  await connection();
  const who = await currentPrincipal();
  const sites = who?.siteIds
    ? listSites(getAppDb())
        .filter((s) => who.siteIds!.includes(s.id))
        .map((s) => s.name)
    : null;
  return (
    <main className="page settings-page">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">Hashwatt</span>
          <h1 className="brand-page">Your account</h1>
        </div>
        <SiteNav current="/account" />
      </header>
      <section className="panel" aria-labelledby="account-title">
        <h2 className="panel-title" id="account-title">
          Signed in
        </h2>
        <p data-testid="account-summary">
          {who ? `${who.name}, ${who.role}` : 'Not signed in'}
          {sites ? ` · limited to ${sites.join(', ')}` : ' · every site'}
        </p>
      </section>
      {who?.via === 'session' ? (
        <section className="panel" aria-labelledby="password-title">
          <h2 className="panel-title" id="password-title">
            Password
          </h2>
          <PasswordForm />
        </section>
      ) : null}
    </main>
  );
}
