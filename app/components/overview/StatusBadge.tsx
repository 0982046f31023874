/**
 * A coloured badge for a rig's connectivity (online/stale/offline) or miner status
 * (mining/sleeping/throttled/error). The label is always written out so colour is never the only cue.
 */
import type { Connectivity, MinerStatus } from '../../../lib/domain/reading';

/** Anything a badge can show; the two vocabularies do not overlap, so one prop covers both. */
export type BadgeValue = Connectivity | MinerStatus;

const LABELS: Record<BadgeValue, string> = {
  online: 'Online',
  stale: 'Stale',
  offline: 'Offline',
  mining: 'Mining',
  sleeping: 'Sleeping',
  throttled: 'Throttled',
  error: 'Error',
};

const TITLES: Partial<Record<BadgeValue, string>> = {
  stale: 'Missed recent polls: values shown are the last known',
  offline: 'Not answering: values shown are the last known',
};

/** Props of StatusBadge. */
export interface StatusBadgeProps {
  value: BadgeValue;
  /** The value comes from the last reading of a rig that is no longer heard from: drawn muted. */
  lastKnown?: boolean;
}

/** One state as a pill; stale and offline are drawn solid so they stand out from across a room. */
export function StatusBadge({ value, lastKnown = false }: StatusBadgeProps) {
  const title = lastKnown ? `${LABELS[value]} (last known)` : TITLES[value];
  return (
    <span className={`badge badge--${value}${lastKnown ? ' badge--last-known' : ''}`} title={title}>
      {LABELS[value]}
    </span>
  );
}
