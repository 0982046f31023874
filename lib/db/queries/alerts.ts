/** Alerts as screens and the API show them: the active ones and the history. */
import { and, desc, eq, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { SiteIds } from '../../auth/site-scope';
import type { AlertScope, AlertState, RuleKind } from '../../alerts/types';
import type { AlertSeverityView, AlertView } from '../../views/alert-contracts';
import type { Db } from '../client';
import { alertStates, alerts, type AlertRow } from '../schema';

export function toAlertView(row: AlertRow): AlertView {
  return {
    id: row.id,
    rule: row.rule as RuleKind,
    scope: row.scope as AlertScope,
    subjectId: row.subjectId,
    subjectName: row.subjectName,
    siteId: row.siteId,
    siteName: row.siteName,
    severity: row.severity as AlertSeverityView,
    title: row.title,
    detail: row.detail,
    value: row.value,
    startedAtMs: row.startedAtMs,
    firingAtMs: row.firingAtMs,
    resolvedAtMs: row.resolvedAtMs,
    resolveReason: row.resolveReason,
    ackedAtMs: row.ackedAtMs,
    ackedBy: row.ackedBy,
    snoozedUntilMs: row.snoozedUntilMs,
  };
}

/** Alerts still firing, newest first. */
export function activeAlerts(db: Db): AlertView[] {
  return db.orm
    .select()
    .from(alerts)
    .where(isNull(alerts.resolvedAtMs))
    .orderBy(desc(alerts.firingAtMs), desc(alerts.id))
    .all()
    .map(toAlertView);
}

export type AlertStatusFilter = 'active' | 'resolved' | 'all';

/**
 * Alerts by status, newest first (firing time, then id). Paging back is by keyset: `beforeMs` alone gives
 * alerts that fired earlier; with `beforeId` also those of the same millisecond that sort after that id,
 * so a page ending inside one sweep's alerts (they share a firing time) continues exactly where it ended.
 * `siteIds` (a principal's sites; null: every site) filters in the query, so a page is full and paging
 * works; fleet-wide alerts (no site) only reach principals of every site (lib/auth/site-scope).
 */
export function listAlerts(
  db: Db,
  opts: { status: AlertStatusFilter; limit: number; siteIds: SiteIds; beforeMs?: number; beforeId?: string },
): AlertView[] {
  const byStatus =
    opts.status === 'active' ? isNull(alerts.resolvedAtMs) : opts.status === 'resolved' ? isNotNull(alerts.resolvedAtMs) : undefined;
  const before =
    opts.beforeMs === undefined
      ? undefined
      : opts.beforeId === undefined
        ? lt(alerts.firingAtMs, opts.beforeMs)
        : or(lt(alerts.firingAtMs, opts.beforeMs), and(eq(alerts.firingAtMs, opts.beforeMs), lt(alerts.id, opts.beforeId)));
  return db.orm
    .select()
    .from(alerts)
    .where(and(byStatus, before, opts.siteIds === null ? undefined : inArray(alerts.siteId, [...opts.siteIds])))
    .orderBy(desc(alerts.firingAtMs), desc(alerts.id))
    .limit(opts.limit)
    .all()
    .map(toAlertView);
}

/** One alert by id, or null. */
export function getAlert(db: Db, id: string): AlertView | null {
  const row = db.orm.select().from(alerts).where(eq(alerts.id, id)).get();
  return row ? toAlertView(row) : null;
}

/** The engine's stored states (the previous evaluation). */
export function loadAlertStates(db: Db): Map<string, AlertState> {
  const rows = db.orm.select().from(alertStates).all();
  return new Map(rows.map((r) => [r.key, { ...r, phase: r.phase as AlertState['phase'] }]));
}
