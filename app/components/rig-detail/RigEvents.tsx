'use client';
/**
 * The rig's events timeline: state changes, restarts, alerts firing and resolving, newest first, from
 * GET /api/rigs/{id}/events, refreshed every minute. A server without that route answers 404, which reads
 * as "no events yet" rather than as an error.
 */
import { When } from '../alerts/When';
import { EVENT_KIND_META, eventsUrl, parseRigEvents, type RigEvent } from './rig-events';
import { usePolledJson } from './use-polled-json';

/** How often the timeline is fetched again. */
const REFRESH_MS = 60_000;

/** Props of RigEvents. */
export interface RigEventsProps {
  rigId: number;
  /** The ticking clock; null before mount. */
  nowMs: number | null;
}

function EventItem({ event, nowMs }: { event: RigEvent; nowMs: number | null }) {
  const meta = EVENT_KIND_META[event.kind];
  return (
    <li className={`rd-event rd-event--${event.kind}`} data-testid="rig-event" data-kind={event.kind}>
      <span className="rd-event-icon" aria-hidden="true" title={meta.label}>
        {meta.icon}
      </span>
      <div className="rd-event-body">
        <p className="rd-event-head">
          <span className="visually-hidden">{meta.label}: </span>
          <span className="rd-event-title">{event.title}</span>
          <span className="rd-event-time">
            <When tsMs={event.tsMs} nowMs={nowMs} absolute />
          </span>
        </p>
        {event.detail && <p className="rd-event-detail">{event.detail}</p>}
      </div>
    </li>
  );
}

/** The newest events of one rig as a vertical timeline. */
export function RigEvents({ rigId, nowMs }: RigEventsProps) {
  const { data, status, error } = usePolledJson(eventsUrl(rigId), parseRigEvents, REFRESH_MS);
  const events = data ?? [];
  return (
    <section className="panel rd-events" aria-labelledby="events-title" data-testid="rig-events" data-status={status}>
      <div className="panel-head">
        <h2 className="panel-title" id="events-title">
          Events {events.length > 0 && <span className="panel-count">{events.length}</span>}
        </h2>
      </div>
      {events.length > 0 ? (
        <ol className="rd-timeline">
          {events.map((e, i) => (
            <EventItem key={`${e.tsMs}-${i}`} event={e} nowMs={nowMs} />
          ))}
        </ol>
      ) : (
        <p className="empty-note" data-testid="rig-events-empty">
          {status === 'loading'
            ? 'Loading events…'
            : 'No events recorded for this rig yet: state changes, restarts and alerts appear here.'}
        </p>
      )}
      {status === 'error' && <p className="warn-text">Could not refresh the events ({error}).</p>}
    </section>
  );
}
