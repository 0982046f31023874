/** Config pieces every channel kind shares: HTTP(S) URLs, the request timeout, quiet hours, and their form fields. Pure. */
import { z } from '../../util/zod-browser';
import { isKnownTimeZone } from '../quiet-hours';
import type { ChannelField } from './types';

/** How long one send may take unless the channel says otherwise. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** True for an http: or https: URL with a host. */
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

/** The request timeout every channel takes. */
export const timeoutMsSchema = z
  .number({ error: 'timeoutMs must be a number of milliseconds' })
  .int({ message: 'timeoutMs must be a whole number of milliseconds' })
  .min(100, { message: 'timeoutMs must be at least 100' })
  .max(120_000, { message: 'timeoutMs must be at most 120000 (2 minutes)' })
  .default(DEFAULT_TIMEOUT_MS);

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

/** The form fields every kind has, all optional: the timeout and quiet hours. */
export const COMMON_FIELDS: readonly ChannelField[] = [
  { key: 'timeoutMs', label: 'Timeout (ms)', type: 'number', placeholder: 'default', help: '100 to 120000 ms.' },
  { key: 'quietHours.start', label: 'Quiet from (HH:MM)', type: 'text', placeholder: '22:00' },
  { key: 'quietHours.end', label: 'Quiet until (HH:MM)', type: 'text', placeholder: '07:00' },
  { key: 'quietHours.timeZone', label: 'Quiet hours time zone', type: 'text', placeholder: 'Europe/Berlin' },
];

/** The host name of a URL the schema has already checked. */
export function urlHost(url: string): string {
  return new URL(url).hostname;
}
