'use client';
/** Resolved alerts, newest first: when each fired and resolved, how long, and why it ended. */
import type { AlertView } from '../../../lib/views/alert-contracts';
import { formatDurationMs, SEVERITY_LABEL } from './alert-order';
import { When } from './When';
import { scrollRegion } from '../table/scroll-region';

const REASON_LABEL: Record<string, string> = { cleared: 'Cleared', maintenance: 'Maintenance' };

/** Props of AlertHistoryTable. */
export interface AlertHistoryTableProps {
  alerts: AlertView[];
  nowMs: number | null;
}

/** The history table (the screen adds "Load older" under it). */
export function AlertHistoryTable({ alerts, nowMs }: AlertHistoryTableProps) {
  if (alerts.length === 0) return <p className="empty-note">No resolved alerts yet.</p>;
  return (
    <div className="data-table-wrap" {...scrollRegion('Alert history table')}>
      <table className="data-table alerts-table alerts-table--history" data-testid="alert-history">
        <caption className="visually-hidden">Resolved alerts, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Alert</th>
            <th scope="col">Site</th>
            <th scope="col">Fired</th>
            <th scope="col">Resolved</th>
            <th scope="col" className="cell-num">
              Duration
            </th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr
              key={a.id}
              className={`alert-row sev-row--${a.severity}`}
              data-testid="history-alert-row"
              data-alert-id={a.id}
              data-rule={a.rule}
              data-subject-id={a.subjectId}
            >
              <th scope="row" className="cell-alert">
                <span className="alert-title">
                  <span
                    className={`sev-dot sev-dot--${a.severity}`}
                    title={SEVERITY_LABEL[a.severity]}
                    aria-label={SEVERITY_LABEL[a.severity]}
                    role="img"
                  />{' '}
                  {a.title}
                </span>
                <span className="alert-detail">{a.detail}</span>
              </th>
              <td data-label="Site" className="cell-site">
                {a.siteName ?? 'Fleet'}
              </td>
              <td data-label="Fired" className="no-wrap">
                <When tsMs={a.firingAtMs} nowMs={nowMs} absolute />
              </td>
              <td data-label="Resolved" className="no-wrap">
                <When tsMs={a.resolvedAtMs} nowMs={nowMs} absolute />
              </td>
              <td data-label="Duration" className="cell-num">
                {a.resolvedAtMs === null ? '—' : formatDurationMs(a.resolvedAtMs - a.firingAtMs)}
              </td>
              <td data-label="Reason" className="cell-reason">
                {a.resolveReason ? (REASON_LABEL[a.resolveReason] ?? a.resolveReason) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
