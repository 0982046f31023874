/** The Slack channel, described: an incoming webhook. Pure. */
import { z } from '../../util/zod-browser';
import { httpUrl, quietHoursSchema, timeoutMsSchema, urlHost } from './common';
import type { ChannelDescriptor } from './types';

const configSchema = z.strictObject({
  kind: z.literal('slack'),
  webhookUrl: httpUrl('the Slack webhookUrl'),
  format: z.enum(['blocks', 'text'], { error: 'the Slack format must be "blocks" or "text"' }).default('blocks'),
  timeoutMs: timeoutMsSchema,
  quietHours: quietHoursSchema.optional(),
});

/** A validated Slack channel config. */
export type SlackConfig = z.infer<typeof configSchema>;

/** The Slack kind. Its webhook URL is the credential, and so a secret. */
export const slackDescriptor = {
  kind: 'slack',
  label: 'Slack',
  description: 'Posts to a Slack channel through an incoming webhook, as blocks or plain text.',
  configSchema,
  fields: [
    { key: 'webhookUrl', label: 'Incoming webhook URL', type: 'url', required: true, placeholder: 'https://hooks.slack.com/services/…' },
    { key: 'format', label: 'Format', type: 'select', options: ['blocks', 'text'] },
  ],
  secretFields: ['webhookUrl'],
  // The secret is the URL itself, so a "<redacted>" URL is by definition the stored destination.
  secretDestination: () => 'the stored Slack webhook URL',
  host: (c) => urlHost(c.webhookUrl),
} as const satisfies ChannelDescriptor<'slack', typeof configSchema>;
