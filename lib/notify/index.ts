/** Notification channels behind one interface, and the pure helpers the delivery queue uses. */
export type { AlertMessage, AlertNotification, AlertSeverity, AlertState, Channel, ChannelKind, NotificationAudience } from './types';
export { audienceOfAlerts, mayReceive, type PushSubscriber } from './audience';
export { NotifyError, isRetryableStatus, parseRetryAfterMs, type NotifyErrorInfo } from './errors';
export {
  CHANNEL_DESCRIPTORS,
  CHANNEL_KINDS,
  channelDescriptor,
  type ChannelConfig,
  type ChannelConfigInput,
  type ChannelDescriptor,
} from './descriptors';
export { parseChannelConfig, type ParsedChannelConfig } from './channel-config';
export { createChannel, type ChannelDeps } from './registry';
export { LIMITS, renderAlert, renderBody, renderText, renderTitle, truncateText, type Measure, type RenderedText } from './render';
export { inQuietHours, quietHoursEndMs, isKnownTimeZone, type QuietHours } from './quiet-hours';
export { nextRetryDelayMs, type BackoffOptions } from './backoff';
export { ALERT_ID_HEADER, SIGNATURE_HEADER, signBody } from './signature';
export type { WebhookConfig } from './descriptors/webhook';
export type { NtfyConfig } from './descriptors/ntfy';
export type { TelegramConfig } from './descriptors/telegram';
export type { SlackConfig } from './descriptors/slack';
export type { DiscordConfig } from './descriptors/discord';
export type { EmailConfig } from './descriptors/email';
export type { PushSubscriptionStore, PushTarget, WebPushDeps } from './channels/webpush';
export type { WebpushConfig } from './descriptors/webpush';
