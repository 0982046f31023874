/**
 * Discord webhook: {content} (2000 chars) or one embed (title 256, description 4096), mentions disabled.
 * A 429's retry_after (seconds, in the JSON body or the Retry-After header) lands in NotifyError.retryAfterMs.
 */
import { postOnce, type HttpRequestSpec } from '../http';
import type { NotifyNet } from '../net';
import { LIMITS, fitEscaped, renderBody, renderText, renderTitle, truncateText } from '../render';
import type { AlertNotification, Channel } from '../types';
import type { DiscordConfig } from '../descriptors/discord';

/** Embed colours by severity, and green for resolved. */
export const DISCORD_COLORS = { critical: 0xd32f2f, warning: 0xf57c00, info: 0x1976d2, resolved: 0x388e3c } as const;

/** Backslash-escapes Discord markdown so rig names like "s19_a_b" render as written. */
export function escapeDiscord(text: string): string {
  return text.replace(/([\\*_~`|>[\]()])/g, '\\$1');
}

/** Embed colour: the most severe firing alert, green when all are resolved. */
export function discordColor(n: AlertNotification): number {
  const firing = n.alerts.filter((a) => a.state === 'firing');
  if (firing.length === 0) return DISCORD_COLORS.resolved;
  if (firing.some((a) => a.severity === 'critical')) return DISCORD_COLORS.critical;
  if (firing.some((a) => a.severity === 'warning')) return DISCORD_COLORS.warning;
  return DISCORD_COLORS.info;
}

/** The JSON payload (pure). */
export function discordPayload(n: AlertNotification, format: DiscordConfig['format']): Record<string, unknown> {
  const allowed_mentions = { parse: [] };
  if (format === 'content') {
    return { content: fitEscaped((max) => renderText(n, max).text, escapeDiscord, LIMITS.discordContentChars), allowed_mentions };
  }
  return {
    embeds: [
      {
        title: truncateText(renderTitle(n), LIMITS.discordEmbedTitleChars),
        description: fitEscaped((max) => renderBody(n, max), escapeDiscord, LIMITS.discordEmbedDescriptionChars),
        color: discordColor(n),
      },
    ],
    allowed_mentions,
  };
}

/** The request a Discord channel sends (pure). The URL is the credential: never log it. */
export function discordRequest(config: Pick<DiscordConfig, 'webhookUrl' | 'format'>, n: AlertNotification): HttpRequestSpec {
  return {
    url: config.webhookUrl,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(discordPayload(n, config.format)),
  };
}

/** The channel, sending through `net` (where it may connect). */
export function discordChannel(config: DiscordConfig, net: NotifyNet): Channel {
  return {
    kind: 'discord',
    send: (n, signal) => postOnce({ channel: 'discord', ...discordRequest(config, n), timeoutMs: config.timeoutMs, signal, net }),
  };
}
