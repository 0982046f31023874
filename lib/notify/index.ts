/** Notification channels behind one interface, and the pure helpers the delivery queue uses. */
export type { AlertMessage, AlertNotification, AlertSeverity, AlertState, Channel, ChannelKind, NotificationAudience } from './types';
export { audienceOfAlerts, mayReceive, type PushSubscriber } from './audience';
export { NotifyError, isRetryableStatus, parseRetryAfterMs, type NotifyErrorInfo } from './errors';
export { CHANNEL_KINDS, channelConfigSchema, createChannel, parseChannelConfig, type ChannelDeps, type ChannelConfig, type ChannelConfigInput, type ParsedChannelConfig } from './registry';
export { LIMITS, renderAlert, renderBody, renderText, renderTitle, truncateText, type Measure, type RenderedText } from './render';
export { inQuietHours, quietHoursEndMs, isKnownTimeZone, type QuietHours } from './quiet-hours';
export { nextRetryDelayMs, type BackoffOptions } from './backoff';
export { ALERT_ID_HEADER, SIGNATURE_HEADER, signBody } from './signature';
export type { WebhookConfig } from './channels/webhook';
export type { NtfyConfig } from './channels/ntfy';
export type { TelegramConfig } from './channels/telegram';
export type { SlackConfig } from './channels/slack';
export type { DiscordConfig } from './channels/discord';
export type { EmailConfig } from './channels/email';
export type { PushSubscriptionStore, PushTarget, WebPushDeps, WebpushConfig } from './channels/webpush';
