import { connection } from 'next/server';
import { getAppConfig, marketPolicy } from '../lib/config';
import { getAppDb } from '../lib/db/app-db';
import { realizedSoFar } from '../lib/db/queries/reports-page';
import { viewer, visibleFleetSnapshot } from './principal';
import { Overview } from './components/overview/Overview';
import { parseHeatmapMode } from './components/heatmap/heatmap-colours';

type SearchParams = Record<string, string | string[] | undefined>;

/** Fleet overview: rendered from a snapshot at request time, then kept live over socket.io. `?map=` picks the heat map's colouring. */
export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection(); // live data: never prerender at build time
  const map = (await searchParams).map;
  const snapshot = await visibleFleetSnapshot(getAppDb(), Date.now(), marketPolicy(getAppConfig().config));
  const soFar = realizedSoFar(getAppDb(), (await viewer()).siteIds, Date.now(), getAppConfig().config.currency);
  // The sweep age turns red after three missed intervals of the collector's own cadence.
  return (
    <Overview
      initial={snapshot}
      pollIntervalMs={getAppConfig().config.pollIntervalS * 1000}
      soFar={soFar}
      heatmapMode={parseHeatmapMode(Array.isArray(map) ? map[0] : map)}
    />
  );
}
