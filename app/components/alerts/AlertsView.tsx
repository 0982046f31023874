'use client';
/**
 * The alerts screen ("/alerts"): what fires now (live, from the fleet subscription) with acknowledge and
 * snooze, and the resolved history with paging back in time. An alert that resolves while the page is
 * open moves from the first table to the second without a reload.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlertView } from '../../../lib/views/alert-contracts';
import type { FleetSnapshot } from '../../../lib/views/contracts';
import { useLiveFleet } from '../../../lib/realtime/use-live-fleet';
import { PageHeader } from '../nav/PageHeader';
import { DEFAULT_POLL_INTERVAL_MS, sweepNotCurrent } from '../overview/sweep-staleness';
import { useNowMs } from '../overview/use-now-ms';
import { ActiveAlertsTable } from './ActiveAlertsTable';
import { AlertHistoryTable } from './AlertHistoryTable';
import { HISTORY_PAGE, mergeHistory } from './alert-order';
import { callApi } from './api-client';
import { PushControl } from '../pwa/PushControl';
import { useSession } from '../nav/session-context';
import './alerts.css';

/** Props of AlertsView. */
export interface AlertsViewProps {
  initial: FleetSnapshot;
  /** The first page of resolved alerts, newest first. */
  history: AlertView[];
  pollIntervalMs?: number;
}

/** Live active alerts and the resolved history. */
export function AlertsView({ initial, history: initialHistory, pollIntervalMs = DEFAULT_POLL_INTERVAL_MS }: AlertsViewProps) {
  const { snapshot, link } = useLiveFleet(initial);
  const nowMs = useNowMs();
  const notCurrent = sweepNotCurrent(snapshot.fleet.updatedAtMs, nowMs, pollIntervalMs);
  const active = snapshot.alerts;
  // Push subscriptions belong to a person: an API token in a browser has none to turn on.
  const signedIn = useSession()?.via === 'session';

  const [history, setHistory] = useState(initialHistory);
  const [exhausted, setExhausted] = useState(initialHistory.length < HISTORY_PAGE);
  const [loading, setLoading] = useState(false);
  const [historyError, setHistoryError] = useState<string | null>(null);
  // When an active alert disappears it has resolved: fetch the newest history page so it shows there.
  const activeIds = useRef(new Set(initial.alerts.map((a) => a.id)));
  useEffect(() => {
    const now = new Set(active.map((a) => a.id));
    const gone = [...activeIds.current].some((id) => !now.has(id));
    activeIds.current = now;
    if (!gone) return;
    const ctl = new AbortController();
    callApi<{ alerts: AlertView[] }>('GET', `/api/alerts?status=resolved&limit=${HISTORY_PAGE}`, undefined, ctl.signal)
      .then((res) => {
        if (res.ok) setHistory((h) => mergeHistory(h, res.data.alerts));
      })
      .catch(() => undefined);
    return () => ctl.abort();
  }, [active]);

  const loadOlder = useCallback(async () => {
    const oldest = history[history.length - 1];
    if (!oldest) return;
    setLoading(true);
    setHistoryError(null);
    // Keyset paging: everything that sorts after the oldest alert shown (firing time, then id).
    const known = new Set(history.map((a) => a.id));
    const res = await callApi<{ alerts: AlertView[] }>(
      'GET',
      `/api/alerts?status=resolved&limit=${HISTORY_PAGE}&beforeMs=${oldest.firingAtMs}&beforeId=${encodeURIComponent(oldest.id)}`,
    );
    setLoading(false);
    if (!res.ok) {
      setHistoryError(res.error);
      return;
    }
    const fresh = res.data.alerts.filter((a) => !known.has(a.id));
    setHistory((h) => mergeHistory(h, fresh));
    if (res.data.alerts.length < HISTORY_PAGE || fresh.length === 0) setExhausted(true);
  }, [history]);

  return (
    <main className="page alerts-page">
      <PageHeader
        title="Alerts"
        current="/alerts"
        link={link}
        updatedAtMs={snapshot.fleet.updatedAtMs}
        nowMs={nowMs}
        sweepStale={notCurrent}
      />

      <section className="panel" aria-labelledby="active-title">
        <div className="panel-head">
          <h2 className="panel-title" id="active-title">
            Active{' '}
            <span className="panel-count" data-testid="active-count">
              {active.length}
            </span>
          </h2>
        </div>
        <ActiveAlertsTable alerts={active} nowMs={nowMs} />
      </section>

      <section className="panel" aria-labelledby="history-title">
        <h2 className="panel-title" id="history-title">
          History <span className="panel-count">{history.length}</span>
        </h2>
        <AlertHistoryTable alerts={history} nowMs={nowMs} />
        <div className="history-more">
          {!exhausted && history.length > 0 && (
            <button type="button" className="ctl-button" data-testid="load-older" disabled={loading} onClick={() => void loadOlder()}>
              {loading ? 'Loading…' : 'Load older'}
            </button>
          )}
          {exhausted && history.length > 0 && <span className="muted">No older alerts.</span>}
          {historyError && (
            <span className="form-error" role="alert">
              Could not load older alerts: {historyError}
            </span>
          )}
        </div>
      </section>
      {signedIn && (
        <section className="panel" aria-labelledby="device-push-title">
          <h2 className="panel-title" id="device-push-title">
            Notifications on this device
          </h2>
          <p className="push-lede">
            Alerts as phone notifications, without another app: turn them on here on each phone or computer. An admin sends them with a Web
            Push channel (Settings → Alerts).
          </p>
          <PushControl />
        </section>
      )}
    </main>
  );
}
