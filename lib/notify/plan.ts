/**
 * Which queued deliveries go out now: the noise control of the delivery queue. Pure (the worker does the
 * I/O). Deliveries are grouped by channel and group (a site, or the fleet); per group:
 *
 * - quiet hours of the channel: the whole group is deferred to the end of the quiet period;
 * - a retry (some delivery already failed once) goes as soon as its backoff is over;
 * - otherwise the group waits `groupWaitMs` after its oldest delivery (so a site's alerts that fire
 *   together arrive as one notification), and `cooldownMs` after the group's last notification on that
 *   channel (what arrives in between is sent together once the cooldown ends). A last notification
 *   later than now means the clock went back: the cooldown is then over.
 */
import type { NotifyPolicy } from '../alerts/policy';
import { inQuietHours, quietHoursEndMs, type QuietHours } from './quiet-hours';

/** A due row of the queue (status pending, next attempt <= now). */
export interface QueuedDelivery {
  id: number;
  channelId: number;
  groupKey: string;
  createdAtMs: number;
  attempts: number;
}

export type PlannedAction =
  | { kind: 'send'; channelId: number; groupKey: string; deliveryIds: number[] }
  | { kind: 'defer'; channelId: number; groupKey: string; deliveryIds: number[]; untilMs: number; why: string }
  | { kind: 'wait'; channelId: number; groupKey: string; deliveryIds: number[]; why: string };

export interface PlanChannel {
  quietHours?: QuietHours;
}

/** Groups due deliveries and decides for each group. `lastSentMs` is the group's last delivery on the channel. */
export function planDeliveries(
  due: readonly QueuedDelivery[],
  channels: ReadonlyMap<number, PlanChannel>,
  lastSentMs: (channelId: number, groupKey: string) => number | null,
  policy: Pick<NotifyPolicy, 'groupWaitMs' | 'cooldownMs'>,
  nowMs: number,
): PlannedAction[] {
  const groups = new Map<string, QueuedDelivery[]>();
  for (const d of due) {
    const key = `${d.channelId}\u0000${d.groupKey}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const actions: PlannedAction[] = [];
  for (const rows of groups.values()) {
    const { channelId, groupKey } = rows[0];
    const channel = channels.get(channelId);
    if (!channel) continue; // disabled or removed: its rows wait
    const deliveryIds = rows.map((r) => r.id).sort((a, b) => a - b);
    const base = { channelId, groupKey, deliveryIds };
    if (channel.quietHours && inQuietHours(nowMs, channel.quietHours)) {
      actions.push({ ...base, kind: 'defer', untilMs: quietHoursEndMs(nowMs, channel.quietHours), why: 'quiet hours' });
      continue;
    }
    if (rows.some((r) => r.attempts > 0)) {
      actions.push({ ...base, kind: 'send' });
      continue;
    }
    const oldestMs = Math.min(...rows.map((r) => r.createdAtMs));
    if (nowMs - oldestMs < policy.groupWaitMs) {
      actions.push({ ...base, kind: 'wait', why: 'grouping' });
      continue;
    }
    const last = lastSentMs(channelId, groupKey);
    // A last send "in the future" means the clock went back: the cooldown does not hold messages for that long.
    if (last !== null && last <= nowMs && nowMs - last < policy.cooldownMs) {
      actions.push({ ...base, kind: 'wait', why: 'cooldown' });
      continue;
    }
    actions.push({ ...base, kind: 'send' });
  }
  return actions;
}
