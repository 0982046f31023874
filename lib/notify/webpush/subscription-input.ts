/**
 * A browser's PushSubscription (its `toJSON()`: endpoint, keys.p256dh, keys.auth) as the API receives it,
 * validated with one specific message per problem. Endpoints are capability URLs: messages never echo them
 * (the host alone may be named). An endpoint must be an https URL whose host is not an IP address outside
 * the public ranges nor `localhost`; what a host name resolves to is checked by endpoint-check.ts when the
 * subscription is saved, and again at every connect. Pure (node:crypto only checks that the key is a point
 * on the curve).
 */
import { createPublicKey } from 'node:crypto';
import { classifyAddress } from '../../net/address-class';
import { PUBLIC_ONLY } from '../../net/outbound-policy';
import { err, ok, type Parsed } from '../../util/result';

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

/** The problem with `endpoint` as text, or null: an https URL, no credentials, its host not a non-public IP. */
export function endpointProblem(endpoint: unknown): string | null {
  const shape = endpointShapeProblem(endpoint);
  if (shape) return shape;
  const url = new URL(endpoint as string);
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

/** Present, a URL, not too long. */
function endpointShapeProblem(endpoint: unknown): string | null {
  if (typeof endpoint !== 'string' || endpoint.trim() === '') return 'endpoint is required: the push service URL of the subscription';
  if (endpoint.length > MAX_ENDPOINT_CHARS) return `endpoint must be at most ${MAX_ENDPOINT_CHARS} characters`;
  try {
    new URL(endpoint);
  } catch {
    return 'endpoint is not a URL';
  }
  return null;
}

/** Decoded base64url bytes, or the message naming `field`. */
function decode(field: string, value: unknown): Buffer | string {
  if (typeof value !== 'string' || value === '') return `${field} is required (base64url)`;
  if (!BASE64URL.test(value)) return `${field} must be base64url (letters, digits, - and _)`;
  return Buffer.from(value, 'base64url');
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

/** Validates a PushSubscription JSON (other fields, such as expirationTime, are ignored). */
export function parseSubscription(body: unknown): ParsedSubscription {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return err(['the body must be a PushSubscription as JSON: { endpoint, keys: { p256dh, auth } }']);
  }
  const b = body as { endpoint?: unknown; keys?: unknown };
  const errors: string[] = [];
  const endpointError = endpointProblem(b.endpoint);
  if (endpointError) errors.push(endpointError);
  if (typeof b.keys !== 'object' || b.keys === null || Array.isArray(b.keys)) {
    errors.push('keys is required: { p256dh, auth } as PushSubscription.toJSON() gives them');
    return err(errors);
  }
  const keys = b.keys as { p256dh?: unknown; auth?: unknown };
  const p256dh = decode('keys.p256dh', keys.p256dh);
  if (typeof p256dh === 'string') errors.push(p256dh);
  else {
    const problem = p256dhProblem(p256dh);
    if (problem) errors.push(problem);
  }
  const auth = decode('keys.auth', keys.auth);
  if (typeof auth === 'string') errors.push(auth);
  else if (auth.length !== 16) errors.push(`keys.auth must decode to 16 bytes (the subscription's auth secret), got ${auth.length}`);
  if (errors.length > 0 || typeof p256dh === 'string' || typeof auth === 'string') return err(errors);
  return ok({ endpoint: b.endpoint as string, p256dh: p256dh.toString('base64url'), auth: auth.toString('base64url') });
}

/** The `{ endpoint }` body of an unsubscribe: any stored endpoint may be removed, even one saved under older rules. */
export function parseEndpointBody(body: unknown): ParsedEndpoint {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return err(['the body must be JSON: { endpoint }']);
  const endpoint = (body as { endpoint?: unknown }).endpoint;
  const problem = endpointShapeProblem(endpoint);
  return problem ? err([problem]) : ok(endpoint as string);
}
