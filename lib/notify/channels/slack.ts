/** Slack incoming webhook: {text} or {text, blocks} (header + mrkdwn section), within Slack's limits. */
import { postOnce, type HttpRequestSpec } from '../http';
import type { NotifyNet } from '../net';
import { LIMITS, fitEscaped, renderBody, renderText, renderTitle, truncateText } from '../render';
import type { AlertNotification, Channel } from '../types';
import type { SlackConfig } from '../descriptors/slack';

/** Slack's three control characters in mrkdwn and plain text. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The JSON payload (pure). */
export function slackPayload(n: AlertNotification, format: SlackConfig['format']): Record<string, unknown> {
  if (format === 'text') {
    return { text: fitEscaped((max) => renderText(n, max).text, escapeSlack, LIMITS.slackTextChars) };
  }
  const title = truncateText(renderTitle(n), LIMITS.slackHeaderChars);
  return {
    text: escapeSlack(title),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: title } },
      { type: 'section', text: { type: 'mrkdwn', text: fitEscaped((max) => renderBody(n, max), escapeSlack, LIMITS.slackSectionChars) } },
    ],
  };
}

/** The request a Slack channel sends (pure). The URL is the credential: never log it. */
export function slackRequest(config: Pick<SlackConfig, 'webhookUrl' | 'format'>, n: AlertNotification): HttpRequestSpec {
  return { url: config.webhookUrl, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(slackPayload(n, config.format)) };
}

/** The channel, sending through `net` (where it may connect). */
export function slackChannel(config: SlackConfig, net: NotifyNet): Channel {
  return {
    kind: 'slack',
    send: (n, signal) => postOnce({ channel: 'slack', ...slackRequest(config, n), timeoutMs: config.timeoutMs, signal, net }),
  };
}
