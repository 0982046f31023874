/**
 * Stores one alert evaluation in one transaction: the engine's states (so a restart resumes them), a row
 * per alert that fired and its resolution, a delivery per enabled channel for every transition, and an
 * 'alerts' change so browsers refresh their active list. Idempotent per alert id.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { describeAlert } from '../../alerts/describe';
import type { AlertEvent, AlertState } from '../../alerts/types';
import type { Db } from '../client';
import { alertDeliveries, alertStates, alerts } from '../schema';
import { logChange } from './change-log';
import { writeTransaction } from '../transactions';

/** Names of what alerts are about, as of this sweep. */
export interface SubjectNames {
  rigs: ReadonlyMap<number, string>;
  sites: ReadonlyMap<number, string>;
  pools: ReadonlyMap<number, string>;
}

/** The grouping key of a site's (or the fleet's) notifications. */
export function groupKeyOf(siteId: number | null): string {
  return siteId === null ? 'fleet' : `site:${siteId}`;
}

function subjectName(event: AlertEvent, names: SubjectNames): string {
  const byScope = { rig: names.rigs, site: names.sites, pool: names.pools, fleet: null }[event.scope];
  return byScope?.get(event.subjectId) ?? (event.scope === 'fleet' ? 'Fleet' : `${event.scope} ${event.subjectId}`);
}

/** Queues one delivery of `alertId`'s transition to each channel. */
export function enqueueDeliveries(
  db: Db,
  channelIds: readonly number[],
  alertId: string,
  state: 'firing' | 'resolved',
  reason: 'transition' | 'renotify',
  groupKey: string,
  nowMs: number,
): void {
  for (const channelId of channelIds) {
    db.orm
      .insert(alertDeliveries)
      .values({ channelId, alertId, state, reason, groupKey, createdAtMs: nowMs, status: 'pending', nextAttemptMs: nowMs })
      .run();
  }
}

export function writeAlertEvaluation(
  db: Db,
  states: ReadonlyMap<string, AlertState>,
  events: readonly AlertEvent[],
  names: SubjectNames,
  channelIds: readonly number[],
  nowMs: number,
): void {
  writeTransaction(db, () => {
    db.orm.delete(alertStates).run();
    for (const s of states.values()) {
      db.orm
        .insert(alertStates)
        .values({
          key: s.key,
          phase: s.phase,
          pendingSinceMs: s.pendingSinceMs,
          firingSinceMs: s.firingSinceMs,
          clearSinceMs: s.clearSinceMs,
          alertId: s.alertId,
          value: s.value,
          detail: s.detail,
        })
        .run();
    }
    for (const e of events) {
      const groupKey = groupKeyOf(e.siteId);
      if (e.kind === 'firing') {
        const subject = subjectName(e, names);
        const { severity, title } = describeAlert(e.rule, subject);
        const startedAtMs = states.get(e.key)?.pendingSinceMs ?? e.atMs;
        const siteName = e.siteId === null ? null : (names.sites.get(e.siteId) ?? `site ${e.siteId}`);
        const inserted = db.orm
          .insert(alerts)
          .values({
            id: e.alertId,
            key: e.key,
            rule: e.rule,
            scope: e.scope,
            subjectId: e.subjectId,
            subjectName: subject,
            siteId: e.siteId,
            siteName,
            severity,
            title,
            detail: e.detail,
            value: e.value,
            startedAtMs,
            firingAtMs: e.atMs,
            notifiedAtMs: nowMs,
          })
          .onConflictDoNothing()
          .run();
        if (inserted.changes > 0) enqueueDeliveries(db, channelIds, e.alertId, 'firing', 'transition', groupKey, nowMs);
      } else {
        const updated = db.orm
          .update(alerts)
          .set({ resolvedAtMs: e.atMs, resolveReason: e.reason ?? 'cleared' })
          .where(and(eq(alerts.id, e.alertId), isNull(alerts.resolvedAtMs)))
          .run();
        if (updated.changes > 0) enqueueDeliveries(db, channelIds, e.alertId, 'resolved', 'transition', groupKey, nowMs);
      }
    }
    if (events.length > 0) logChange(db, { tsMs: nowMs, kind: 'alerts', payload: { events: events.length } });
  });
}
