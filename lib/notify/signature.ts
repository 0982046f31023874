/** The webhook signature: `sha256=<hex HMAC-SHA256 of the raw body with the channel secret>`. */
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Hashwatt-Signature';
export const ALERT_ID_HEADER = 'X-Hashwatt-Alert-Id';

export function signBody(rawBody: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}
