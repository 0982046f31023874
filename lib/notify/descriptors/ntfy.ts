/** The ntfy channel, described: phone push through an ntfy server's topic. Pure. */
import { z } from '../../util/zod-browser';
import { urlDestination } from '../../settings/redacted-secret';
import { httpUrl, quietHoursSchema, timeoutMsSchema, urlHost } from './common';
import type { ChannelDescriptor } from './types';

/** ntfy's public server. */
export const DEFAULT_NTFY_BASE_URL = 'https://ntfy.sh';

const configSchema = z.strictObject({
  kind: z.literal('ntfy'),
  baseUrl: httpUrl('the ntfy baseUrl').default(DEFAULT_NTFY_BASE_URL),
  topic: z
    .string({ error: 'the ntfy topic is required' })
    .regex(/^[-_A-Za-z0-9]{1,64}$/, { message: 'the ntfy topic must be 1 to 64 letters, digits, - or _' }),
  token: z.string().min(1, { message: 'the ntfy token must not be empty (leave it out instead)' }).optional(),
  timeoutMs: timeoutMsSchema,
  quietHours: quietHoursSchema.optional(),
});

/** A validated ntfy channel config. */
export type NtfyConfig = z.infer<typeof configSchema>;

/** The ntfy kind. */
export const ntfyDescriptor = {
  kind: 'ntfy',
  label: 'ntfy (phone push)',
  description: 'Publishes to an ntfy topic (ntfy.sh or your own server); the ntfy app on a phone shows it with a priority by severity.',
  configSchema,
  fields: [
    { key: 'baseUrl', label: 'Server URL', type: 'url', placeholder: DEFAULT_NTFY_BASE_URL },
    {
      key: 'topic',
      label: 'Topic',
      type: 'text',
      required: true,
      placeholder: 'hashwatt-alerts',
      help: '1 to 64 letters, digits, - or _.',
    },
    { key: 'token', label: 'Access token', type: 'secret', help: 'Only for protected topics.' },
  ],
  secretFields: ['token'],
  secretDestination: (c) => urlDestination(c.baseUrl ?? DEFAULT_NTFY_BASE_URL),
  host: (c) => urlHost(c.baseUrl ?? DEFAULT_NTFY_BASE_URL),
} as const satisfies ChannelDescriptor<'ntfy', typeof configSchema>;
