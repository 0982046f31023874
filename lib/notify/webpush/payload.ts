/**
 * What a push message says: the JSON the service worker (public/sw.js) turns into a notification.
 * Pure: the title, the alerts as text within the encrypted record's room, the link, and a tag so a
 * resolution replaces its alert's notification on the device.
 */
import { fitEscaped, renderBody, renderTitle, truncateText } from '../render';
import type { AlertNotification } from '../types';
import { MAX_PLAINTEXT_BYTES } from './ece';

export interface PushPayload {
  title: string;
  body: string;
  /** Where a tap leads: the alert page of HASHWATT_PUBLIC_URL, else the relative '/alerts'. */
  url: string;
  /** One notification per alert (or per group when several go together) on the device. */
  tag: string;
  /** True when any alert of the message is firing (the service worker keeps those on screen). */
  firing: boolean;
}

/** Notification titles are cut by the phone anyway; keep room for the body. */
export const PUSH_TITLE_CHARS = 120;

/** The payload as JSON within `maxBytes` (UTF-8), the body shortened to fit. */
export function renderPushPayload(n: AlertNotification, maxBytes: number = MAX_PLAINTEXT_BYTES): string {
  const single = n.alerts.length === 1 ? n.alerts[0] : null;
  const base: Omit<PushPayload, 'body'> = {
    title: truncateText(renderTitle(n), PUSH_TITLE_CHARS),
    url: n.alerts.find((a) => a.dashboardUrl)?.dashboardUrl ?? '/alerts',
    tag: `hashwatt:${single ? single.alertId : n.groupKey}`,
    firing: n.alerts.some((a) => a.state === 'firing'),
  };
  const json = (body: string) => JSON.stringify({ title: base.title, body, url: base.url, tag: base.tag, firing: base.firing });
  const out = fitEscaped((budget) => renderBody(n, budget, 'utf8-bytes'), json, maxBytes, 'utf8-bytes');
  if (out === '') throw new Error(`a push payload needs more than ${maxBytes} bytes for its title and link`);
  return out;
}
