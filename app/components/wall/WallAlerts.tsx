/** The wall's active alerts (snoozed ones left out), most severe first, at most five, in severity colours. */
import type { AlertView } from '../../../lib/views/alert-contracts';
import { SEVERITY_LABEL } from '../alerts/alert-order';
import '../alerts/alerts.css';

/** Props of WallAlerts. */
export interface WallAlertsProps {
  alerts: AlertView[];
  /** Active alerts not shown. */
  more: number;
  showSite: boolean;
}

/** "Active alerts 3" and one line per alert, or "None". */
export function WallAlerts({ alerts, more, showSite }: WallAlertsProps) {
  return (
    <section
      className="wall-panel wall-alerts"
      aria-labelledby="wall-alerts-title"
      data-testid="wall-alerts"
      data-count={alerts.length + more}
    >
      <h2 className="wall-panel-title" id="wall-alerts-title">
        Active alerts <span className="wall-panel-count">{alerts.length + more}</span>
      </h2>
      {alerts.length === 0 ? (
        <p className="wall-empty wall-empty--ok">None</p>
      ) : (
        <ul className="wall-list">
          {alerts.map((a) => (
            <li key={a.id} className={`wall-alert wall-alert--${a.severity}`} data-testid="wall-alert" data-severity={a.severity}>
              <span className={`sev-tag sev-tag--${a.severity}`}>{SEVERITY_LABEL[a.severity]}</span>
              <span className="wall-alert-title">
                {a.title}
                {showSite && a.siteName && <span className="wall-worst-site"> · {a.siteName}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {more > 0 && <p className="wall-more">+{more} more</p>}
    </section>
  );
}
