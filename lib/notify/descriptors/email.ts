/** The email channel, described: SMTP with STARTTLS or TLS. Pure. */
import { z } from '../../util/zod-browser';
import { hostPortDestination } from '../../settings/redacted-secret';
import { quietHoursSchema, timeoutMsSchema } from './common';
import type { ChannelDescriptor } from './types';

const address = (what: string) => z.email({ error: `${what} must be an email address like alerts@example.com` });

const emailFields = z.strictObject({
  kind: z.literal('email'),
  host: z.string({ error: 'the SMTP host is required' }).trim().min(1, { message: 'the SMTP host must not be empty' }),
  port: z
    .number({ error: 'the SMTP port must be a number' })
    .int({ message: 'the SMTP port must be a whole number' })
    .min(1, { message: 'the SMTP port must be from 1 to 65535' })
    .max(65535, { message: 'the SMTP port must be from 1 to 65535' })
    .default(587),
  /** true: TLS from the first byte (port 465); false: plain, upgraded by STARTTLS. */
  secure: z.boolean({ error: 'secure must be true or false' }).default(false),
  /**
   * Send without TLS when the server offers no STARTTLS (or someone on the way strips it): the password
   * and the alerts then cross the network in clear text. Off unless the admin turns it on.
   */
  allowPlaintext: z.boolean({ error: 'allowPlaintext must be true or false' }).default(false),
  auth: z
    .object({
      user: z.string({ error: 'auth.user is required with auth' }).min(1, { message: 'auth.user must not be empty' }),
      pass: z.string({ error: 'auth.pass is required with auth' }),
    })
    .optional(),
  from: address('from'),
  to: z
    .array(address('every to address'), { error: 'to must be a list of email addresses' })
    .min(1, { message: 'to needs at least one address' }),
  timeoutMs: timeoutMsSchema,
  quietHours: quietHoursSchema.optional(),
});

/**
 * Earlier versions stored `requireTls` (false unless set), which made TLS optional. It is still read, so
 * those configs parse, and dropped: TLS is required of every channel, old ones included, unless
 * `allowPlaintext` says otherwise.
 */
const configSchema = emailFields
  .extend({ requireTls: z.boolean({ error: 'requireTls must be true or false' }).optional() })
  .transform(({ requireTls: _legacy, ...config }) => config);

/** A validated email channel config. */
export type EmailConfig = z.infer<typeof configSchema>;

/** The email kind. */
export const emailDescriptor = {
  kind: 'email',
  label: 'Email (SMTP)',
  description: 'Sends a plain-text email through your SMTP server, over TLS unless you allow otherwise.',
  configSchema,
  fields: [
    { key: 'host', label: 'SMTP host', type: 'text', required: true, placeholder: 'smtp.example.com' },
    { key: 'port', label: 'SMTP port', type: 'number', placeholder: '587' },
    { key: 'secure', label: 'TLS from the start (port 465)', type: 'boolean' },
    {
      key: 'allowPlaintext',
      label: 'Allow sending without TLS',
      type: 'boolean',
      warning:
        'Without TLS the password and every alert cross the network in clear text, readable and changeable on the way. Only for a trusted network.',
    },
    { key: 'auth.user', label: 'User name', type: 'text' },
    { key: 'auth.pass', label: 'Password', type: 'secret' },
    { key: 'from', label: 'From', type: 'email', required: true, placeholder: 'alerts@example.com' },
    { key: 'to', label: 'To (comma-separated)', type: 'list', required: true, placeholder: 'ops@example.com, boss@example.com' },
  ],
  secretFields: ['auth.pass'],
  secretDestination: (c) => hostPortDestination(c.host, c.port ?? 587),
  host: (c) => c.host,
} as const satisfies ChannelDescriptor<'email', typeof configSchema>;
