import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { getAppConfig, marketPolicy } from '../../lib/config';
import { getAppDb } from '../../lib/db/app-db';
import { visibleFleetSnapshot } from '../principal';
import { RigsView } from '../components/rigs/RigsView';
import { parseRigQuery } from '../components/rigs/rig-filters';
import { parseRigPaging, rigPage } from '../components/rigs/rig-page';

export const metadata: Metadata = { title: 'Rigs · Hashwatt' };

/** Next 16 hands a page its query as a promise. */
interface RigsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The query as URLSearchParams (a repeated parameter reads as its first value, as the browser's get() does). */
function toParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) params.set(k, first);
  }
  return params;
}

/**
 * The rig table, filtered, sorted and paged on the server from the URL query: the HTML carries the page's
 * rows only (50 by default), not the fleet. The live subscription starts from the snapshot cut to those
 * rows; the browser asks GET /api/rigs/page again when a sweep lands or the query changes.
 */
export default async function RigsPage({ searchParams }: RigsPageProps) {
  await connection(); // live data: never prerender at build time
  const config = getAppConfig().config;
  // Filtering and sorting need every rig in scope; only the page's rows reach the HTML.
  const snapshot = await visibleFleetSnapshot(getAppDb(), Date.now(), marketPolicy(config), { rigs: 'all' });
  const query = toParams(await searchParams);
  const page = rigPage(
    { rigs: snapshot.rigs, economics: snapshot.economics.rigs, currency: snapshot.market.currency, prices: snapshot.market.prices },
    parseRigQuery(query),
    parseRigPaging(query),
  );
  // The fleet chart's hour is not drawn here, and the rest of the fleet comes page by page.
  const initial = { ...snapshot, rigs: page.rows, history: [], economics: { ...snapshot.economics, rigs: page.economics } };
  // RigsView reads its filters with useSearchParams, which wants a Suspense boundary above it.
  return (
    <Suspense fallback={null}>
      <RigsView initial={initial} initialPage={page} pollIntervalMs={config.pollIntervalS * 1000} />
    </Suspense>
  );
}
