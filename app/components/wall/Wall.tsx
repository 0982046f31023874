'use client';
/**
 * The wall display ("/wall"): a kiosk screen for a control-room TV. Top bar with the view's name, one big
 * clock with its zone named and the freshness indicator; the view's figures; the heat map of the view's rigs
 * with their counts by state; the rigs needing attention, badged; active alerts; and a rotation
 * Fleet -> each site -> Fleet. State is only the live snapshot (bounded by the merge), the clock and the
 * rotation index, so it can run for weeks.
 */
import { useEffect, useState } from 'react';
import type { FleetSnapshot } from '../../../lib/views/contracts';
import { useLiveFleet } from '../../../lib/realtime/use-live-fleet';
import { formatClockTime } from '../../../lib/format/units';
import { useNowMs } from '../overview/use-now-ms';
import { WallAlerts } from './WallAlerts';
import { WallFiguresPanel } from './WallFiguresPanel';
import { WallHeatMap } from './WallHeatMap';
import { WallRotation } from './WallRotation';
import { WallStatus } from './WallStatus';
import { WallWorstRigs } from './WallWorstRigs';
import { freshness, nextViewIndex, rotationOrder, viewKey, wallFigures, type WallSite } from './wall-model';
import './wall.css';

/** Props of Wall. */
export interface WallProps {
  initial: FleetSnapshot;
  sites: WallSite[];
  /** Shows only this site, without rotating. */
  pinnedSiteId: number | null;
  /** Seconds per view; 0 stops the rotation. */
  rotateS: number;
  pollIntervalMs: number;
}

/** Advances the rotation every `rotateS` seconds; one interval, cleared on change and unmount. */
function useRotationIndex(length: number, rotateS: number): number {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (rotateS <= 0 || length <= 1) return;
    const timer = setInterval(() => setIndex((i) => nextViewIndex(i, length)), rotateS * 1000);
    return () => clearInterval(timer);
  }, [length, rotateS]);
  return length === 0 ? 0 : index % length;
}

/** The zone a clock is in: the site's, or once in the browser, the browser's own. */
function zoneOf(timeZone: string | undefined, nowMs: number | null): string | undefined {
  if (timeZone) return timeZone;
  return nowMs === null ? undefined : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The whole wall screen. */
export function Wall({ initial, sites, pinnedSiteId, rotateS, pollIntervalMs }: WallProps) {
  // The wall shows cells, sites and counts: it watches no rig's full view.
  const { snapshot, link } = useLiveFleet(initial);
  const nowMs = useNowMs();
  const order = rotationOrder(sites, snapshot.sites, pinnedSiteId);
  const index = useRotationIndex(order.length, pinnedSiteId === null ? rotateS : 0);
  const view = order[index];
  const figures = wallFigures(snapshot, view, nowMs);
  const updatedAtMs = snapshot.fleet.updatedAtMs;
  const state = freshness(link, updatedAtMs, nowMs, pollIntervalMs);
  const inSite = view.kind === 'site';
  const zone = zoneOf(figures.timeZone, nowMs);

  return (
    <main className={`wall wall--${state}`} data-testid="wall" data-view={viewKey(view)} data-cursor={snapshot.cursor}>
      <header className="wall-top">
        <div className="wall-brand">
          <span className="wall-brand-name">Hashwatt</span>
          <h1 className="wall-view" data-testid="wall-view">
            {figures.title}
          </h1>
        </div>
        <div className="wall-clock" data-testid="wall-clock" data-zone={zone}>
          {formatClockTime(nowMs, figures.timeZone)}
          {zone && <span className="wall-clock-zone">{zone.replace(/_/g, ' ')}</span>}
        </div>
        <WallStatus state={state} link={link} updatedAtMs={updatedAtMs} nowMs={nowMs} />
      </header>
      <WallFiguresPanel figures={figures} stale={state !== 'live'} />
      <div className="wall-bottom">
        <WallHeatMap title={figures.title} cells={figures.cells} counts={figures.counts} losing={figures.losing} />
        <div className="wall-side">
          <WallWorstRigs
            worst={figures.worst}
            total={figures.problems}
            siteNames={inSite ? null : new Map(snapshot.sites.map((s) => [s.id, s.name]))}
            loading={figures.cells === null}
          />
          <WallAlerts alerts={figures.alerts} more={figures.moreAlerts} showSite={!inSite} />
        </div>
      </div>
      <WallRotation order={order} index={index} rotateS={pinnedSiteId === null ? rotateS : 0} />
    </main>
  );
}
