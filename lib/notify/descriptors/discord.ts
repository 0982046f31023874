/** The Discord channel, described: a channel webhook. Pure. */
import { z } from '../../util/zod-browser';
import { httpUrl, quietHoursSchema, timeoutMsSchema, urlHost } from './common';
import type { ChannelDescriptor } from './types';

const configSchema = z.strictObject({
  kind: z.literal('discord'),
  webhookUrl: httpUrl('the Discord webhookUrl'),
  format: z.enum(['embed', 'content'], { error: 'the Discord format must be "embed" or "content"' }).default('embed'),
  timeoutMs: timeoutMsSchema,
  quietHours: quietHoursSchema.optional(),
});

/** A validated Discord channel config. */
export type DiscordConfig = z.infer<typeof configSchema>;

/** The Discord kind. Its webhook URL is the credential, and so a secret. */
export const discordDescriptor = {
  kind: 'discord',
  label: 'Discord',
  description: 'Posts to a Discord channel through its webhook, as an embed coloured by severity or as plain content.',
  configSchema,
  fields: [
    { key: 'webhookUrl', label: 'Webhook URL', type: 'url', required: true, placeholder: 'https://discord.com/api/webhooks/…' },
    { key: 'format', label: 'Format', type: 'select', options: ['embed', 'content'] },
  ],
  secretFields: ['webhookUrl'],
  // The secret is the URL itself, so a "<redacted>" URL is by definition the stored destination.
  secretDestination: () => 'the stored Discord webhook URL',
  host: (c) => urlHost(c.webhookUrl),
} as const satisfies ChannelDescriptor<'discord', typeof configSchema>;
