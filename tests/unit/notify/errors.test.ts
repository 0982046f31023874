/** Failure classification: which replies are worth retrying, Retry-After, body excerpts, SMTP codes. */
import { describe, expect, it } from 'vitest';
import { NotifyError, isRetryableStatus, parseRetryAfterMs } from '../../../lib/notify';
import { smtpErrorRetryable } from '../../../lib/notify/channels/email';
import { retryAfterFromJsonBodyMs } from '../../../lib/notify/errors';

describe('isRetryableStatus', () => {
  it('429, 408, 425 and 5xx are retryable; other 4xx are not', () => {
    expect([429, 408, 425, 500, 502, 503, 504].map(isRetryableStatus)).toEqual([true, true, true, true, true, true, true]);
    expect([400, 401, 403, 404, 410, 413, 422].map(isRetryableStatus)).toEqual([false, false, false, false, false, false, false]);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.UTC(2024, 6, 1, 12, 0, 0);
  it('reads delta seconds, fractional seconds and HTTP dates', () => {
    expect(parseRetryAfterMs('120', now)).toBe(120_000);
    expect(parseRetryAfterMs(' 1.5 ', now)).toBe(1_500);
    expect(parseRetryAfterMs('Mon, 01 Jul 2024 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Mon, 01 Jul 2024 11:59:00 GMT', now)).toBe(0);
  });

  it('is undefined when absent or unreadable', () => {
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
    expect(parseRetryAfterMs('', now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('-5', now)).toBeUndefined();
  });
});

describe('retryAfterFromJsonBodyMs', () => {
  it('reads Discord and Telegram 429 bodies', () => {
    expect(retryAfterFromJsonBodyMs('{"message":"You are being rate limited.","retry_after":0.75,"global":false}')).toBe(750);
    expect(retryAfterFromJsonBodyMs('{"ok":false,"error_code":429,"parameters":{"retry_after":12}}')).toBe(12_000);
    expect(retryAfterFromJsonBodyMs('rate limited')).toBeUndefined();
    expect(retryAfterFromJsonBodyMs('{"retry_after":"soon"}')).toBeUndefined();
  });
});

describe('smtpErrorRetryable', () => {
  it('4xx replies are transient, 5xx permanent, bad credentials permanent, network errors transient', () => {
    expect(smtpErrorRetryable('EENVELOPE', 451)).toBe(true);
    expect(smtpErrorRetryable('EENVELOPE', 550)).toBe(false);
    expect(smtpErrorRetryable('EAUTH', 535)).toBe(false);
    expect(smtpErrorRetryable('EAUTH', undefined)).toBe(false);
    expect(smtpErrorRetryable('ECONNECTION', undefined)).toBe(true);
    expect(smtpErrorRetryable('ETIMEDOUT', undefined)).toBe(true);
  });
});

describe('NotifyError', () => {
  it('keeps its fields', () => {
    const err = new NotifyError('slack channel: HTTP 429', { channel: 'slack', retryable: true, status: 429, retryAfterMs: 7_000 });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('NotifyError');
    expect([err.channel, err.retryable, err.status, err.retryAfterMs]).toEqual(['slack', true, 429, 7_000]);
  });
});
