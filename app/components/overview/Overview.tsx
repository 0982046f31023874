'use client';
/**
 * The fleet overview screen ("/"): header with nav and link state, the active-alerts banner, KPI and
 * profit tiles, the network panel, last-hour chart and the rig table, all fed by one live snapshot.
 * Rendered on the server from the snapshot, then kept live in the browser.
 */
import type { FleetSnapshot } from '../../../lib/views/contracts';
import { useLiveFleet } from '../../../lib/realtime/use-live-fleet';
import { AlertBanner } from '../alerts/AlertBanner';
import { PageHeader } from '../nav/PageHeader';
import { FleetChart } from './FleetChart';
import { FleetKpis } from './FleetKpis';
import { isLosing } from './RigEconomicsCells';
import { NetworkPanel } from './NetworkPanel';
import { ProfitKpis } from './ProfitKpis';
import { RealizedSoFarKpis } from './RealizedSoFarKpis';
import { RealizedHistoryPanel } from '../reports/RealizedHistoryPanel';
import type { RealizedSoFar } from '../../../lib/db/queries/reports-page';
import { RigTable } from './RigTable';
import { DEFAULT_POLL_INTERVAL_MS, sweepNotCurrent } from './sweep-staleness';
import { useNowMs } from './use-now-ms';

/** Props of Overview. */
export interface OverviewProps {
  /** Server-rendered snapshot the live subscription starts from. */
  initial: FleetSnapshot;
  /** The collector's poll interval, if the page knows it; 30 s otherwise. */
  pollIntervalMs?: number;
  /** Realized money today and this month so far, read by the server at page load. */
  soFar?: RealizedSoFar;
}

/** Live fleet overview: KPIs, profit, network, chart and rigs, with staleness made visible everywhere. */
export function Overview({ initial, pollIntervalMs = DEFAULT_POLL_INTERVAL_MS, soFar }: OverviewProps) {
  const { snapshot, link } = useLiveFleet(
    initial,
    initial.rigs.map((r) => r.id),
  ); // every rig the page listed (transitional: up to MAX_WATCHED_RIGS stream)
  const nowMs = useNowMs();
  const { fleet, rigs, history, economics, market } = snapshot;
  const updatedAtMs = fleet.updatedAtMs;
  const notCurrent = sweepNotCurrent(updatedAtMs, nowMs, pollIntervalMs);

  return (
    <main className="overview">
      <PageHeader title="Fleet overview" current="/" link={link} updatedAtMs={updatedAtMs} nowMs={nowMs} sweepStale={notCurrent} />

      <AlertBanner alerts={snapshot.alerts} nowMs={nowMs} />

      <FleetKpis
        fleet={fleet}
        stale={notCurrent}
        losingRigs={Object.keys(economics.rigs).length > 0 ? rigs.filter((r) => isLosing(economics.rigs[r.id])).length : null}
      />

      <ProfitKpis economics={economics.fleet} market={market} stale={notCurrent} />

      {soFar && <RealizedSoFarKpis soFar={soFar} />}

      <NetworkPanel market={market} nowMs={nowMs} />

      <section className="panel" aria-labelledby="chart-title">
        <h2 className="panel-title" id="chart-title">
          Hash rate and power
        </h2>
        <FleetChart history={history} stale={notCurrent} />
      </section>

      {soFar && <RealizedHistoryPanel sites={siteChoices(rigs)} />}

      <section className="panel" aria-labelledby="rigs-title">
        <h2 className="panel-title" id="rigs-title">
          Rigs <span className="panel-count">{rigs.length}</span>
        </h2>
        <RigTable rigs={rigs} nowMs={nowMs} economics={economics.rigs} />
      </section>
    </main>
  );
}

/** The sites of the rigs shown, once each, for the history panel's picker. */
function siteChoices(rigs: readonly { siteId: number; siteName: string }[]): { id: number; name: string }[] {
  return [...new Map(rigs.map((r) => [r.siteId, r.siteName])).entries()].map(([id, name]) => ({ id, name }));
}
