/**
 * Email over SMTP with nodemailer: subject is the rendered title, the text body lists the alerts. A new
 * connection per send (alerts are rare; nothing to keep alive between sweeps). The connection is ours,
 * not nodemailer's: it goes to the address the channel's checked resolver allowed (../net.ts), the whole
 * exchange has one deadline, the server's replies are cut at SMTP_REPLY_MAX_BYTES (nodemailer itself
 * buffers a reply line without limit), and a cancel ends it at once. The server's reply text is never
 * quoted in the error, only its code.
 */
import { connect, type Socket } from 'node:net';
import nodemailer from 'nodemailer';
import { OutboundRefused } from '../../net/checked-resolve';
import { NotifyError } from '../errors';
import type { NotifyNet } from '../net';
import { LIMITS, renderBody, renderTitle, truncateText } from '../render';
import { ALERT_ID_HEADER } from '../signature';
import type { AlertNotification, Channel } from '../types';
import type { EmailConfig } from '../descriptors/email';

/** The longest text body sent; far beyond any real group. */
export const EMAIL_BODY_MAX_CHARS = 100_000;

/** One email as sent: addresses, subject, text body and the alert-id header. */
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

/** The channel, connecting through `net` (where it may connect). */
export function emailChannel(config: EmailConfig, net: NotifyNet): Channel {
  return { kind: 'email', send: (n, signal) => sendEmail(config, emailMessage(config, n), net, signal) };
}

/** Bytes an SMTP server may send in one exchange: its greeting, EHLO list and replies are a few kB. */
export const SMTP_REPLY_MAX_BYTES = 256 * 1024;
/** A send (connect, TLS, EHLO, AUTH, MAIL, RCPT per recipient, DATA) may take this many timeouts in all. */
export const EMAIL_DEADLINE_TIMEOUTS = 3;
/** How often the bytes received are counted (what may pass the cap in between is what arrives in this time). */
const BYTE_CHECK_MS = 20;

/** Why a send stopped on our side: the deadline, a cancel, or a server that sent too much. */
class SendStopped extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

async function sendEmail(config: EmailConfig, message: EmailMessage, net: NotifyNet, signal?: AbortSignal): Promise<void> {
  const where = `${config.host}:${config.port}`;
  if (signal?.aborted) throw new NotifyError(`email channel: sending to ${where} was cancelled`, { channel: 'email', retryable: true });
  let socket: Socket | null = null;
  let stopped: SendStopped | null = null;
  const stop = (reason: SendStopped) => {
    stopped ??= reason;
    socket?.destroy(reason);
    rejectStop(reason);
  };
  let rejectStop: (reason: SendStopped) => void = () => {};
  const stopping = new Promise<never>((_, reject) => (rejectStop = reject));
  stopping.catch(() => {});
  const deadlineMs = config.timeoutMs * EMAIL_DEADLINE_TIMEOUTS;
  const deadline = setTimeout(
    () => stop(new SendStopped(`email channel: ${where} did not complete the send within ${deadlineMs} ms`, true)),
    deadlineMs,
  );
  const onAbort = () => stop(new SendStopped(`email channel: sending to ${where} was cancelled`, true));
  signal?.addEventListener('abort', onAbort, { once: true });
  const counter = setInterval(() => {
    if (socket && socket.bytesRead > SMTP_REPLY_MAX_BYTES)
      stop(new SendStopped(`email channel: ${where} sent more than ${SMTP_REPLY_MAX_BYTES} bytes; connection dropped`, true));
  }, BYTE_CHECK_MS);

  const transport = nodemailer.createTransport({
    ...smtpTransportOptions(config),
    ...(net.ca ? { tls: { ca: net.ca } } : {}),
    // The connection to the checked address (TLS, when asked, is still nodemailer's, named for config.host).
    getSocket: (_options: unknown, callback: (err: Error | null, socketOptions?: { connection: Socket } | false) => void) => {
      net
        .channelResolve(config.host)
        .then(([target]) => {
          if (stopped) return callback(stopped);
          const s = connect({ host: target.address, port: config.port });
          socket = s;
          const fail = (err: Error) => callback(err);
          s.once('error', fail);
          s.once('connect', () => {
            s.off('error', fail);
            callback(null, { connection: s });
          });
        })
        .catch((err: unknown) => callback(err as Error));
    },
  });
  const sending = transport.sendMail(message);
  sending.catch(() => {});
  try {
    await Promise.race([sending, stopping]);
  } catch (err) {
    throw emailError(where, stopped ?? err);
  } finally {
    clearTimeout(deadline);
    clearInterval(counter);
    signal?.removeEventListener('abort', onAbort);
    transport.close();
    (socket as Socket | null)?.destroy();
  }
}

function emailError(where: string, err: unknown): NotifyError {
  if (err instanceof SendStopped) return new NotifyError(err.message, { channel: 'email', retryable: err.retryable, cause: err });
  if (err instanceof OutboundRefused) {
    return new NotifyError(`email channel: ${err.reason === 'policy' ? `not sent to ${where}: ` : ''}${err.message}`, {
      channel: 'email',
      retryable: err.reason !== 'policy',
      cause: err,
    });
  }
  const e = err as { code?: string; responseCode?: number };
  const status = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const what =
    e.code === 'ETLS'
      ? 'could not start TLS; this channel sends only over TLS (allowPlaintext sends in clear text, for a trusted network only)'
      : status
        ? `replied ${status}${e.code ? ` (${e.code})` : ''}`
        : `failed (${e.code ?? 'error'})`;
  return new NotifyError(`email channel: ${where} ${what}`, {
    channel: 'email',
    retryable: smtpErrorRetryable(e.code, status),
    ...(status === undefined ? {} : { status }),
    cause: err,
  });
}
