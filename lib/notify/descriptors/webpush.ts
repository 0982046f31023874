/** The Web Push channel, described: Hashwatt's own notifications on subscribed phones and browsers. Pure. */
import { z } from '../../util/zod-browser';
import { quietHoursSchema, timeoutMsSchema } from './common';
import type { ChannelDescriptor } from './types';

/** The Urgency header values push services know, most urgent first. */
export const PUSH_URGENCIES = ['high', 'normal', 'low', 'very-low'] as const;
/** Four weeks: what push services keep at most. */
export const MAX_PUSH_TTL_SECONDS = 2_419_200;

const configSchema = z.strictObject({
  kind: z.literal('webpush'),
  userNames: z
    .array(z.string().trim().min(1, { message: 'userNames must not contain empty names' }), {
      error: 'userNames must be a list of user names',
    })
    .default([]),
  ttlSeconds: z
    .number({ error: 'ttlSeconds must be a number of seconds' })
    .int({ message: 'ttlSeconds must be a whole number of seconds' })
    .min(0, { message: 'ttlSeconds must be at least 0' })
    .max(MAX_PUSH_TTL_SECONDS, { message: `ttlSeconds must be at most ${MAX_PUSH_TTL_SECONDS} (4 weeks)` })
    .default(86_400),
  urgency: z.enum(PUSH_URGENCIES, { error: `urgency must be one of ${PUSH_URGENCIES.join(', ')}` }).default('high'),
  subject: z
    .string()
    .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, {
      message: 'subject must be a mailto: address or an https: URL (the push services contact the sender there)',
    })
    .optional(),
  timeoutMs: timeoutMsSchema,
  quietHours: quietHoursSchema.optional(),
});

/** A validated Web Push channel config. */
export type WebpushConfig = z.infer<typeof configSchema>;

/** The Web Push kind. It has no secret of its own (the VAPID keys live in app_settings) and no host: its endpoints are the subscriptions'. */
export const webpushDescriptor = {
  kind: 'webpush',
  label: 'Web Push (Hashwatt on phones)',
  description: 'Pushes to the phones and browsers where users turned on notifications in Hashwatt, each only about sites they may see.',
  configSchema,
  fields: [
    {
      key: 'userNames',
      label: 'Users (comma-separated)',
      type: 'list',
      placeholder: 'every subscriber',
      help: 'Who gets it: each turns on "Notifications on this device" in Hashwatt on their phone. Empty: everyone subscribed.',
    },
    { key: 'urgency', label: 'Urgency', type: 'select', options: PUSH_URGENCIES, help: 'High wakes a sleeping phone.' },
    {
      key: 'ttlSeconds',
      label: 'Keep for (s)',
      type: 'number',
      placeholder: '86400',
      help: 'How long the push service holds it for a phone that is off: 0 to 2419200 s.',
    },
    {
      key: 'subject',
      label: 'Contact (VAPID subject)',
      type: 'text',
      placeholder: 'mailto:ops@example.com',
      help: 'mailto: or https:. Default: HASHWATT_PUBLIC_URL when https.',
    },
  ],
  secretFields: [],
  secretDestination: () => null,
  host: () => null,
} as const satisfies ChannelDescriptor<'webpush', typeof configSchema>;
