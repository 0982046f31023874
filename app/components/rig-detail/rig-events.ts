/**
 * A rig's events timeline as GET /api/rigs/{id}/events answers it: state changes, restarts, and alerts
 * firing and resolving, newest first. The reply is read defensively (an entry that is not an event is
 * left out, not shown half), and each kind gets its icon and label so colour is never the only cue. Pure.
 */

/** What happened; kinds this screen does not know yet are shown as "other". */
export type RigEventKind = 'state' | 'restart' | 'alert-firing' | 'alert-resolved' | 'other';

/** One entry of the timeline. */
export interface RigEvent {
  tsMs: number;
  kind: RigEventKind;
  title: string;
  detail: string;
}

/** Entries the page asks for. */
export const EVENTS_LIMIT = 100;

/** Icon (decorative; the label is what a screen reader hears) and label of each kind. */
export const EVENT_KIND_META: Readonly<Record<RigEventKind, { icon: string; label: string }>> = {
  state: { icon: '⇄', label: 'State change' },
  restart: { icon: '↻', label: 'Restart' },
  'alert-firing': { icon: '▲', label: 'Alert firing' },
  'alert-resolved': { icon: '✓', label: 'Alert resolved' },
  other: { icon: '•', label: 'Event' },
};

const KNOWN_KINDS: ReadonlySet<string> = new Set(['state', 'restart', 'alert-firing', 'alert-resolved']);

/** GET address of a rig's newest events. */
export function eventsUrl(rigId: number, limit = EVENTS_LIMIT): string {
  return `/api/rigs/${rigId}/events?limit=${limit}`;
}

function toEvent(raw: unknown): RigEvent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const e = raw as Record<string, unknown>;
  if (typeof e.tsMs !== 'number' || !Number.isFinite(e.tsMs) || typeof e.title !== 'string' || e.title === '') return null;
  const kind = typeof e.kind === 'string' && KNOWN_KINDS.has(e.kind) ? (e.kind as RigEventKind) : 'other';
  return { tsMs: e.tsMs, kind, title: e.title, detail: typeof e.detail === 'string' ? e.detail : '' };
}

/** The events of a `{ events: [...] }` reply, newest first; [] for anything else. */
export function parseRigEvents(json: unknown): RigEvent[] {
  const list = typeof json === 'object' && json !== null ? (json as { events?: unknown }).events : undefined;
  if (!Array.isArray(list)) return [];
  return list
    .map(toEvent)
    .filter((e): e is RigEvent => e !== null)
    .sort((a, b) => b.tsMs - a.tsMs);
}
