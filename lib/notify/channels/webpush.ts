/**
 * Web Push: one encrypted message (RFC 8291) with a VAPID signature (RFC 8292) to every subscription of
 * the selected users (none selected: every subscriber) who may see what it is about (../audience.ts: a
 * site's alerts only to people who see that site). Subscriptions and the VAPID keys live in the database,
 * which the delivery worker hands in as `WebPushDeps`; each subscription's outcome is recorded there
 * (gone ones deleted). See ../webpush/outcome.ts for when the channel as a whole succeeds; a message that
 * none of the subscribers may see is sent to nobody and counts as delivered (there is no one to retry for).
 */
import { mapWithConcurrency } from '../../util/concurrency';
import { NotifyError } from '../errors';
import { postOnce } from '../http';
import type { NotifyNet } from '../net';
import type { Channel } from '../types';
import { encryptPushPayload } from '../webpush/ece';
import { classifyFailure, summarizeOutcomes, type SubscriptionOutcome } from '../webpush/outcome';
import { renderPushPayload } from '../webpush/payload';
import { vapidAuthorization, vapidSubject, type VapidKeys } from '../webpush/vapid';
import { mayReceive, type PushSubscriber } from '../audience';
import type { WebpushConfig } from '../descriptors/webpush';

/** A subscription to send to, with its user as the audience check needs them. */
export interface PushTarget {
  id: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  subscriber: PushSubscriber;
}

/** Where the channel finds subscriptions and records what became of them. */
export interface PushSubscriptionStore {
  /** Subscriptions of these users (empty: every user's), whatever they may see (the channel checks). */
  targets(userNames: readonly string[]): PushTarget[];
  accepted(id: number, atMs: number): void;
  failed(id: number, error: string): void;
  gone(id: number): void;
}

/** What the Web Push channel needs from the database and the installation. */
export interface WebPushDeps {
  store: PushSubscriptionStore;
  /** The stored key pair (created on first use). */
  vapidKeys(): VapidKeys;
  /** HASHWATT_PUBLIC_URL: the VAPID subject when https and the channel names none. */
  publicUrl?: string | null;
  now?: () => number;
}

const PARALLEL_SENDS = 8;

/**
 * The channel. Endpoints are reached over HTTPS at public addresses only (`net.pushResolve`, checked again
 * at every connect): a subscription is whatever URL a signed-in user sent.
 */
export function webpushChannel(config: WebpushConfig, deps: WebPushDeps | undefined, net: NotifyNet): Channel {
  return {
    kind: 'webpush',
    async send(n, signal) {
      if (!deps)
        throw new NotifyError('webpush channel: the subscriptions live in the database, which this sender was not given', {
          channel: 'webpush',
          retryable: false,
        });
      const now = deps.now ?? Date.now;
      const subscribed = deps.store.targets(config.userNames);
      const targets = subscribed.filter((t) => mayReceive(t.subscriber, n.audience));
      if (subscribed.length > 0 && targets.length === 0) return;
      const plaintext = Buffer.from(renderPushPayload(n), 'utf8');
      const keys = targets.length > 0 ? deps.vapidKeys() : null;
      const subject = vapidSubject(config.subject, deps.publicUrl);
      const outcomes = await mapWithConcurrency(targets, PARALLEL_SENDS, async (t): Promise<SubscriptionOutcome> => {
        try {
          const body = encryptPushPayload(plaintext, {
            p256dh: Buffer.from(t.p256dh, 'base64url'),
            auth: Buffer.from(t.auth, 'base64url'),
          });
          const headers = {
            'Content-Type': 'application/octet-stream',
            'Content-Encoding': 'aes128gcm',
            TTL: String(config.ttlSeconds),
            Urgency: config.urgency,
            Authorization: vapidAuthorization(t.endpoint, keys!, subject, now()),
          };
          await postOnce({
            channel: 'webpush',
            url: t.endpoint,
            headers,
            body,
            timeoutMs: config.timeoutMs,
            signal,
            net,
            destination: 'push',
          });
          deps.store.accepted(t.id, now());
          return { kind: 'accepted' };
        } catch (err) {
          const outcome = classifyFailure(err);
          if (outcome.kind === 'gone') deps.store.gone(t.id);
          else deps.store.failed(t.id, outcome.error);
          return outcome;
        }
      });
      const error = summarizeOutcomes(outcomes, config.userNames);
      if (error) throw error;
    },
  };
}
