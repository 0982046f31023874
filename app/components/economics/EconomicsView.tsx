'use client';
/**
 * The economics screen ("/economics"): the live merit-order curve with what should be curtailed now,
 * the what-if panel, economics by site and the pool reconciliation. Live figures come from the same
 * socket subscription as the overview; the what-if starts from the rigs as the page loaded them.
 */
import { useMemo } from 'react';
import type { EconomicsPageData } from '../../../lib/views/contracts';
import { useLiveFleet } from '../../../lib/realtime/use-live-fleet';
import { AlertBanner } from '../alerts/AlertBanner';
import { PageHeader } from '../nav/PageHeader';
import { describeStaleInputs } from '../overview/stale-inputs';
import { DEFAULT_POLL_INTERVAL_MS, sweepNotCurrent } from '../overview/sweep-staleness';
import { useNowMs } from '../overview/use-now-ms';
import { liveMeritCurve } from './merit-curve';
import { MeritOrderChart } from './MeritOrderChart';
import { PoolReconciliationTable } from './PoolReconciliationTable';
import { SiteEconomicsTable } from './SiteEconomicsTable';
import { RealizedHistoryPanel } from '../reports/RealizedHistoryPanel';
import { WhatIfPanel } from './WhatIfPanel';
import './economics.css';

/** Props of EconomicsView. */
export interface EconomicsViewProps {
  /** Server-rendered page data; its snapshot is where the live subscription starts. */
  initial: EconomicsPageData;
  /** The collector's poll interval, if the page knows it; 30 s otherwise. */
  pollIntervalMs?: number;
}

/** Live economics screen. */
export function EconomicsView({ initial, pollIntervalMs = DEFAULT_POLL_INTERVAL_MS }: EconomicsViewProps) {
  const { snapshot, link } = useLiveFleet(
    initial.snapshot,
    initial.snapshot.rigs.map((r) => r.id),
  ); // the merit curve's rigs (up to MAX_WATCHED_RIGS stream)
  const nowMs = useNowMs();
  const { economics, market } = snapshot;
  const notCurrent = sweepNotCurrent(snapshot.fleet.updatedAtMs, nowMs, pollIntervalMs);
  const curve = useMemo(() => liveMeritCurve(snapshot), [snapshot]);
  const fleet = economics.fleet;
  const staleInputs = fleet && fleet.stale.length > 0 ? describeStaleInputs(fleet.stale) : null;

  return (
    <main className="page economics">
      <PageHeader
        title="Economics"
        current="/economics"
        link={link}
        updatedAtMs={snapshot.fleet.updatedAtMs}
        nowMs={nowMs}
        sweepStale={notCurrent}
      />

      <AlertBanner alerts={snapshot.alerts} nowMs={nowMs} />

      <section className={`panel${notCurrent ? ' is-stale' : ''}`} aria-labelledby="merit-title">
        <h2 className="panel-title" id="merit-title">
          Merit order now
        </h2>
        <p className="panel-lede">
          Rigs ranked by the power price at which they stop paying, least efficient first, in {market.currency}. Shaded: rigs whose
          breakeven is below their site&apos;s price now. They lose money at this moment.
        </p>
        {fleet === null && <p className="kpi-hint">Waiting for network data: no economics computed yet.</p>}
        {staleInputs && (
          <p className="kpis-stale-note kpis-stale-note--inputs" data-testid="economics-stale">
            Computed from stale inputs: {staleInputs}
          </p>
        )}
        <MeritOrderChart curve={curve} label="Merit order now" />
      </section>

      <section className="panel" aria-labelledby="whatif-title">
        <h2 className="panel-title" id="whatif-title">
          What if
        </h2>
        <WhatIfPanel rigs={initial.rigs} market={market} liveFleet={fleet} />
      </section>

      <section className="panel" aria-labelledby="sites-title">
        <h2 className="panel-title" id="sites-title">
          Sites <span className="panel-count">{initial.sites.length}</span>
        </h2>
        <SiteEconomicsTable sites={initial.sites} economics={economics.sites} />
      </section>

      <RealizedHistoryPanel sites={initial.sites} />

      <section className="panel" aria-labelledby="pools-title">
        <h2 className="panel-title" id="pools-title">
          Pools against rigs
        </h2>
        <PoolReconciliationTable pools={initial.pools} nowMs={nowMs} />
      </section>
    </main>
  );
}
