/**
 * Generic webhook: POSTs the notification as JSON, signed with `X-Hashwatt-Signature: sha256=<hex HMAC>`
 * of the exact body bytes; `X-Hashwatt-Alert-Id` lists the alert ids (comma-separated) for de-duplication.
 */
import { postOnce, type HttpRequestSpec } from '../http';
import type { NotifyNet } from '../net';
import { renderTitle } from '../render';
import { ALERT_ID_HEADER, SIGNATURE_HEADER, signBody } from '../signature';
import type { AlertNotification, Channel } from '../types';
import type { WebhookConfig } from '../descriptors/webhook';

/** The `version` of the JSON body; raised when its shape changes. */
export const WEBHOOK_PAYLOAD_VERSION = 1;

/** The request a webhook channel sends (pure). */
export function webhookRequest(config: Pick<WebhookConfig, 'url' | 'secret'>, n: AlertNotification): HttpRequestSpec {
  const body = JSON.stringify({
    version: WEBHOOK_PAYLOAD_VERSION,
    groupKey: n.groupKey,
    siteName: n.siteName,
    title: renderTitle(n),
    alerts: n.alerts,
  });
  return {
    url: config.url,
    headers: {
      'Content-Type': 'application/json',
      [SIGNATURE_HEADER]: signBody(body, config.secret),
      [ALERT_ID_HEADER]: n.alerts.map((a) => a.alertId).join(','),
    },
    body,
  };
}

/** The channel, sending through `net` (where it may connect). */
export function webhookChannel(config: WebhookConfig, net: NotifyNet): Channel {
  return {
    kind: 'webhook',
    send: (n, signal) => postOnce({ channel: 'webhook', ...webhookRequest(config, n), timeoutMs: config.timeoutMs, signal, net }),
  };
}
