/** Telegram Bot API: POST {baseUrl}/bot{token}/sendMessage {chat_id, text, parse_mode: "HTML"}. */
import { postOnce, type HttpRequestSpec } from '../http';
import type { NotifyNet } from '../net';
import { LIMITS, renderText } from '../render';
import type { AlertNotification, Channel } from '../types';
import { joinUrl } from './common';
import type { TelegramConfig } from '../descriptors/telegram';

/** Telegram's HTML parse mode needs only &, < and > escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The message text: bold title, blank line, body. Telegram's 4096 limit counts the text after entity
 * parsing (tags and escapes excluded), so the plain rendering is what must fit.
 */
export function telegramText(n: AlertNotification): string {
  const { title, body } = renderText(n, LIMITS.telegramTextChars);
  const head = `<b>${escapeHtml(title)}</b>`;
  return body === '' ? head : `${head}\n\n${escapeHtml(body)}`;
}

/** The request a Telegram channel sends (pure). The URL holds the bot token: never log it. */
export function telegramRequest(config: Pick<TelegramConfig, 'baseUrl' | 'botToken' | 'chatId'>, n: AlertNotification): HttpRequestSpec {
  return {
    url: joinUrl(config.baseUrl, `bot${config.botToken}/sendMessage`),
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ chat_id: config.chatId, text: telegramText(n), parse_mode: 'HTML', disable_web_page_preview: true }),
  };
}

/** The channel, sending through `net` (where it may connect). */
export function telegramChannel(config: TelegramConfig, net: NotifyNet): Channel {
  return {
    kind: 'telegram',
    send: (n, signal) => postOnce({ channel: 'telegram', ...telegramRequest(config, n), timeoutMs: config.timeoutMs, signal, net }),
  };
}
