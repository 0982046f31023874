/** Channel writes by the web app; configs are validated by the caller (parseChannelConfig), their secrets sealed here. */
import { eq } from 'drizzle-orm';
import type { ChannelConfig } from '../../notify/descriptors';
import type { Db } from '../client';
import { alertChannels, alertDeliveries } from '../schema';
import { sealChannelConfig } from '../secret-fields';
import { writeTransaction } from '../transactions';

export function createChannelRow(db: Db, name: string, enabled: boolean, config: ChannelConfig, nowMs: number): number {
  return db.orm
    .insert(alertChannels)
    .values({ name, enabled, configJson: sealChannelConfig(db, config), createdAtMs: nowMs, updatedAtMs: nowMs })
    .returning({ id: alertChannels.id })
    .get().id;
}

export function updateChannelRow(
  db: Db,
  id: number,
  patch: { name?: string; enabled?: boolean; config?: ChannelConfig },
  nowMs: number,
): void {
  db.orm
    .update(alertChannels)
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
      ...(patch.config !== undefined ? { configJson: sealChannelConfig(db, patch.config) } : {}),
      updatedAtMs: nowMs,
    })
    .where(eq(alertChannels.id, id))
    .run();
}

/** Removes a channel and its queued deliveries; false when there was none. */
export function deleteChannelRow(db: Db, id: number): boolean {
  return writeTransaction(db, () => {
    db.orm.delete(alertDeliveries).where(eq(alertDeliveries.channelId, id)).run();
    return db.orm.delete(alertChannels).where(eq(alertChannels.id, id)).run().changes > 0;
  });
}
