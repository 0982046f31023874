/** A user's own Web Push subscriptions as the API lists them (keys left out: only the sender needs them). */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { pushSubscriptions } from '../schema';

export interface PushSubscriptionView {
  endpoint: string;
  userAgent: string | null;
  createdAtMs: number;
  lastSuccessMs: number | null;
  lastError: string | null;
}

export function listUserPushSubscriptions(db: Db, userId: number): PushSubscriptionView[] {
  return db.orm
    .select({
      endpoint: pushSubscriptions.endpoint,
      userAgent: pushSubscriptions.userAgent,
      createdAtMs: pushSubscriptions.createdAtMs,
      lastSuccessMs: pushSubscriptions.lastSuccessMs,
      lastError: pushSubscriptions.lastError,
    })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId))
    .orderBy(asc(pushSubscriptions.id))
    .all();
}
