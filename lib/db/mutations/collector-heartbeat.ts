/**
 * The collector's heartbeat (app_settings 'collector'): written by the collector when it starts, and
 * marked stopped by the collector on a clean stop or by the supervisor when it sees the process die, so
 * /api/health says "no collector runs" at once instead of after three poll intervals. Each write is one
 * statement: no read-then-write transaction to upgrade.
 */
import type { CollectorHeartbeat } from '../../health/collector-health';
import type { Db } from '../client';
import { appSettings } from '../schema';
import { COLLECTOR_HEARTBEAT_KEY } from '../queries/collector-heartbeat';

/** Records that a collector (pid on host) started now; replaces any earlier heartbeat. */
export function recordCollectorStart(db: Db, beat: Pick<CollectorHeartbeat, 'pid' | 'host' | 'startedAtMs' | 'pollIntervalMs'>): void {
  const valueJson = JSON.stringify({ ...beat, stoppedAtMs: null, stopReason: null });
  db.orm
    .insert(appSettings)
    .values({ key: COLLECTOR_HEARTBEAT_KEY, valueJson, updatedAtMs: beat.startedAtMs })
    .onConflictDoUpdate({ target: appSettings.key, set: { valueJson, updatedAtMs: beat.startedAtMs } })
    .run();
}

/**
 * Marks the collector `pid` on `host` stopped, with why; a heartbeat of another (newer) collector is left
 * alone. Returns whether it marked one.
 */
export function recordCollectorStop(db: Db, who: { pid: number; host: string }, reason: string, nowMs: number): boolean {
  const { changes } = db.sqlite
    .prepare(
      `UPDATE app_settings SET value_json = json_set(value_json, '$.stoppedAtMs', ?, '$.stopReason', ?), updated_at_ms = ?
       WHERE key = ? AND json_extract(value_json, '$.pid') = ? AND json_extract(value_json, '$.host') = ?
         AND json_extract(value_json, '$.stoppedAtMs') IS NULL`,
    )
    .run(nowMs, reason, nowMs, COLLECTOR_HEARTBEAT_KEY, who.pid, who.host);
  return changes > 0;
}
