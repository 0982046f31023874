/** A rig's events timeline: its state changes and restarts, and the alerts about it, newest first. */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../client';
import { alerts, rigEvents } from '../schema';

export interface TimelineEvent {
  tsMs: number;
  kind: 'state' | 'restart' | 'alert-firing' | 'alert-resolved';
  title: string;
  detail: string;
}

export function rigTimeline(db: Db, rigId: number, limit: number): TimelineEvent[] {
  const own = db.orm
    .select()
    .from(rigEvents)
    .where(eq(rigEvents.rigId, rigId))
    .orderBy(desc(rigEvents.tsMs), desc(rigEvents.id))
    .limit(limit)
    .all()
    .map((e) => ({ tsMs: e.tsMs, kind: e.kind as TimelineEvent['kind'], title: e.title, detail: e.detail }));
  const about = and(eq(alerts.scope, 'rig'), eq(alerts.subjectId, rigId));
  const fired = db.orm.select().from(alerts).where(about).orderBy(desc(alerts.firingAtMs)).limit(limit).all();
  const resolved = db.orm
    .select()
    .from(alerts)
    .where(and(about, isNotNull(alerts.resolvedAtMs)))
    .orderBy(desc(alerts.resolvedAtMs))
    .limit(limit)
    .all();
  const alertEvents: TimelineEvent[] = [
    ...fired.map((a) => ({ tsMs: a.firingAtMs, kind: 'alert-firing' as const, title: a.title, detail: a.detail })),
    ...resolved.map((a) => ({
      tsMs: a.resolvedAtMs!,
      kind: 'alert-resolved' as const,
      title: `resolved: ${a.title}`,
      detail: a.resolveReason === 'maintenance' ? 'rig put in maintenance' : 'cleared',
    })),
  ];
  return [...own, ...alertEvents].sort((a, b) => b.tsMs - a.tsMs).slice(0, limit);
}
