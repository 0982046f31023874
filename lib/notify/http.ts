/**
 * The HTTP shell every HTTP channel uses: one POST through a checked connect (../net/checked-request:
 * only to destinations the channel's resolver allows, no redirects, one deadline for the whole exchange,
 * the reply cut at NOTIFY_REPLY_MAX_BYTES), mapped to NotifyError (network error, timeout, 408/425/429,
 * 5xx: retryable; other 4xx and a forbidden destination: not). The receiver's reply is never quoted back:
 * errors name the status and the host only (a reply could be anything the receiver, or whatever the URL
 * really points at, chose to say).
 */
import { checkedRequest, RequestFailed } from '../net/checked-request';
import type { Resolve } from '../net/checked-resolve';
import { NotifyError, isRetryableStatus, parseRetryAfterMs, retryAfterFromJsonBodyMs } from './errors';
import { NOTIFY_REPLY_MAX_BYTES, type NotifyNet } from './net';
import type { ChannelKind } from './types';

/** One POST request, built by a channel's pure request function. */
export interface HttpRequestSpec {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A POST as sent: the body may be bytes (Web Push sends an encrypted record). */
export interface HttpPost extends Omit<HttpRequestSpec, 'body'> {
  body: string | Uint8Array;
  channel: ChannelKind;
  timeoutMs: number;
  signal?: AbortSignal;
  /** How the receiver is reached (the channel's resolver and trust). */
  net: NotifyNet;
  /** Which of net's resolvers applies: 'push' for Web Push endpoints, 'channel' for the rest. */
  destination?: 'channel' | 'push';
}

/** Host and port only: paths and queries of webhook URLs carry secrets. */
export function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid URL';
  }
}

/** POSTs once; resolves on 2xx, throws NotifyError otherwise. */
export async function postOnce(req: HttpPost): Promise<void> {
  const host = safeHost(req.url);
  const push = req.destination === 'push';
  const resolve: Resolve = push ? req.net.pushResolve : req.net.channelResolve;
  let reply;
  try {
    reply = await checkedRequest({
      url: req.url,
      method: 'POST',
      headers: req.headers,
      body: req.body,
      timeoutMs: req.timeoutMs,
      signal: req.signal,
      maxReplyBytes: NOTIFY_REPLY_MAX_BYTES,
      resolve,
      ca: req.net.ca,
      protocols: push ? ['https:'] : ['http:', 'https:'],
    });
  } catch (err) {
    throw networkError(req, host, err);
  }
  if (reply.status >= 200 && reply.status <= 299) return;
  const retryAfterMs =
    reply.status === 429
      ? (parseRetryAfterMs(headerText(reply.headers['retry-after']), Date.now()) ?? retryAfterFromJsonBodyMs(reply.body.toString('utf8')))
      : undefined;
  const wait = retryAfterMs === undefined ? '' : ` (retry after ${retryAfterMs} ms)`;
  throw new NotifyError(`${req.channel} channel: HTTP ${reply.status} from ${host}${wait}`, {
    channel: req.channel,
    retryable: isRetryableStatus(reply.status),
    status: reply.status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function networkError(req: HttpPost, host: string, err: unknown): NotifyError {
  const channel = req.channel;
  if (!(err instanceof RequestFailed)) {
    return new NotifyError(`${channel} channel: cannot reach ${host}`, { channel, retryable: true, cause: err });
  }
  switch (err.kind) {
    case 'refused':
      // Where it may not go it will not go later either (until DNS or the operator's list changes).
      return new NotifyError(`${channel} channel: not sent to ${host}: ${err.message}`, { channel, retryable: false, cause: err });
    case 'timeout':
      return new NotifyError(`${channel} channel: no reply from ${host} within ${req.timeoutMs} ms`, {
        channel,
        retryable: true,
        cause: err,
      });
    case 'aborted':
      return new NotifyError(`${channel} channel: sending to ${host} was cancelled`, { channel, retryable: true, cause: err });
    case 'network':
      return new NotifyError(`${channel} channel: ${err.message}`, { channel, retryable: true, cause: err });
  }
}
