/**
 * What one push message to many subscriptions amounts to. Pure.
 *
 * Per subscription: 201/202 (any 2xx) accepted; 404/410 gone (the subscription is deleted); 408/425/429/5xx
 * and network errors retryable; other 4xx refused (recorded on the subscription). The channel as a whole
 * succeeds when at least one subscription accepted: retrying would send the message again to the devices
 * that already show it. With none accepted it fails, retryable when any failure was; with no
 * subscription at all it fails for good with a message that says so, so the channel's health shows that
 * nobody receives its alerts instead of reporting deliveries that reached no one.
 */
import { NotifyError } from '../errors';

export type SubscriptionOutcome =
  | { kind: 'accepted' }
  | { kind: 'gone'; status: number }
  | { kind: 'retryable'; error: string; retryAfterMs?: number }
  | { kind: 'refused'; error: string };

/** How an error thrown by one POST (a NotifyError from postOnce, or anything else) counts. */
export function classifyFailure(err: unknown): Exclude<SubscriptionOutcome, { kind: 'accepted' }> {
  const message = err instanceof Error ? err.message : String(err);
  if (!(err instanceof NotifyError)) return { kind: 'retryable', error: message };
  if (err.status === 404 || err.status === 410) return { kind: 'gone', status: err.status };
  if (err.retryable)
    return { kind: 'retryable', error: message, ...(err.retryAfterMs === undefined ? {} : { retryAfterMs: err.retryAfterMs }) };
  return { kind: 'refused', error: message };
}

/** Null when the message counts as delivered, else the channel's error. */
export function summarizeOutcomes(outcomes: readonly SubscriptionOutcome[], userNames: readonly string[]): NotifyError | null {
  const channel = 'webpush' as const;
  if (outcomes.length === 0) {
    const who = userNames.length > 0 ? ` for ${userNames.join(', ')}` : '';
    return new NotifyError(
      `webpush channel: no device has subscribed${who}; turn on "Notifications on this device" in Hashwatt on the phone`,
      { channel, retryable: false },
    );
  }
  const count = (kind: SubscriptionOutcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
  if (count('accepted') > 0) return null;
  const total = outcomes.length;
  if (count('gone') === total) {
    return new NotifyError(
      `webpush channel: every subscription (${total}) has expired or was withdrawn (404/410) and is removed; nobody is subscribed now`,
      { channel, retryable: false },
    );
  }
  const retryable = outcomes.filter((o): o is Extract<SubscriptionOutcome, { kind: 'retryable' }> => o.kind === 'retryable');
  const first = outcomes.find(
    (o): o is Extract<SubscriptionOutcome, { kind: 'retryable' | 'refused' }> => o.kind === 'retryable' || o.kind === 'refused',
  )!;
  const prefix = `webpush channel: no subscription accepted (${total} tried, ${retryable.length} may succeed later)`;
  if (retryable.length > 0) {
    const waits = retryable.map((o) => o.retryAfterMs).filter((ms): ms is number => ms !== undefined);
    return new NotifyError(`${prefix}: ${retryable[0].error}`, {
      channel,
      retryable: true,
      ...(waits.length ? { retryAfterMs: Math.max(...waits) } : {}),
    });
  }
  return new NotifyError(`${prefix}: ${first.error}`, { channel, retryable: false });
}
