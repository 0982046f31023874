import type { Connectivity } from './reading';

/** Thresholds in consecutive missed polls (HASHWATT_STALE_AFTER_POLLS, HASHWATT_OFFLINE_AFTER_POLLS). */
export interface ConnectivityPolicy {
  staleAfterPolls: number;
  offlineAfterPolls: number;
}

/**
 * A rig's connectivity after a poll: online while it answers, stale after `staleAfterPolls` missed polls
 * in a row, offline after `offlineAfterPolls`. A rig never seen answering is offline.
 */
export function connectivityAfter(consecutiveFailures: number, everSeen: boolean, policy: ConnectivityPolicy): Connectivity {
  if (!everSeen) return 'offline';
  if (consecutiveFailures >= policy.offlineAfterPolls) return 'offline';
  if (consecutiveFailures >= policy.staleAfterPolls) return 'stale';
  return 'online';
}
