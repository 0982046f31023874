import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getAppDb } from '../../../lib/db/app-db';
import { listSiteSettings } from '../../../lib/db/queries/sites';
import { SitesPanel } from '../../components/settings/SitesPanel';

export const metadata: Metadata = { title: 'Sites · Settings · Hashwatt' };

/** Sites: name, time zone, currency, tariff, PUE and pool fee, read at request time. */
export default async function SitesSettingsPage() {
  await connection(); // settings change at run time: never prerender at build time
  return (
    <section className="panel" aria-labelledby="sites-title">
      <h2 className="panel-title" id="sites-title">
        Sites
      </h2>
      <p className="settings-lede">
        Each site prices its rigs’ power with its own tariff, in its own currency and time zone. The collector reads these on every sweep.
      </p>
      <SitesPanel initial={listSiteSettings(getAppDb())} />
    </section>
  );
}
