/** Telegram Bot API: POST {baseUrl}/bot{token}/sendMessage {chat_id, text, parse_mode: "HTML"}. */
import { z } from 'zod';
import { DEFAULT_TELEGRAM_BASE_URL } from './defaults';
import { postOnce, type HttpRequestSpec } from '../http';
import type { NotifyNet } from '../net';
import { LIMITS, renderText } from '../render';
import type { AlertNotification, Channel } from '../types';
import { httpUrl, joinUrl, quietHoursSchema, timeoutMsSchema } from './common';

const CHAT_ID_MESSAGE = 'the Telegram chatId must be a numeric chat id or an @channelusername';

export const telegramConfigSchema = z.strictObject({
  kind: z.literal('telegram'),
  baseUrl: httpUrl('the Telegram baseUrl').default(DEFAULT_TELEGRAM_BASE_URL),
  botToken: z
    .string({ error: 'the Telegram botToken is required' })
    .regex(/^\d+:[A-Za-z0-9_-]+$/, { message: 'the Telegram botToken must look like 123456:ABC-DEF (from @BotFather)' }),
  chatId: z.union(
    [
      z.number().int({ message: CHAT_ID_MESSAGE }),
      z.string().regex(/^(-?\d+|@[A-Za-z0-9_]{5,})$/, { message: CHAT_ID_MESSAGE }),
    ],
    { error: CHAT_ID_MESSAGE },
  ),
  timeoutMs: timeoutMsSchema,
  quietHours: quietHoursSchema.optional(),
});
export type TelegramConfig = z.infer<typeof telegramConfigSchema>;

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
