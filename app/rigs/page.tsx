import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { getAppConfig, marketPolicy } from '../../lib/config';
import { getAppDb } from '../../lib/db/app-db';
import { visibleFleetSnapshot } from '../principal';
import { RigsView } from '../components/rigs/RigsView';

export const metadata: Metadata = { title: 'Rigs · Hashwatt' };

/** Every rig, filterable and sortable from the URL query; rendered from a snapshot at request time, then live. */
export default async function RigsPage() {
  await connection(); // live data: never prerender at build time
  const config = getAppConfig().config;
  const snapshot = await visibleFleetSnapshot(getAppDb(), Date.now(), marketPolicy(config), { rigs: 'all' });
  // RigsView reads its filters with useSearchParams, which wants a Suspense boundary above it.
  return (
    <Suspense fallback={null}>
      <RigsView initial={snapshot} pollIntervalMs={config.pollIntervalS * 1000} />
    </Suspense>
  );
}
