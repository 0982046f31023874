/**
 * ntfy: POST {baseUrl}/{topic} with the text as body and Title, Priority, Tags (and Click) headers;
 * optional bearer token. Non-ASCII header values are RFC 2047 encoded, which ntfy decodes.
 */
import { postOnce, type HttpRequestSpec } from '../http';
import type { NotifyNet } from '../net';
import { LIMITS, renderBody, renderTitle, truncateText } from '../render';
import type { AlertNotification, AlertSeverity, Channel } from '../types';
import { anyFiring, joinUrl } from './common';
import type { NtfyConfig } from '../descriptors/ntfy';

const PRIORITY: Readonly<Record<AlertSeverity, string>> = { critical: '5', warning: '4', info: '3' };
const SEVERITY_RANK: Readonly<Record<AlertSeverity, number>> = { info: 0, warning: 1, critical: 2 };

/** A header value as ASCII: itself when it is printable ASCII, else RFC 2047 "=?UTF-8?B?...?=". */
export function asciiHeaderValue(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** ntfy priority: the most severe firing alert (5 urgent, 4 high, 3 default); 2 (low) when all resolved. */
export function ntfyPriority(n: AlertNotification): string {
  const firing = n.alerts.filter((a) => a.state === 'firing');
  if (firing.length === 0) return '2';
  const top = firing.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));
  return PRIORITY[top.severity];
}

/** The request an ntfy channel sends (pure). */
export function ntfyRequest(config: Pick<NtfyConfig, 'baseUrl' | 'topic' | 'token'>, n: AlertNotification): HttpRequestSpec {
  const firing = anyFiring(n.alerts);
  const headers: Record<string, string> = {
    'Content-Type': 'text/plain; charset=utf-8',
    Title: asciiHeaderValue(truncateText(renderTitle(n), LIMITS.ntfyTitleChars)),
    Priority: ntfyPriority(n),
    Tags: firing ? 'rotating_light,hashwatt' : 'white_check_mark,hashwatt',
  };
  const link = n.alerts.find((a) => a.dashboardUrl)?.dashboardUrl;
  if (link) headers.Click = asciiHeaderValue(link);
  if (config.token) headers.Authorization = `Bearer ${config.token}`;
  return { url: joinUrl(config.baseUrl, config.topic), headers, body: renderBody(n, LIMITS.ntfyMessageBytes, 'utf8-bytes') };
}

/** The channel, sending through `net` (where it may connect). */
export function ntfyChannel(config: NtfyConfig, net: NotifyNet): Channel {
  return {
    kind: 'ntfy',
    send: (n, signal) => postOnce({ channel: 'ntfy', ...ntfyRequest(config, n), timeoutMs: config.timeoutMs, signal, net }),
  };
}
