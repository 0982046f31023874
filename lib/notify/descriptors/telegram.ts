/** The Telegram channel, described: a bot's message to a chat. Pure. */
import { z } from '../../util/zod-browser';
import { urlDestination } from '../../settings/redacted-secret';
import { httpUrl, quietHoursSchema, timeoutMsSchema, urlHost } from './common';
import type { ChannelDescriptor } from './types';

/** Telegram's Bot API. */
export const DEFAULT_TELEGRAM_BASE_URL = 'https://api.telegram.org';

const CHAT_ID_MESSAGE = 'the Telegram chatId must be a numeric chat id or an @channelusername';

const configSchema = z.strictObject({
  kind: z.literal('telegram'),
  baseUrl: httpUrl('the Telegram baseUrl').default(DEFAULT_TELEGRAM_BASE_URL),
  botToken: z
    .string({ error: 'the Telegram botToken is required' })
    .regex(/^\d+:[A-Za-z0-9_-]+$/, { message: 'the Telegram botToken must look like 123456:ABC-DEF (from @BotFather)' }),
  chatId: z.union(
    [z.number().int({ message: CHAT_ID_MESSAGE }), z.string().regex(/^(-?\d+|@[A-Za-z0-9_]{5,})$/, { message: CHAT_ID_MESSAGE })],
    { error: CHAT_ID_MESSAGE },
  ),
  timeoutMs: timeoutMsSchema,
  quietHours: quietHoursSchema.optional(),
});

/** A validated Telegram channel config. */
export type TelegramConfig = z.infer<typeof configSchema>;

/** The Telegram kind. */
export const telegramDescriptor = {
  kind: 'telegram',
  label: 'Telegram',
  description: 'A Telegram bot (from @BotFather) sends each notification to a chat, group or channel.',
  configSchema,
  fields: [
    { key: 'botToken', label: 'Bot token', type: 'secret', required: true, placeholder: '123456:ABC-DEF', help: 'From @BotFather.' },
    { key: 'chatId', label: 'Chat id', type: 'text', required: true, placeholder: '-1001234567890 or @channelname' },
    { key: 'baseUrl', label: 'API URL', type: 'url', placeholder: DEFAULT_TELEGRAM_BASE_URL },
  ],
  secretFields: ['botToken'],
  secretDestination: (c) => urlDestination(c.baseUrl ?? DEFAULT_TELEGRAM_BASE_URL),
  host: (c) => urlHost(c.baseUrl ?? DEFAULT_TELEGRAM_BASE_URL),
} as const satisfies ChannelDescriptor<'telegram', typeof configSchema>;
