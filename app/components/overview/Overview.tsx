'use client';
/**
 * The fleet overview screen ("/"): header with link state, KPI tiles, last-hour chart and the rig table,
 * all fed by one live snapshot. Rendered on the server from the snapshot, then kept live in the browser.
 */
import { useEffect, useState } from 'react';
import type { FleetSnapshot } from '../../../lib/realtime/contracts';
import { useLiveFleet } from '../../../lib/realtime/use-live-fleet';
import { FleetChart } from './FleetChart';
import { FleetKpis } from './FleetKpis';
import { LinkIndicator } from './LinkIndicator';
import { RigTable } from './RigTable';

/** Used when the caller does not know the collector's poll interval. */
const DEFAULT_POLL_INTERVAL_MS = 30_000;
/** Missed sweeps before the screen declares itself stale. */
const STALE_AFTER_POLLS = 3;

/**
 * Wall-clock time, re-read every `periodMs`. Null on the server and the first browser render so both
 * render the same markup (the server cannot know when the viewer looks); it ticks from mount on.
 */
function useNowMs(periodMs = 1000): number | null {
  const [nowMs, setNowMs] = useState<number | null>(null);
  useEffect(() => {
    setNowMs(Date.now());
    const timer = setInterval(() => setNowMs(Date.now()), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
  return nowMs;
}

/** Props of Overview. */
export interface OverviewProps {
  /** Server-rendered snapshot the live subscription starts from. */
  initial: FleetSnapshot;
  /** The collector's poll interval, if the page knows it; 30 s otherwise. */
  pollIntervalMs?: number;
}

/** Live fleet overview: KPIs, chart and rigs, with staleness made visible everywhere. */
export function Overview({ initial, pollIntervalMs = DEFAULT_POLL_INTERVAL_MS }: OverviewProps) {
  const { snapshot, link } = useLiveFleet(initial);
  const nowMs = useNowMs();
  const { fleet, rigs, history } = snapshot;
  const updatedAtMs = fleet.updatedAtMs;
  // A frozen screen that looks healthy is the worst failure: past the threshold everything live-looking dims.
  const sweepTooOld =
    updatedAtMs !== null && nowMs !== null && nowMs - updatedAtMs > STALE_AFTER_POLLS * pollIntervalMs;
  const notCurrent = updatedAtMs === null || sweepTooOld;

  return (
    <main className="overview">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">Hashwatt</span>
          <h1 className="brand-page">Fleet overview</h1>
        </div>
        <LinkIndicator link={link} updatedAtMs={updatedAtMs} nowMs={nowMs} sweepStale={notCurrent} />
      </header>

      <FleetKpis fleet={fleet} stale={notCurrent} />

      <section className="panel" aria-labelledby="chart-title">
        <h2 className="panel-title" id="chart-title">
          Hash rate and power
        </h2>
        <FleetChart history={history} stale={notCurrent} />
      </section>

      <section className="panel" aria-labelledby="rigs-title">
        <h2 className="panel-title" id="rigs-title">
          Rigs <span className="panel-count">{rigs.length}</span>
        </h2>
        <RigTable rigs={rigs} nowMs={nowMs} />
      </section>
    </main>
  );
}
