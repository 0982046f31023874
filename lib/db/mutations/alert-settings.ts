/**
 * Writes of the alert settings by the web app (validated by the caller): threshold overrides, maintenance
 * and the notification policy. Each write logs an 'alert-settings' change; the collector reads the
 * settings again after every sweep.
 */
import { and, eq } from 'drizzle-orm';
import type { NotifyPolicy } from '../../alerts/policy';
import type { ThresholdOverride } from '../../alerts/thresholds';
import type { Db } from '../client';
import { alertOverrides, appSettings, rigMaintenance } from '../schema';
import { logChange } from './change-log';
import { NOTIFY_POLICY_KEY } from '../queries/alert-settings';
import { writeTransaction } from '../transactions';

export type OverrideScope = 'global' | 'site' | 'rig';

function noteChange(db: Db, nowMs: number, what: string) {
  logChange(db, { tsMs: nowMs, kind: 'alert-settings', payload: { what } });
}

/** Replaces the override of one scope; an empty override removes it. */
export function setThresholdOverride(db: Db, scope: OverrideScope, scopeId: number, override: ThresholdOverride, nowMs: number): void {
  writeTransaction(db, () => {
    const where = and(eq(alertOverrides.scope, scope), eq(alertOverrides.scopeId, scopeId));
    if (Object.keys(override).length === 0) db.orm.delete(alertOverrides).where(where).run();
    else {
      const overrideJson = JSON.stringify(override);
      db.orm
        .insert(alertOverrides)
        .values({ scope, scopeId, overrideJson, updatedAtMs: nowMs })
        .onConflictDoUpdate({ target: [alertOverrides.scope, alertOverrides.scopeId], set: { overrideJson, updatedAtMs: nowMs } })
        .run();
    }
    noteChange(db, nowMs, `thresholds ${scope} ${scopeId}`);
  });
}

/** Puts a rig in maintenance (until `untilMs`, or until ended when null). */
export function startMaintenance(db: Db, rigId: number, untilMs: number | null, note: string, nowMs: number): void {
  writeTransaction(db, () => {
    db.orm
      .insert(rigMaintenance)
      .values({ rigId, sinceMs: nowMs, untilMs, note })
      .onConflictDoUpdate({ target: rigMaintenance.rigId, set: { untilMs, note } })
      .run();
    noteChange(db, nowMs, `maintenance ${rigId}`);
  });
}

/** Ends a rig's maintenance; false when it was not in maintenance. */
export function endMaintenance(db: Db, rigId: number, nowMs: number): boolean {
  return writeTransaction(db, () => {
    const { changes: n } = db.orm.delete(rigMaintenance).where(eq(rigMaintenance.rigId, rigId)).run();
    if (n > 0) noteChange(db, nowMs, `maintenance ${rigId} ended`);
    return n > 0;
  });
}

export function setNotifyPolicy(db: Db, policy: NotifyPolicy, nowMs: number): void {
  writeTransaction(db, () => {
    const valueJson = JSON.stringify(policy);
    db.orm
      .insert(appSettings)
      .values({ key: NOTIFY_POLICY_KEY, valueJson, updatedAtMs: nowMs })
      .onConflictDoUpdate({ target: appSettings.key, set: { valueJson, updatedAtMs: nowMs } })
      .run();
    noteChange(db, nowMs, 'notify policy');
  });
}
