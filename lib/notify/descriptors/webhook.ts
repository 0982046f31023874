/** The generic webhook channel, described: a signed JSON POST to any URL. Pure. */
import { z } from '../../util/zod-browser';
import { urlDestination } from '../../settings/redacted-secret';
import { httpUrl, quietHoursSchema, timeoutMsSchema, urlHost } from './common';
import type { ChannelDescriptor } from './types';

const configSchema = z.strictObject({
  kind: z.literal('webhook'),
  url: httpUrl('the webhook url'),
  secret: z
    .string({ error: 'the webhook secret is required (it signs every request)' })
    .min(16, { message: 'the webhook secret must be at least 16 characters' }),
  timeoutMs: timeoutMsSchema,
  quietHours: quietHoursSchema.optional(),
});

/** A validated webhook channel config. */
export type WebhookConfig = z.infer<typeof configSchema>;

/** The webhook kind. */
export const webhookDescriptor = {
  kind: 'webhook',
  label: 'Webhook',
  description: 'POSTs each notification as JSON to your URL, signed with an HMAC of the body (X-Hashwatt-Signature).',
  configSchema,
  fields: [
    { key: 'url', label: 'URL', type: 'url', required: true, placeholder: 'https://example.com/hooks/hashwatt' },
    {
      key: 'secret',
      label: 'Signing secret',
      type: 'secret',
      required: true,
      help: 'At least 16 characters; every request carries X-Hashwatt-Signature: sha256=HMAC of the body.',
    },
  ],
  secretFields: ['secret'],
  secretDestination: (c) => urlDestination(c.url),
  host: (c) => urlHost(c.url),
} as const satisfies ChannelDescriptor<'webhook', typeof configSchema>;
