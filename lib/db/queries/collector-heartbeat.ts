/** The collector's heartbeat row (app_settings 'collector'), as the health check reads it. */
import { eq } from 'drizzle-orm';
import type { CollectorHeartbeat } from '../../health/collector-health';
import type { Db } from '../client';
import { appSettings } from '../schema';

/** app_settings key of the heartbeat. */
export const COLLECTOR_HEARTBEAT_KEY = 'collector';

/** The stored heartbeat; null when no collector wrote one (or the row is not one). */
export function getCollectorHeartbeat(db: Db): CollectorHeartbeat | null {
  const row = db.orm
    .select({ valueJson: appSettings.valueJson })
    .from(appSettings)
    .where(eq(appSettings.key, COLLECTOR_HEARTBEAT_KEY))
    .get();
  if (!row) return null;
  try {
    const v = JSON.parse(row.valueJson) as Partial<CollectorHeartbeat>;
    if (typeof v.pid !== 'number' || typeof v.startedAtMs !== 'number' || typeof v.pollIntervalMs !== 'number') return null;
    return {
      pid: v.pid,
      host: typeof v.host === 'string' ? v.host : '',
      startedAtMs: v.startedAtMs,
      pollIntervalMs: v.pollIntervalMs,
      stoppedAtMs: typeof v.stoppedAtMs === 'number' ? v.stoppedAtMs : null,
      stopReason: typeof v.stopReason === 'string' ? v.stopReason : null,
    };
  } catch {
    return null;
  }
}
