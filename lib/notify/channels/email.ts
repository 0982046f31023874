/**
 * Email over SMTP with nodemailer: subject is the rendered title, the text body lists the alerts. A new
 * connection per send (alerts are rare; nothing to keep alive between sweeps).
 */
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { NotifyError, bodyExcerpt } from '../errors';
import { LIMITS, renderBody, renderTitle, truncateText } from '../render';
import { ALERT_ID_HEADER } from '../signature';
import type { AlertNotification, Channel } from '../types';
import { quietHoursSchema, timeoutMsSchema } from './common';

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
  to: z.array(address('every to address'), { error: 'to must be a list of email addresses' }).min(1, { message: 'to needs at least one address' }),
  timeoutMs: timeoutMsSchema,
  quietHours: quietHoursSchema.optional(),
});

/**
 * Earlier versions stored `requireTls` (false unless set), which made TLS optional. It is still read, so
 * those configs parse, and dropped: TLS is required of every channel, old ones included, unless
 * `allowPlaintext` says otherwise.
 */
export const emailConfigSchema = emailFields
  .extend({ requireTls: z.boolean({ error: 'requireTls must be true or false' }).optional() })
  .transform(({ requireTls: _legacy, ...config }) => config);

export type EmailConfig = z.infer<typeof emailConfigSchema>;

/** The longest text body sent; far beyond any real group. */
export const EMAIL_BODY_MAX_CHARS = 100_000;

export interface EmailMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  headers: Record<string, string>;
}

/** The message (pure). */
export function emailMessage(config: Pick<EmailConfig, 'from' | 'to'>, n: AlertNotification): EmailMessage {
  return {
    from: config.from,
    to: [...config.to],
    subject: truncateText(renderTitle(n), LIMITS.emailSubjectChars),
    text: renderBody(n, EMAIL_BODY_MAX_CHARS),
    headers: { [ALERT_ID_HEADER]: n.alerts.map((a) => a.alertId).join(',') },
  };
}

/**
 * SMTP 4xx replies are transient, 5xx permanent; without a reply, bad credentials or addresses and a TLS
 * that cannot be started (no STARTTLS, an untrusted certificate) are permanent: they need the admin.
 */
export function smtpErrorRetryable(code: string | undefined, responseCode: number | undefined): boolean {
  if (code === 'ETLS') return false;
  if (responseCode !== undefined && responseCode >= 400) return responseCode < 500;
  return !(code === 'EAUTH' || code === 'EENVELOPE' || code === 'EMESSAGE');
}

/** The nodemailer transport options of a channel: STARTTLS required unless allowPlaintext is set. */
export function smtpTransportOptions(config: EmailConfig) {
  return {
    host: config.host,
    port: config.port,
    secure: config.secure,
    // STARTTLS is tried whenever offered; required, it is also tried when not offered and never skipped.
    requireTLS: !config.secure && !config.allowPlaintext,
    ...(config.auth ? { auth: { user: config.auth.user, pass: config.auth.pass } } : {}),
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs,
  };
}

export function emailChannel(config: EmailConfig): Channel {
  return { kind: 'email', send: (n, signal) => sendEmail(config, emailMessage(config, n), signal) };
}

async function sendEmail(config: EmailConfig, message: EmailMessage, signal?: AbortSignal): Promise<void> {
  const where = `${config.host}:${config.port}`;
  if (signal?.aborted) throw new NotifyError(`email channel: sending to ${where} was cancelled`, { channel: 'email', retryable: true });
  const transport = nodemailer.createTransport(smtpTransportOptions(config));
  // nodemailer cannot cancel a send in progress: on abort stop waiting at once; the connection then ends
  // by its own timeouts (at most timeoutMs) and its late outcome is ignored.
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new NotifyError(`email channel: sending to ${where} was cancelled`, { channel: 'email', retryable: true }));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  const sending = transport.sendMail(message);
  sending.catch(() => {});
  aborted.catch(() => {});
  try {
    await Promise.race([sending, aborted]);
  } catch (err) {
    if (err instanceof NotifyError) throw err;
    const e = err as { code?: string; responseCode?: number; response?: string; message?: string };
    const excerpt = bodyExcerpt(e.response ?? e.message ?? String(err));
    const status = typeof e.responseCode === 'number' ? e.responseCode : undefined;
    const what =
      e.code === 'ETLS'
        ? `could not start TLS: ${excerpt}; this channel sends only over TLS (allowPlaintext sends in clear text, for a trusted network only)`
        : `${status ? `replied ${status}` : `failed (${e.code ?? 'error'})`}: ${excerpt}`;
    throw new NotifyError(`email channel: ${where} ${what}`, {
      channel: 'email',
      retryable: smtpErrorRetryable(e.code, status),
      ...(status === undefined ? {} : { status }),
      bodyExcerpt: excerpt,
      cause: err,
    });
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    transport.close();
  }
}
