'use client';
/**
 * Active alerts with their acknowledge and snooze controls, for those whose role may use them (viewers
 * and kiosks get the table without the Actions column). A button posts a request the collector acts on;
 * the row says "requested…" until the collector has handled it, then the live snapshot shows the
 * acknowledgement or snooze (or the row shows why it failed).
 */
import { useEffect, useRef, useState } from 'react';
import type { AlertView } from '../../../lib/views/alert-contracts';
import { compareAlerts, isSnoozed, SEVERITY_LABEL, SNOOZE_HOURS } from './alert-order';
import { requestAndWait } from './api-client';
import { When } from './When';
import { scrollRegion } from '../table/scroll-region';
import { useCan } from '../nav/session-context';

const HOUR_MS = 3_600_000;

/** One in-flight or failed request of a row. */
interface RowRequest {
  action: 'ack' | 'snooze';
  status: 'pending' | 'failed';
  error?: string;
}

/** Props of ActiveAlertsTable. */
export interface ActiveAlertsTableProps {
  alerts: AlertView[];
  nowMs: number | null;
  /** Who acknowledges (sent as `by`); empty: the API's default. */
}

/** The active alerts, most severe and newest first. */
export function ActiveAlertsTable({ alerts, nowMs }: ActiveAlertsTableProps) {
  const mayAct = useCan('acknowledge');
  const [requests, setRequests] = useState<Record<string, RowRequest>>({});
  const aborts = useRef(new Set<AbortController>());
  useEffect(() => {
    const set = aborts.current;
    return () => set.forEach((c) => c.abort());
  }, []);

  const sorted = [...alerts].sort(compareAlerts);
  if (sorted.length === 0)
    return (
      <p className="empty-note" data-testid="no-active-alerts">
        Nothing is firing.
      </p>
    );

  const send = async (alertId: string, action: RowRequest['action'], url: string, body: unknown) => {
    const ctl = new AbortController();
    aborts.current.add(ctl);
    setRequests((r) => ({ ...r, [alertId]: { action, status: 'pending' } }));
    try {
      const outcome = await requestAndWait(url, body, ctl.signal);
      setRequests((r) => {
        const next = { ...r };
        if (outcome.status === 'done') delete next[alertId];
        else next[alertId] = { action, status: 'failed', error: outcome.error };
        return next;
      });
    } catch {
      // Aborted: the page is going away.
    } finally {
      aborts.current.delete(ctl);
    }
  };

  return (
    <div className="data-table-wrap" {...scrollRegion('Active alerts table')}>
      <table className="data-table alerts-table" data-testid="active-alerts">
        <caption className="visually-hidden">Active alerts, most severe first</caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Alert</th>
            <th scope="col">Site</th>
            <th scope="col">Firing since</th>
            <th scope="col">Acknowledged</th>
            <th scope="col">Snoozed until</th>
            {mayAct && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {sorted.map((a) => (
            <ActiveRow
              key={a.id}
              alert={a}
              nowMs={nowMs}
              request={requests[a.id]}
              mayAct={mayAct}
              onAck={() => void send(a.id, 'ack', `/api/alerts/${encodeURIComponent(a.id)}/ack`, {})}
              onSnooze={(untilMs) => void send(a.id, 'snooze', `/api/alerts/${encodeURIComponent(a.id)}/snooze`, { untilMs })}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface ActiveRowProps {
  alert: AlertView;
  nowMs: number | null;
  request: RowRequest | undefined;
  /** Whether the role may acknowledge and snooze (else the row has no Actions cell). */
  mayAct: boolean;
  onAck: () => void;
  /** Null: end the snooze. */
  onSnooze: (untilMs: number | null) => void;
}

function ActiveRow({ alert: a, nowMs, request, mayAct, onAck, onSnooze }: ActiveRowProps) {
  const snoozed = isSnoozed(a, nowMs);
  const [choice, setChoice] = useState<string>(String(SNOOZE_HOURS[0]));
  const pending = request?.status === 'pending';
  const acked = a.ackedAtMs !== null;
  const unsnooze = choice === 'off';
  // A snooze that ended leaves nothing to undo.
  const selected = unsnooze && !snoozed ? String(SNOOZE_HOURS[0]) : choice;

  return (
    <tr
      className={`alert-row sev-row--${a.severity}${snoozed ? ' is-snoozed' : ''}${acked ? ' is-acked' : ''}`}
      data-testid="active-alert-row"
      data-alert-id={a.id}
      data-rule={a.rule}
      data-subject-id={a.subjectId}
      data-acked={acked ? 'true' : 'false'}
      data-snoozed={snoozed ? 'true' : 'false'}
    >
      <td className="cell-sev" data-label="Severity">
        <span className={`sev-tag sev-tag--${a.severity}`}>{SEVERITY_LABEL[a.severity]}</span>
      </td>
      <th scope="row" className="cell-alert">
        <span className="alert-title">{a.title}</span>
        <span className="alert-detail">{a.detail}</span>
      </th>
      <td data-label="Site" className="cell-site">
        {a.siteName ?? 'Fleet'}
      </td>
      <td data-label="Firing since" className="no-wrap">
        <When tsMs={a.firingAtMs} nowMs={nowMs} />
      </td>
      <td data-label="Acknowledged" data-testid="alert-acked">
        {acked ? (
          <>
            <span className="ack-mark">✓</span> {a.ackedBy ? <span className="ack-by">{a.ackedBy}</span> : null}{' '}
            <span className="cell-sub">
              <When tsMs={a.ackedAtMs} nowMs={nowMs} />
            </span>
          </>
        ) : (
          <span className="muted">No</span>
        )}
      </td>
      <td data-label="Snoozed until" data-testid="alert-snoozed">
        {snoozed && a.snoozedUntilMs !== null ? <When tsMs={a.snoozedUntilMs} nowMs={nowMs} absolute /> : <span className="muted">—</span>}
      </td>
      {mayAct && (
        <td className="cell-actions" data-label="Actions">
          <div className="alert-actions">
            <button type="button" className="ctl-button" data-testid="ack-button" disabled={acked || pending} onClick={onAck}>
              {acked ? 'Acknowledged' : 'Acknowledge'}
            </button>
            <span className="snooze-group">
              <label className="visually-hidden" htmlFor={`snooze-${a.id}`}>
                Snooze {a.title} for
              </label>
              <select
                id={`snooze-${a.id}`}
                className="ctl-select"
                data-testid="snooze-select"
                value={selected}
                disabled={pending}
                onChange={(e) => setChoice(e.target.value)}
              >
                {SNOOZE_HOURS.map((h) => (
                  <option key={h} value={String(h)}>
                    {h} h
                  </option>
                ))}
                {snoozed && <option value="off">unsnooze</option>}
              </select>
              <button
                type="button"
                className="ctl-button"
                data-testid="snooze-button"
                disabled={pending || nowMs === null}
                onClick={() => onSnooze(selected === 'off' ? null : (nowMs ?? Date.now()) + Number(selected) * HOUR_MS)}
              >
                {selected === 'off' ? 'Unsnooze' : 'Snooze'}
              </button>
            </span>
          </div>
          {request && (
            <p
              className={`request-state is-${request.status}`}
              data-testid="alert-request"
              data-status={request.status}
              role={request.status === 'failed' ? 'alert' : undefined}
            >
              {request.status === 'pending'
                ? `${request.action === 'ack' ? 'Acknowledge' : 'Snooze'} requested…`
                : `${request.action === 'ack' ? 'Acknowledge' : 'Snooze'} failed: ${request.error}`}
            </p>
          )}
        </td>
      )}
    </tr>
  );
}
