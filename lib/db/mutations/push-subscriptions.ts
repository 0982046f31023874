/**
 * Web Push subscriptions per user: the web app saves and removes a browser's subscription; the delivery
 * worker reads them (through `pushSubscriptionStore`) and records each send's outcome.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PushSubscriptionStore, PushTarget } from '../../notify/channels/webpush';
import type { SubscriptionInput } from '../../notify/webpush/subscription-input';
import type { Db } from '../client';
import { userSiteIds } from '../queries/users';
import { pushSubscriptions, users } from '../schema';

/** Errors are kept short: one line of the push service's reply. */
const MAX_ERROR_CHARS = 500;

/**
 * Saves `sub` for `userId`, by endpoint: a browser that subscribes again (new keys) or that another user
 * signs in to replaces the row, which then belongs to the caller. The outcome fields start over.
 */
export function upsertPushSubscription(db: Db, userId: number, sub: SubscriptionInput, userAgent: string | null, nowMs: number): void {
  db.orm
    .insert(pushSubscriptions)
    .values({ userId, endpoint: sub.endpoint, p256dh: sub.p256dh, auth: sub.auth, userAgent, createdAtMs: nowMs })
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: { userId, p256dh: sub.p256dh, auth: sub.auth, userAgent, createdAtMs: nowMs, lastSuccessMs: null, lastError: null },
    })
    .run();
}

/** Removes the caller's own subscription of `endpoint`; false when the caller has none there. */
export function deletePushSubscription(db: Db, userId: number, endpoint: string): boolean {
  return (
    db.orm
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
      .run().changes > 0
  );
}

/**
 * Subscriptions of the named users (an empty list: every user's), oldest first, each with its user's role,
 * the sites that apply to them and whether they are disabled (the channel sends each alert only to those
 * who may see it).
 */
export function pushTargets(db: Db, userNames: readonly string[]): PushTarget[] {
  const columns = {
    id: pushSubscriptions.id,
    endpoint: pushSubscriptions.endpoint,
    p256dh: pushSubscriptions.p256dh,
    auth: pushSubscriptions.auth,
    role: users.role,
    siteIdsJson: users.siteIdsJson,
    disabled: users.disabled,
  };
  return db.orm
    .select(columns)
    .from(pushSubscriptions)
    .innerJoin(users, eq(users.id, pushSubscriptions.userId))
    .where(userNames.length === 0 ? undefined : inArray(users.name, [...userNames]))
    .orderBy(asc(pushSubscriptions.id))
    .all()
    .map(({ role, siteIdsJson, disabled, ...target }) => ({
      ...target,
      subscriber: { role, siteIds: userSiteIds({ role, siteIdsJson }), disabled },
    }));
}

/** The store the webpush channel sends through. */
export function pushSubscriptionStore(db: Db): PushSubscriptionStore {
  return {
    targets: (userNames) => pushTargets(db, userNames),
    accepted: (id, atMs) => {
      db.orm.update(pushSubscriptions).set({ lastSuccessMs: atMs, lastError: null }).where(eq(pushSubscriptions.id, id)).run();
    },
    failed: (id, error) => {
      db.orm
        .update(pushSubscriptions)
        .set({ lastError: error.slice(0, MAX_ERROR_CHARS) })
        .where(eq(pushSubscriptions.id, id))
        .run();
    },
    gone: (id) => {
      db.orm.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id)).run();
    },
  };
}
