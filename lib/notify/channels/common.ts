/** Config pieces every channel shares: HTTP(S) URLs, the request timeout, quiet hours. */
import { z } from 'zod';
import { DEFAULT_TIMEOUT_MS } from '../http';
import { isKnownTimeZone } from '../quiet-hours';

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** An http(s) URL; `what` names it in the error, e.g. "the webhook URL". */
export function httpUrl(what: string) {
  return z.string({ error: `${what} is required` }).refine(isHttpUrl, { message: `${what} must be an http or https URL` });
}

export const timeoutMsSchema = z
  .number({ error: 'timeoutMs must be a number of milliseconds' })
  .int({ message: 'timeoutMs must be a whole number of milliseconds' })
  .min(100, { message: 'timeoutMs must be at least 100' })
  .max(120_000, { message: 'timeoutMs must be at most 120000 (2 minutes)' })
  .default(DEFAULT_TIMEOUT_MS);

/** `base` without trailing slashes, so `${base}/path` never doubles them. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path}`;
}

/** True when any alert of the notification is firing. */
export function anyFiring(alerts: readonly { state: string }[]): boolean {
  return alerts.some((a) => a.state === 'firing');
}

const clock = (field: string) =>
  z.string({ error: `quietHours.${field} is required, as HH:MM` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
    message: `quietHours.${field} must be HH:MM from 00:00 to 23:59`,
  });

/** Optional on every channel: when the channel stays silent (the delivery queue holds messages back). */
export const quietHoursSchema = z.strictObject({
  start: clock('start'),
  end: clock('end'),
  timeZone: z
    .string({ error: 'quietHours.timeZone is required, e.g. "Europe/Berlin"' })
    .refine(isKnownTimeZone, { message: 'quietHours.timeZone must be an IANA time zone such as "Europe/Berlin"' }),
});
