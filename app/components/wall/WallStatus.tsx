/**
 * The wall's connection and staleness indicator: a solid green, amber or red pill with the age of the
 * last sweep in words, big enough to notice from across the room that the screen has stopped updating.
 */
import { formatAge } from '../../../lib/format/units';
import type { LinkState } from '../../../lib/realtime/use-live-fleet';
import type { Freshness } from './wall-model';

/** Props of WallStatus. */
export interface WallStatusProps {
  state: Freshness;
  link: LinkState;
  updatedAtMs: number | null;
  nowMs: number | null;
}

function label(state: Freshness, link: LinkState): string {
  if (state === 'live') return 'Live';
  if (link === 'reconnecting') return 'Disconnected';
  if (link === 'connecting') return 'Connecting';
  return state === 'late' ? 'Delayed' : 'No data';
}

/** "● Live · updated 4 s ago". */
export function WallStatus({ state, link, updatedAtMs, nowMs }: WallStatusProps) {
  const age = updatedAtMs === null ? 'no sweep yet' : nowMs === null ? '' : `updated ${formatAge(nowMs - updatedAtMs)}`;
  return (
    <div className={`wall-status wall-status--${state}`} data-testid="wall-status" data-state={state} role="status">
      <span className="wall-status-dot" aria-hidden="true" />
      <span className="wall-status-label">{label(state, link)}</span>
      {age && (
        <span className="wall-status-age" data-testid="wall-age">
          · {age}
        </span>
      )}
    </div>
  );
}
