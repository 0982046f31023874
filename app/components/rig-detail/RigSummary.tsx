/**
 * The rig page's title block: name and state first (is it answering, is it mining), then what it is and
 * where (make and model, site, driver, address, location), and how it has been (firmware, uptime, last seen, last
 * error, and the reading's warnings: values the plausibility check stored as unknown). Values of a rig that
 * is not online come from its last reading and say so.
 */
import Link from 'next/link';
import type { RigView } from '../../../lib/views/contracts';
import { makeAndModel } from '../../../lib/format/device-name';
import { rigLocationText } from '../../../lib/domain/rig-location';
import { formatAge, MISSING } from '../../../lib/format/units';
import { formatAbsolute, formatDurationMs } from '../alerts/alert-order';
import { StatusBadge } from '../overview/StatusBadge';

/** Props of RigSummary. */
export interface RigSummaryProps {
  rig: RigView;
  /** The ticking clock; null before mount. */
  nowMs: number | null;
}

/**
 * "3 s ago" with the full moment in the title. Not When: a sweep can land a moment after the ticking
 * clock last read the time, and "in 0 s" would read as a glitch.
 */
function LastSeen({ tsMs, nowMs }: { tsMs: number | null; nowMs: number | null }) {
  if (tsMs === null) return <>never</>;
  return (
    <time dateTime={new Date(tsMs).toISOString()} title={nowMs === null ? undefined : formatAbsolute(tsMs)}>
      {nowMs === null ? MISSING : formatAge(nowMs - tsMs)}
    </time>
  );
}

/** Name, badges and the facts an operator checks before anything else. */
export function RigSummary({ rig, nowMs }: RigSummaryProps) {
  const r = rig.reading;
  const live = rig.connectivity === 'online';
  const model = rig.model ?? r?.model ?? null;
  const device = model === null ? MISSING : makeAndModel(r?.make, model);
  const lastKnown = !live && r ? ' (last known)' : '';
  return (
    <section className={`panel rd-summary rd-summary--${rig.connectivity}`} aria-labelledby="rig-name" data-testid="rig-summary">
      <p className="rd-back">
        <Link href="/rigs" className="rig-link">
          ← All rigs
        </Link>
      </p>
      <div className="rd-title-row">
        {/* The page's h1 is the header's "Rig"; the name heads everything below it. */}
        <h2 className="rd-name" id="rig-name" data-testid="rig-name">
          {rig.name}
        </h2>
        <span className="rd-badges" data-testid="rig-state" data-connectivity={rig.connectivity} data-status={r?.status}>
          <StatusBadge value={rig.connectivity} />
          {r && <StatusBadge value={r.status} lastKnown={!live} />}
        </span>
      </div>
      <p className="rd-device">
        {device} · <span data-testid="rig-site">{rig.siteName}</span>
      </p>
      <dl className="rd-facts">
        <div className="rd-fact">
          <dt>Driver</dt>
          <dd data-testid="rig-driver">{rig.driver}</dd>
        </div>
        <div className="rd-fact">
          <dt>Address</dt>
          <dd className="rd-address">
            {rig.address}:{rig.port}
          </dd>
        </div>
        <div className="rd-fact">
          <dt>Location</dt>
          <dd data-testid="rig-location">{rigLocationText(rig.location) ?? 'not set'}</dd>
        </div>
        <div className="rd-fact rd-fact--wide">
          <dt>Firmware</dt>
          <dd>{r?.firmware || MISSING}</dd>
        </div>
        <div className="rd-fact">
          <dt>Uptime</dt>
          <dd>
            {r?.uptimeS == null ? MISSING : formatDurationMs(r.uptimeS * 1000)}
            {r?.uptimeS != null && lastKnown}
          </dd>
        </div>
        <div className="rd-fact">
          <dt>Last seen</dt>
          <dd data-testid="rig-last-seen">
            <LastSeen tsMs={rig.lastSeenMs} nowMs={nowMs} />
          </dd>
        </div>
        <div className={`rd-fact rd-fact--error${rig.lastError ? '' : ' is-empty'}`}>
          <dt>Last error</dt>
          <dd data-testid="rig-last-error">{rig.lastError ? <span className="rd-error">{rig.lastError}</span> : 'none'}</dd>
        </div>
        {r?.warnings && r.warnings.length > 0 && (
          // Values the plausibility check set to unknown: the reading was kept, these parts of it were not.
          <div className="rd-fact rd-fact--error">
            <dt>Reading warnings{lastKnown}</dt>
            <dd data-testid="rig-warnings">
              <ul className="rd-warnings">
                {r.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
