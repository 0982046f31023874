/**
 * The delivery queue as the collector's worker sees it: due rows, outcomes of a send, re-notifications,
 * acknowledge and snooze, pruning. Every write that changes what the alerts page shows logs an 'alerts'
 * change.
 */
import { and, eq, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { QueuedDelivery } from '../../notify/plan';
import type { Db } from '../client';
import { alertDeliveries, alertRequests, alerts, type AlertRow } from '../schema';
import { logChange } from './change-log';
import { enqueueDeliveries, groupKeyOf } from './write-alerts';
import { writeTransaction } from '../transactions';

export interface DueDelivery extends QueuedDelivery {
  alertId: string;
  state: 'firing' | 'resolved';
  reason: string;
}

/** Pending deliveries whose next attempt is due, oldest first. */
export function dueDeliveries(db: Db, nowMs: number, limit = 5000): DueDelivery[] {
  return db.orm
    .select({
      id: alertDeliveries.id,
      channelId: alertDeliveries.channelId,
      groupKey: alertDeliveries.groupKey,
      createdAtMs: alertDeliveries.createdAtMs,
      attempts: alertDeliveries.attempts,
      alertId: alertDeliveries.alertId,
      state: alertDeliveries.state,
      reason: alertDeliveries.reason,
    })
    .from(alertDeliveries)
    .where(and(eq(alertDeliveries.status, 'pending'), lte(alertDeliveries.nextAttemptMs, nowMs)))
    .orderBy(alertDeliveries.id)
    .limit(limit)
    .all() as DueDelivery[];
}

/** When each (channel, group) was last notified. */
export function lastSentByGroup(db: Db): Map<string, number> {
  const rows = db.orm
    .select({
      channelId: alertDeliveries.channelId,
      groupKey: alertDeliveries.groupKey,
      atMs: sql<number>`max(${alertDeliveries.deliveredAtMs})`,
    })
    .from(alertDeliveries)
    .where(eq(alertDeliveries.status, 'delivered'))
    .groupBy(alertDeliveries.channelId, alertDeliveries.groupKey)
    .all();
  return new Map(rows.map((r) => [`${r.channelId}\u0000${r.groupKey}`, r.atMs]));
}

export function alertRowsByIds(db: Db, ids: readonly string[]): Map<string, AlertRow> {
  if (ids.length === 0) return new Map();
  return new Map(
    db.orm
      .select()
      .from(alerts)
      .where(inArray(alerts.id, [...ids]))
      .all()
      .map((r) => [r.id, r]),
  );
}

export function markDelivered(db: Db, ids: readonly number[], nowMs: number): void {
  db.orm
    .update(alertDeliveries)
    .set({ status: 'delivered', deliveredAtMs: nowMs, attempts: sql`${alertDeliveries.attempts} + 1`, lastError: null })
    .where(inArray(alertDeliveries.id, [...ids]))
    .run();
}

/** A failed attempt: retried at `nextAttemptMs`, or given up (`nextAttemptMs` null) when the receiver refused for good. */
export function markAttemptFailed(db: Db, ids: readonly number[], error: string, nextAttemptMs: number | null): void {
  db.orm
    .update(alertDeliveries)
    .set({
      attempts: sql`${alertDeliveries.attempts} + 1`,
      lastError: error,
      ...(nextAttemptMs === null ? { status: 'failed' } : { nextAttemptMs }),
    })
    .where(inArray(alertDeliveries.id, [...ids]))
    .run();
}

/** Holds deliveries back until `untilMs` without counting an attempt (quiet hours). */
export function deferDeliveries(db: Db, ids: readonly number[], untilMs: number): void {
  db.orm
    .update(alertDeliveries)
    .set({ nextAttemptMs: untilMs })
    .where(inArray(alertDeliveries.id, [...ids]))
    .run();
}

/**
 * Queues a 'renotify' of every firing alert that nobody acknowledged, is not snoozed, and was last
 * notified `renotifyMs` ago or more. Returns how many alerts were queued.
 */
export function queueRenotifications(db: Db, channelIds: readonly number[], renotifyMs: number, nowMs: number): number {
  if (renotifyMs <= 0 || channelIds.length === 0) return 0;
  return writeTransaction(db, () => {
    const due = db.orm
      .select()
      .from(alerts)
      .where(
        and(
          isNull(alerts.resolvedAtMs),
          isNull(alerts.ackedAtMs),
          or(isNull(alerts.snoozedUntilMs), lte(alerts.snoozedUntilMs, nowMs)),
          lte(alerts.notifiedAtMs, nowMs - renotifyMs),
        ),
      )
      .all();
    for (const a of due) {
      enqueueDeliveries(db, channelIds, a.id, 'firing', 'renotify', groupKeyOf(a.siteId), nowMs);
      db.orm.update(alerts).set({ notifiedAtMs: nowMs }).where(eq(alerts.id, a.id)).run();
    }
    return due.length;
  });
}

function dropPendingRenotify(db: Db, alertId: string): void {
  db.orm
    .delete(alertDeliveries)
    .where(and(eq(alertDeliveries.alertId, alertId), eq(alertDeliveries.reason, 'renotify'), eq(alertDeliveries.status, 'pending')))
    .run();
}

function logAlertsChange(db: Db, nowMs: number, what: string): void {
  logChange(db, { tsMs: nowMs, kind: 'alerts', payload: { what } });
}

/**
 * One change to a firing alert in one transaction: `change` runs only when the alert exists and is not
 * resolved, then the change is logged for browsers as `what`. An error message when it cannot.
 */
function changeFiringAlert(db: Db, alertId: string, nowMs: number, what: string, change: () => void): string | null {
  return writeTransaction(db, () => {
    const row = db.orm.select().from(alerts).where(eq(alerts.id, alertId)).get();
    if (!row) return `no alert ${alertId}`;
    if (row.resolvedAtMs !== null) return `alert ${alertId} already resolved`;
    change();
    logAlertsChange(db, nowMs, what);
    return null;
  });
}

/** Acknowledges a firing alert (stops re-notification); an error message when it cannot. */
export function acknowledgeAlert(db: Db, alertId: string, by: string, nowMs: number): string | null {
  return changeFiringAlert(db, alertId, nowMs, `ack ${alertId}`, () => {
    db.orm.update(alerts).set({ ackedAtMs: nowMs, ackedBy: by }).where(eq(alerts.id, alertId)).run();
    dropPendingRenotify(db, alertId);
  });
}

/** Snoozes (or, with null, unsnoozes) a firing alert: no re-notification until then. */
export function snoozeAlert(db: Db, alertId: string, untilMs: number | null, nowMs: number): string | null {
  return changeFiringAlert(db, alertId, nowMs, `snooze ${alertId}`, () => {
    db.orm.update(alerts).set({ snoozedUntilMs: untilMs }).where(eq(alerts.id, alertId)).run();
    if (untilMs !== null) dropPendingRenotify(db, alertId);
  });
}

/** Removes delivered and failed deliveries and handled requests older than `keepMs`. */
export function pruneDeliveryQueue(db: Db, nowMs: number, keepMs: number): void {
  const cutoff = nowMs - keepMs;
  db.orm
    .delete(alertDeliveries)
    .where(and(ne(alertDeliveries.status, 'pending'), lt(alertDeliveries.createdAtMs, cutoff)))
    .run();
  db.orm
    .delete(alertRequests)
    .where(and(ne(alertRequests.status, 'pending'), lt(alertRequests.createdAtMs, cutoff)))
    .run();
}
