import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getAppDb } from '../../../lib/db/app-db';
import { listPoolViews } from '../../../lib/db/queries/pools';
import { PoolsPanel } from '../../components/settings/PoolsPanel';

export const metadata: Metadata = { title: 'Pools · Settings · Hashwatt' };

/** The pool accounts the collector reads (secrets redacted), read at request time. */
export default async function PoolsSettingsPage() {
  await connection(); // settings change at run time: never prerender at build time
  return (
    <section className="panel" aria-labelledby="pools-title">
      <h2 className="panel-title" id="pools-title">
        Pool accounts
      </h2>
      <p className="settings-lede">
        The collector reads each account’s hash rate, workers and earnings from the pool’s API at every source refresh, to compare with what
        the rigs report.
      </p>
      <PoolsPanel initial={listPoolViews(getAppDb())} />
    </section>
  );
}
