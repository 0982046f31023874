/**
 * The one interface every channel implements, and what it delivers (the message types live in
 * lib/alerts/notification.ts, below both lib/alerts and lib/notify). Pure types.
 */
import type { ChannelKind } from './descriptors';
import type { AlertNotification } from '../alerts/notification';

export type { AlertMessage, AlertNotification, AlertSeverity, AlertState, NotificationAudience } from '../alerts/notification';
export type { ChannelKind } from './descriptors';

/**
 * A configured destination. `send` resolves once the receiver accepted the notification and rejects with a
 * NotifyError (see errors.ts) whose `retryable` says whether sending it again later may succeed.
 */
export interface Channel {
  readonly kind: ChannelKind;
  send(notification: AlertNotification, signal?: AbortSignal): Promise<void>;
}
