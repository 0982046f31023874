/**
 * NotifyError: why a delivery failed and whether retrying may help. Pure: classification of HTTP statuses
 * and Retry-After parsing. Messages never contain a URL path or query (webhook URLs and bot tokens are
 * secrets), only the receiver's host, and never the receiver's reply beyond its status: the message is
 * shown to people (the channel's health, a test send, a subscription's last error) and a reply could
 * carry whatever the host behind the URL holds.
 */
import type { ChannelKind } from './types';

export interface NotifyErrorInfo {
  channel: ChannelKind;
  retryable: boolean;
  /** The HTTP status (or SMTP reply code) when the receiver answered. */
  status?: number;
  /** How long the receiver asked us to wait (HTTP 429 Retry-After, Discord/Telegram retry_after). */
  retryAfterMs?: number;
  cause?: unknown;
}

export class NotifyError extends Error {
  readonly channel: ChannelKind;
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(message: string, info: NotifyErrorInfo) {
    super(message, info.cause === undefined ? undefined : { cause: info.cause });
    this.name = 'NotifyError';
    this.channel = info.channel;
    this.retryable = info.retryable;
    if (info.status !== undefined) this.status = info.status;
    if (info.retryAfterMs !== undefined) this.retryAfterMs = info.retryAfterMs;
  }
}

/** 408 (request timeout), 425 (too early), 429 and every 5xx may succeed later; other 4xx will not. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/**
 * A Retry-After header value in milliseconds: delta-seconds ("120", "1.5") or an HTTP date relative to
 * `nowMs`. Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/[A-Za-z]/.test(text)) return undefined; // an HTTP date names its weekday and month
  const dateMs = Date.parse(text);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, dateMs - nowMs);
}

/** Discord ({retry_after: seconds}) and Telegram ({parameters: {retry_after: seconds}}) 429 bodies. */
export function retryAfterFromJsonBodyMs(body: string): number | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as { retry_after?: unknown; parameters?: { retry_after?: unknown } };
  const seconds = record.retry_after ?? record.parameters?.retry_after;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : undefined;
}
