/** Notification channels with their delivery health, for the settings screen, the API and the collector. */
import { asc, eq, sql } from 'drizzle-orm';
import { redactConfig } from '../../notify/redact';
import type { ChannelView } from '../../views/alert-contracts';
import type { Db } from '../client';
import { alertChannels, alertDeliveries, type AlertChannelRow } from '../schema';
import { openChannelConfigJson } from '../secret-fields';

const opened = (db: Db, row: AlertChannelRow): AlertChannelRow => ({ ...row, configJson: openChannelConfigJson(db, row.configJson) });

/** Stored channel rows, secrets opened (configs unredacted: collector and mutations only). */
export function listChannelRows(db: Db): AlertChannelRow[] {
  return db.orm
    .select()
    .from(alertChannels)
    .orderBy(asc(alertChannels.id))
    .all()
    .map((row) => opened(db, row));
}

export function getChannelRow(db: Db, id: number): AlertChannelRow | null {
  const row = db.orm.select().from(alertChannels).where(eq(alertChannels.id, id)).get();
  return row ? opened(db, row) : null;
}

interface Health {
  queued: number;
  failed: number;
  lastDeliveredAtMs: number | null;
  lastError: string | null;
}

function healthByChannel(db: Db): Map<number, Health> {
  const rows = db.orm
    .select({
      channelId: alertDeliveries.channelId,
      queued: sql<number>`sum(case when ${alertDeliveries.status} = 'pending' then 1 else 0 end)`,
      failed: sql<number>`sum(case when ${alertDeliveries.status} = 'failed' then 1 else 0 end)`,
      lastDeliveredAtMs: sql<number | null>`max(${alertDeliveries.deliveredAtMs})`,
      // The error of the newest undelivered row of the same channel (the outer row, named in full:
      // drizzle would render a bare column, which SQLite reads as d2's own).
      lastError: sql<
        string | null
      >`(select d2.last_error from alert_deliveries d2 where d2.channel_id = "alert_deliveries"."channel_id" and d2.status != 'delivered' and d2.last_error is not null order by d2.id desc limit 1)`,
    })
    .from(alertDeliveries)
    .groupBy(alertDeliveries.channelId)
    .all();
  return new Map(
    rows.map((r) => [
      r.channelId,
      { queued: r.queued ?? 0, failed: r.failed ?? 0, lastDeliveredAtMs: r.lastDeliveredAtMs, lastError: r.lastError },
    ]),
  );
}

export function toChannelView(row: AlertChannelRow, health?: Health): ChannelView {
  const config = JSON.parse(row.configJson) as Record<string, unknown>;
  return {
    id: row.id,
    name: row.name,
    kind: String(config.kind),
    enabled: row.enabled,
    config: redactConfig(config),
    createdAtMs: row.createdAtMs,
    updatedAtMs: row.updatedAtMs,
    queued: health?.queued ?? 0,
    failed: health?.failed ?? 0,
    lastDeliveredAtMs: health?.lastDeliveredAtMs ?? null,
    lastError: health?.lastError ?? null,
  };
}

/** Every channel, secrets redacted, with its queue health. */
export function listChannelViews(db: Db): ChannelView[] {
  const health = healthByChannel(db);
  return listChannelRows(db).map((row) => toChannelView(row, health.get(row.id)));
}

export function getChannelView(db: Db, id: number): ChannelView | null {
  const row = getChannelRow(db, id);
  return row ? (listChannelViews(db).find((c) => c.id === id) ?? null) : null;
}
