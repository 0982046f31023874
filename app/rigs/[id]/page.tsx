import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getAppConfig, marketPolicy } from '../../../lib/config';
import { getAppDb } from '../../../lib/db/app-db';
import { rigVisible, visibleFleetSnapshot } from '../../principal';
import { rigHistory } from '../../../lib/db/queries/rig-history';
import { rigViewsByIds } from '../../../lib/db/queries/rigs';
import { listSites } from '../../../lib/db/queries/sites';
import { realizedReport } from '../../../lib/db/queries/realized-report';
import { viewer } from '../../principal';
import { parseRangeParam, parseRigId } from '../../components/rig-detail/history-range';
import { RigDetail } from '../../components/rig-detail/RigDetail';

/** Next 16 hands a page its path and query as promises. */
interface RigPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * "S19-01 · Hashwatt" in the tab, so a wall of tabs can be told apart. Another site's rig gets the same
 * title as one that does not exist: its name is not the viewer's to read.
 */
export async function generateMetadata({ params }: RigPageProps): Promise<Metadata> {
  await connection();
  const id = parseRigId((await params).id);
  const db = getAppDb();
  const rig = id !== null && (await rigVisible(db, id)) ? rigViewsByIds(db, [id])[0] : undefined;
  return { title: rig ? `${rig.name} · Hashwatt` : 'Rig not found · Hashwatt' };
}

/**
 * One rig: 404 for an id that is not a positive integer or not a rig. Rendered at request time from the
 * fleet snapshot (kept live in the browser) and the history of the range the URL asks for (24 h when none).
 */
export default async function RigPage({ params, searchParams }: RigPageProps) {
  await connection(); // live data: never prerender at build time
  const id = parseRigId((await params).id);
  if (id === null) notFound();
  const db = getAppDb();
  const config = getAppConfig().config;
  const nowMs = Date.now();
  const snapshot = await visibleFleetSnapshot(db, nowMs, marketPolicy(config), { rigs: [id] });
  const rig = snapshot.rigs.find((r) => r.id === id);
  if (!rig) notFound();
  const range = parseRangeParam((await searchParams).range);
  const realized = realizedReport(db, (await viewer()).siteIds, { kind: 'rig', rigId: id }, new URLSearchParams(), nowMs, config.currency);
  const economics = snapshot.economics.rigs[id];
  const rigEconomics = economics ? { [id]: economics } : {};
  const currency = listSites(db).find((s) => s.id === rig.siteId)?.currency ?? snapshot.market.currency;
  return (
    <RigDetail
      // Only this rig is drawn: the fleet chart's hour of sweeps and the other rigs are not sent.
      initial={{ ...snapshot, history: [], rigs: [rig], economics: { ...snapshot.economics, rigs: rigEconomics } }}
      rigId={id}
      initialRange={range}
      initialHistory={rigHistory(db, id, range, nowMs)}
      currency={currency}
      pollIntervalMs={config.pollIntervalS * 1000}
      realized={realized.ok ? realized.value : null}
    />
  );
}
