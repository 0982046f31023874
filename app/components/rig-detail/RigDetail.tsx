'use client';
/**
 * One rig's screen ("/rigs/[id]"): header with nav and link state, the alert banner, the title block,
 * live "now" tiles, history charts over a chosen range, hardware (boards, fans, pools) and the events
 * timeline. Live figures come from the same fleet subscription as the overview; history and events from
 * their API routes, refreshed every minute.
 */
import Link from 'next/link';
import type { HistoryRange } from '../../../lib/history/ranges';
import type { FleetSnapshot } from '../../../lib/views/contracts';
import { useLiveFleet } from '../../../lib/realtime/use-live-fleet';
import { hashesSha256 } from '../../../lib/domain/reading';
import { AlertBanner } from '../alerts/AlertBanner';
import { PageHeader } from '../nav/PageHeader';
import { DEFAULT_POLL_INTERVAL_MS, sweepNotCurrent } from '../overview/sweep-staleness';
import { useNowMs } from '../overview/use-now-ms';
import type { RigHistoryReply } from './history-series';
import { RigEvents } from './RigEvents';
import { RigHardware } from './RigHardware';
import { RigHistoryPanel } from './RigHistoryPanel';
import { RigNow } from './RigNow';
import { RigSummary } from './RigSummary';
import './rig-detail.css';
import type { RealizedReport } from '../../../lib/db/queries/realized-report';
import { RigRealizedPanel } from '../reports/RigRealizedPanel';

/** Props of RigDetail. */
export interface RigDetailProps {
  /** Server-rendered fleet snapshot the live subscription starts from. */
  initial: FleetSnapshot;
  rigId: number;
  /** The range the URL asked for, and the server's history for it. */
  initialRange: HistoryRange;
  initialHistory: RigHistoryReply;
  /** The rig's site currency (profit per kWh is stored in it). */
  currency: string;
  /** The collector's poll interval, if the page knows it; 30 s otherwise. */
  pollIntervalMs?: number;
  /** The rig's realized money per day, read by the server (null when it could not be read). */
  realized?: RealizedReport | null;
}

/** The rig's live figures, history and events; a rig removed while the page is open says so. */
export function RigDetail({
  initial,
  rigId,
  initialRange,
  initialHistory,
  currency,
  pollIntervalMs = DEFAULT_POLL_INTERVAL_MS,
  realized = null,
}: RigDetailProps) {
  const { snapshot, link } = useLiveFleet(initial, [rigId]);
  const nowMs = useNowMs();
  const updatedAtMs = snapshot.fleet.updatedAtMs;
  const notCurrent = sweepNotCurrent(updatedAtMs, nowMs, pollIntervalMs);
  const rig = snapshot.rigs.find((r) => r.id === rigId) ?? null;
  const reading = rig?.reading ?? null;
  const otherAlgorithm = reading && !hashesSha256(reading) ? (reading.algorithm ?? 'algorithm unknown') : null;

  return (
    <main className="page rig-detail" data-rig-id={rigId}>
      <PageHeader title="Rig" current="/rigs" link={link} updatedAtMs={updatedAtMs} nowMs={nowMs} sweepStale={notCurrent} />

      <AlertBanner alerts={snapshot.alerts} nowMs={nowMs} />

      {rig ? (
        <>
          <RigSummary rig={rig} nowMs={nowMs} />
          <RigNow rig={rig} economics={snapshot.economics.rigs[rigId]} sweepStale={notCurrent} />
          <RigHistoryPanel
            rigId={rigId}
            initialRange={initialRange}
            initialHistory={initialHistory}
            pollIntervalMs={pollIntervalMs}
            otherAlgorithm={otherAlgorithm}
            currency={snapshot.economics.rigs[rigId]?.currency ?? currency}
          />
          {realized && <RigRealizedPanel rigId={rigId} report={realized} />}
          <div className="rd-lower">
            <RigHardware reading={reading} lastKnown={rig.connectivity !== 'online' && reading !== null} />
            <RigEvents rigId={rigId} nowMs={nowMs} />
          </div>
        </>
      ) : (
        <section className="panel" data-testid="rig-removed">
          <h2 className="panel-title">Rig removed</h2>
          <p className="empty-note">
            This rig is no longer in the fleet. <Link href="/rigs">All rigs</Link>
          </p>
        </section>
      )}
    </main>
  );
}
