'use client';
/**
 * The banner live screens show under their header while alerts fire: how many, the three that matter
 * most (most severe, then newest) with their site, and a link to the alerts screen. Snoozed alerts stay
 * out of it until their snooze ends. Coloured by the worst severity; absent when nothing fires.
 */
import Link from 'next/link';
import type { AlertView } from '../../../lib/views/alert-contracts';
import { bannerAlerts, SEVERITY_LABEL, worstSeverity } from './alert-order';
import './alerts.css';

/** How many alerts the banner names; the rest are counted. */
const SHOWN = 3;

/** Props of AlertBanner. */
export interface AlertBannerProps {
  /** Active alerts of the live snapshot. */
  alerts: AlertView[];
  /** The ticking clock; null before mount (then every snoozed alert is treated as snoozed). */
  nowMs: number | null;
}

/** "3 active alerts" with the first three titles, or nothing. */
export function AlertBanner({ alerts, nowMs }: AlertBannerProps) {
  const shown = bannerAlerts(alerts, nowMs);
  const worst = worstSeverity(shown);
  if (worst === null) return null;
  const more = shown.length - SHOWN;
  return (
    <section
      className={`alert-banner alert-banner--${worst}`}
      role="status"
      aria-live="polite"
      aria-label="Active alerts"
      data-testid="alert-banner"
      data-count={shown.length}
      data-severity={worst}
    >
      <p className="alert-banner-head">
        <span className="alert-banner-icon" aria-hidden="true">
          !
        </span>
        <strong className="alert-banner-count">
          {shown.length} active alert{shown.length === 1 ? '' : 's'}
        </strong>
      </p>
      <ul className="alert-banner-list">
        {shown.slice(0, SHOWN).map((a) => (
          <li
            key={a.id}
            className={`alert-banner-item sev--${a.severity}`}
            data-testid="alert-banner-item"
            data-alert-id={a.id}
            data-rule={a.rule}
            data-subject-id={a.subjectId}
          >
            <span className={`sev-tag sev-tag--${a.severity}`}>{SEVERITY_LABEL[a.severity]}</span>{' '}
            <span className="alert-banner-title">{a.title}</span>
            {a.siteName && <span className="alert-banner-site"> · {a.siteName}</span>}
          </li>
        ))}
      </ul>
      <p className="alert-banner-foot">
        {more > 0 && (
          <span className="alert-banner-more" data-testid="alert-banner-more">
            +{more} more
          </span>
        )}
        <Link href="/alerts" className="alert-banner-link" data-testid="alert-banner-link">
          View alerts<span aria-hidden="true"> →</span>
        </Link>
      </p>
    </section>
  );
}
