/**
 * Header indicator of how fresh the screen is: the socket link state and the age of the last sweep.
 * The age is what proves the screen is not frozen, so it turns red once sweeps stop arriving.
 */
import type { LinkState } from '../../../lib/realtime/use-live-fleet';
import { formatAge } from '../../../lib/format/units';

const LINK_LABELS: Record<LinkState, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
};

/** Props of LinkIndicator. */
export interface LinkIndicatorProps {
  link: LinkState;
  /** End of the last committed sweep; null before the first one. */
  updatedAtMs: number | null;
  /** The ticking clock; null until the browser has mounted (the server cannot know the viewer's now). */
  nowMs: number | null;
  /** True when the last sweep is older than the staleness threshold (or there is none). */
  sweepStale: boolean;
}

/** "● Live · updated 12 s ago", amber while (re)connecting, red when the last sweep is too old. */
export function LinkIndicator({ link, updatedAtMs, nowMs, sweepStale }: LinkIndicatorProps) {
  const age = updatedAtMs === null ? 'No sweep yet' : nowMs === null ? 'Updated —' : `Updated ${formatAge(nowMs - updatedAtMs)}`;
  return (
    <div className="link">
      <span className={`link-state link-state--${link}`} data-testid="link-state" data-state={link}>
        <span className="link-dot" aria-hidden="true" />
        {LINK_LABELS[link]}
      </span>
      <span
        className={`sweep-age${updatedAtMs === null ? ' is-waiting' : sweepStale ? ' is-stale' : ''}`}
        data-testid="sweep-age"
        data-stale={sweepStale ? 'true' : 'false'}
        title={sweepStale ? 'No new data from the collector: numbers below are the last known' : undefined}
      >
        {age}
      </span>
    </div>
  );
}
