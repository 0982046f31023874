/**
 * Who may receive a notification that reaches individual people (Web Push), by the same rule as the
 * screens (lib/auth/site-scope): a site's alerts go to those who see the site, fleet-wide alerts to those
 * who see every site, nobody's data to anyone; never to a disabled user. Pure.
 */
import { seesSite } from '../auth/site-scope';
import type { NotificationAudience } from './types';

/** A subscription's user as stored: role, the sites that apply (null: every site; admins always), disabled. */
export interface PushSubscriber {
  role: string;
  siteIds: readonly number[] | null;
  disabled: boolean;
}

/** The audience of a group of alerts: their site when they all share one, else the fleet. */
export function audienceOfAlerts(siteIds: readonly (number | null)[]): NotificationAudience {
  const first = siteIds[0];
  return typeof first === 'number' && siteIds.every((id) => id === first) ? { siteId: first } : 'fleet';
}

/** Whether `subscriber` may receive a notification for `audience` (absent: 'fleet'). */
export function mayReceive(subscriber: PushSubscriber, audience: NotificationAudience = 'fleet'): boolean {
  if (subscriber.disabled) return false;
  if (audience === 'everyone') return true;
  return seesSite(subscriber, audience === 'fleet' ? null : audience.siteId);
}
