/**
 * What happened to a rig between two polls, for its events timeline: connectivity changes (online, stale,
 * offline), status changes while answering (mining, throttled, sleeping, error) and restarts (uptime went
 * down). Pure: the sweep writer calls it with the stored state before and after each poll.
 */

export type RigEventKind = 'state' | 'restart';

export interface RigEvent {
  kind: RigEventKind;
  title: string;
  detail: string;
}

/** A rig's state as rig_status holds it. */
export interface RigStateSnapshot {
  connectivity: string;
  status: string | null;
  /** Uptime of the last successful reading, seconds. */
  uptimeS: number | null;
  lastError: string | null;
}

/** "3 d 4 h", "2 h 5 min", "40 s". */
export function formatUptime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min`;
  return `${s} s`;
}

/**
 * Events between `prev` (null: never polled) and `next`. A poll that answers with a smaller uptime than
 * the last answer is a restart, also when the rig was offline in between (the usual power-cycle).
 */
export function detectRigEvents(prev: RigStateSnapshot | null, next: RigStateSnapshot): RigEvent[] {
  if (!prev)
    return [
      {
        kind: 'state',
        title: `first seen: ${next.connectivity}`,
        detail: next.connectivity === 'online' ? `status ${next.status ?? 'unknown'}` : (next.lastError ?? ''),
      },
    ];
  const events: RigEvent[] = [];
  if (prev.connectivity !== next.connectivity) {
    const detail = next.connectivity === 'online' ? `status ${next.status ?? 'unknown'}` : (next.lastError ?? '');
    events.push({ kind: 'state', title: `${prev.connectivity} → ${next.connectivity}`, detail });
  } else if (next.connectivity === 'online' && prev.status !== null && next.status !== null && prev.status !== next.status) {
    events.push({ kind: 'state', title: `${prev.status} → ${next.status}`, detail: '' });
  }
  if (next.connectivity === 'online' && prev.uptimeS !== null && next.uptimeS !== null && next.uptimeS < prev.uptimeS) {
    events.push({
      kind: 'restart',
      title: 'restarted',
      detail: `uptime ${formatUptime(next.uptimeS)} (was ${formatUptime(prev.uptimeS)})`,
    });
  }
  return events;
}
