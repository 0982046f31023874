'use client';
/**
 * The fleet overview screen ("/"): header with nav and link state, the active-alerts banner, the money now
 * and the fleet's figures, rigs by state, the rigs needing attention, the sites, and a heat map of every rig;
 * then the network panel, the last hour and realized history. All fed by one live snapshot, and built from its
 * summaries and heat-map cells only, so it stays light at 10,000 rigs. Rendered on the server, kept live in
 * the browser.
 */
import type { FleetSnapshot } from '../../../lib/views/contracts';
import { useLiveFleet } from '../../../lib/realtime/use-live-fleet';
import { AlertBanner } from '../alerts/AlertBanner';
import { PageHeader } from '../nav/PageHeader';
import { HeatMapPanel } from '../heatmap/HeatMapPanel';
import type { HeatmapMode } from '../heatmap/heatmap-colours';
import { FleetKpis } from './FleetKpis';
import { NetworkPanel } from './NetworkPanel';
import { ProblemRigs } from './ProblemRigs';
import { ProfitKpis } from './ProfitKpis';
import { RealizedSoFarKpis } from './RealizedSoFarKpis';
import { LazyFleetChart, LazyRealizedHistoryPanel } from './lazy-charts';
import type { RealizedSoFar } from '../../../lib/db/queries/reports-page';
import { SitesPanel } from './SitesPanel';
import { StateCounts } from './StateCounts';
import { DEFAULT_POLL_INTERVAL_MS, sweepNotCurrent } from './sweep-staleness';
import { useNowMs } from './use-now-ms';
import './overview.css';

/** Props of Overview. */
export interface OverviewProps {
  /** Server-rendered snapshot the live subscription starts from. */
  initial: FleetSnapshot;
  /** The collector's poll interval, if the page knows it; 30 s otherwise. */
  pollIntervalMs?: number;
  /** Realized money today and this month so far, read by the server at page load. */
  soFar?: RealizedSoFar;
  /** What the heat map colours by first (the address's ?map=). */
  heatmapMode?: HeatmapMode;
}

/** Live fleet overview, with staleness made visible everywhere. */
export function Overview({ initial, pollIntervalMs = DEFAULT_POLL_INTERVAL_MS, soFar, heatmapMode = 'state' }: OverviewProps) {
  const { snapshot, link } = useLiveFleet(initial);
  const nowMs = useNowMs();
  const { fleet, cells, sites, history, economics, market } = snapshot;
  const updatedAtMs = fleet.updatedAtMs;
  const notCurrent = sweepNotCurrent(updatedAtMs, nowMs, pollIntervalMs);
  const siteNames = new Map(sites.map((s) => [s.id, s.name]));
  const losingRigs = cells && economics.fleet ? cells.filter((c) => c.profitBand === 'losing').length : null;

  return (
    <main className="overview">
      <PageHeader title="Fleet overview" current="/" link={link} updatedAtMs={updatedAtMs} nowMs={nowMs} sweepStale={notCurrent} />

      <AlertBanner alerts={snapshot.alerts} nowMs={nowMs} />

      <ProfitKpis economics={economics.fleet} market={market} stale={notCurrent} />

      <FleetKpis fleet={fleet} stale={notCurrent} losingRigs={losingRigs} />

      <StateCounts counts={snapshot.counts} />

      <SitesPanel sites={sites} economics={economics.sites} />

      {/* A phone meets the problem list first; a wide screen puts the heat map beside it, to the left. */}
      <div className="overview-split">
        <ProblemRigs cells={cells} siteNames={siteNames} />
        <HeatMapPanel cells={cells} sites={sites} initialMode={heatmapMode} />
      </div>

      {soFar && <RealizedSoFarKpis soFar={soFar} />}

      <NetworkPanel market={market} nowMs={nowMs} />

      <section className="panel" aria-labelledby="chart-title">
        <h2 className="panel-title" id="chart-title">
          Hash rate and power
        </h2>
        <LazyFleetChart history={history} stale={notCurrent} />
      </section>

      {soFar && <LazyRealizedHistoryPanel sites={sites.map((s) => ({ id: s.id, name: s.name }))} />}
    </main>
  );
}
