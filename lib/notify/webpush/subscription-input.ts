/**
 * A browser's PushSubscription (its `toJSON()`: endpoint, keys.p256dh, keys.auth) as the API receives it,
 * validated with one specific message per problem. Endpoints are capability URLs: messages never echo them
 * (the host alone may be named). An endpoint must be an https URL whose host is not an IP address outside
 * the public ranges nor `localhost`; what a host name resolves to is checked by endpoint-check.ts when the
 * subscription is saved, and again at every connect. Pure (node:crypto only checks that the key is a point
 * on the curve). Checked with zod, each rule carrying its message (the API and the tests show these), worded
 * through the one issue formatter (lib/util/zod-issues.ts).
 */
import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { classifyAddress } from '../../net/address-class';
import { PUBLIC_ONLY } from '../../net/outbound-policy';
import { err, ok, type Parsed } from '../../util/result';
import { issueMessages, type IssueWording } from '../../util/zod-issues';

/** A subscription as stored: base64url keys without padding. */
export interface SubscriptionInput {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** A subscription, or the messages naming what is wrong. */
export type ParsedSubscription = Parsed<SubscriptionInput>;
/** An endpoint, or the messages naming what is wrong. */
export type ParsedEndpoint = Parsed<string>;

export const MAX_ENDPOINT_CHARS = 2048;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** What every endpoint message starts with when its address is refused. */
export const PUBLIC_ENDPOINT_RULE = 'endpoint must be a push service at a public address';

const ENDPOINT_REQUIRED = 'endpoint is required: the push service URL of the subscription';

function isUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/** Present, a URL, not too long: what any endpoint must be, even one saved under older rules. */
const endpointShapeSchema = z
  .string({ error: ENDPOINT_REQUIRED })
  .refine((e) => e.trim() !== '', { error: ENDPOINT_REQUIRED, abort: true })
  .refine((e) => e.length <= MAX_ENDPOINT_CHARS, { error: `endpoint must be at most ${MAX_ENDPOINT_CHARS} characters`, abort: true })
  .refine(isUrl, { error: 'endpoint is not a URL', abort: true });

/** The problem with an endpoint that is a URL, or null: https, no credentials, its host not a non-public IP. */
function endpointAddressProblem(endpoint: string): string | null {
  const url = new URL(endpoint);
  if (url.protocol !== 'https:') return 'endpoint must be an https URL';
  if (url.username || url.password) return 'endpoint must not carry a user name or password';
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return `${PUBLIC_ENDPOINT_RULE}: ${host} is this machine`;
  if (classifyAddress(host) !== null) {
    const problem = PUBLIC_ONLY.problem(host, host.replace(/^\[(.*)\]$/, '$1'));
    if (problem) return `${PUBLIC_ENDPOINT_RULE}: ${problem}`;
  }
  return null;
}

/** An endpoint a new subscription may have. */
const endpointSchema = endpointShapeSchema.superRefine((endpoint, ctx) => {
  const problem = endpointAddressProblem(endpoint);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A key as base64url text (`field` names it), decoded to its bytes. */
function base64urlKey(field: string) {
  return z
    .string({ error: `${field} is required (base64url)` })
    .refine((text) => text !== '', { error: `${field} is required (base64url)`, abort: true })
    .regex(BASE64URL, { error: `${field} must be base64url (letters, digits, - and _)`, abort: true })
    .transform((text) => Buffer.from(text, 'base64url'));
}

function p256dhProblem(bytes: Buffer): string | null {
  if (bytes.length !== 65) return `keys.p256dh must decode to 65 bytes (an uncompressed P-256 public key), got ${bytes.length}`;
  if (bytes[0] !== 0x04) return 'keys.p256dh must be an uncompressed point (first byte 0x04)';
  try {
    createPublicKey({
      key: { kty: 'EC', crv: 'P-256', x: bytes.subarray(1, 33).toString('base64url'), y: bytes.subarray(33).toString('base64url') },
      format: 'jwk',
    });
    return null;
  } catch {
    return 'keys.p256dh is not a point on the P-256 curve';
  }
}

/** A PushSubscription's JSON; other fields (expirationTime, ...) are dropped. */
const subscriptionSchema = z.object(
  {
    endpoint: endpointSchema,
    keys: z.object(
      {
        p256dh: base64urlKey('keys.p256dh').superRefine((bytes, ctx) => {
          const problem = p256dhProblem(bytes);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
        auth: base64urlKey('keys.auth').refine((bytes) => bytes.length === 16, {
          error: (issue) => `keys.auth must decode to 16 bytes (the subscription's auth secret), got ${(issue.input as Buffer).length}`,
        }),
      },
      { error: 'keys is required: { p256dh, auth } as PushSubscription.toJSON() gives them' },
    ),
  },
  { error: 'the body must be a PushSubscription as JSON: { endpoint, keys: { p256dh, auth } }' },
);

/** The body of an unsubscribe. */
const endpointBodySchema = z.object({ endpoint: endpointShapeSchema }, { error: 'the body must be JSON: { endpoint }' });

/**
 * Each rule above carries its message (worded before zod: the API and the tests show these); none quotes
 * the endpoint, a capability URL.
 */
const SUBSCRIPTION_WORDING: IssueWording = { subject: 'the subscription', custom: (issue) => issue.message };

/** Validates a PushSubscription JSON (other fields, such as expirationTime, are ignored). */
export function parseSubscription(body: unknown): ParsedSubscription {
  const parsed = subscriptionSchema.safeParse(body);
  if (!parsed.success) return err(issueMessages(parsed.error.issues, SUBSCRIPTION_WORDING, Number.MAX_SAFE_INTEGER));
  const { endpoint, keys } = parsed.data;
  return ok({ endpoint, p256dh: keys.p256dh.toString('base64url'), auth: keys.auth.toString('base64url') });
}

/** The `{ endpoint }` body of an unsubscribe: any stored endpoint may be removed, even one saved under older rules. */
export function parseEndpointBody(body: unknown): ParsedEndpoint {
  const parsed = endpointBodySchema.safeParse(body);
  return parsed.success ? ok(parsed.data.endpoint) : err(issueMessages(parsed.error.issues, SUBSCRIPTION_WORDING, Number.MAX_SAFE_INTEGER));
}
