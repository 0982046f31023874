import { connection } from 'next/server';
import { getAppDb } from '../lib/db/app-db';
import { getFleetSnapshot } from '../lib/db/queries/fleet';
import { Overview } from './components/overview/Overview';

/** Fleet overview: rendered from a snapshot at request time, then kept live over socket.io. */
export default async function OverviewPage() {
  await connection(); // live data: never prerender at build time
  const snapshot = getFleetSnapshot(getAppDb(), Date.now());
  return <Overview initial={snapshot} />;
}
