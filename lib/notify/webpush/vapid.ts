/**
 * VAPID (RFC 8292): the application server's P-256 key pair and the ES256-signed JWT that proves a push
 * request comes from the holder of the key the browser subscribed with. Pure apart from key generation.
 */
import { createECDH, createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';

/** A key pair as stored: the uncompressed public point (65 bytes) and the private scalar (32), base64url. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** How long a token is valid; RFC 8292 allows at most 24 hours. */
export const VAPID_TOKEN_TTL_MS = 12 * 3_600_000;

/** Used when neither the channel nor HASHWATT_PUBLIC_URL (https) names the sender. */
export const FALLBACK_VAPID_SUBJECT = 'mailto:hashwatt@localhost';

/** A fresh P-256 key pair. */
export function generateVapidKeys(): VapidKeys {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' });
  const x = Buffer.from(jwk.x!, 'base64url');
  const y = Buffer.from(jwk.y!, 'base64url');
  return { publicKey: Buffer.concat([Buffer.from([0x04]), x, y]).toString('base64url'), privateKey: jwk.d! };
}

/** The JWK of a stored pair; throws (naming the problem) when it is not a valid P-256 pair. */
function privateJwk(keys: VapidKeys) {
  const pub = Buffer.from(keys.publicKey, 'base64url');
  const d = Buffer.from(keys.privateKey, 'base64url');
  if (pub.length !== 65 || pub[0] !== 0x04) throw new Error('the VAPID public key must be a 65-byte uncompressed P-256 point');
  if (d.length !== 32) throw new Error('the VAPID private key must be 32 bytes');
  return {
    kty: 'EC',
    crv: 'P-256',
    x: pub.subarray(1, 33).toString('base64url'),
    y: pub.subarray(33).toString('base64url'),
    d: keys.privateKey,
  };
}

/** True when `value` is a stored pair whose private key matches its public key. */
export function isVapidKeys(value: unknown): value is VapidKeys {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (typeof v.publicKey !== 'string' || typeof v.privateKey !== 'string') return false;
  try {
    createPrivateKey({ key: privateJwk(v as unknown as VapidKeys), format: 'jwk' });
    // The JWK import does not check that d belongs to (x, y): derive the public point and compare.
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(v.privateKey, 'base64url'));
    return ecdh.getPublicKey().equals(Buffer.from(v.publicKey, 'base64url'));
  } catch {
    return false;
  }
}

/**
 * The sender's contact (JWT `sub`): the channel's own subject, else HASHWATT_PUBLIC_URL when it is https
 * (RFC 8292 wants a mailto: or https: URI), else FALLBACK_VAPID_SUBJECT.
 */
export function vapidSubject(channelSubject: string | undefined, publicUrl: string | null | undefined): string {
  if (channelSubject) return channelSubject;
  if (publicUrl && publicUrl.startsWith('https://')) return new URL(publicUrl).origin;
  return FALLBACK_VAPID_SUBJECT;
}

/** The Authorization header of a push request to `endpoint`: `vapid t=<JWT>, k=<public key>`. */
export function vapidAuthorization(endpoint: string, keys: VapidKeys, subject: string, nowMs: number): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o), 'utf8').toString('base64url');
  const claims = { aud: new URL(endpoint).origin, exp: Math.floor((nowMs + VAPID_TOKEN_TTL_MS) / 1000), sub: subject };
  const signingInput = `${b64({ typ: 'JWT', alg: 'ES256' })}.${b64(claims)}`;
  const key = createPrivateKey({ key: privateJwk(keys), format: 'jwk' });
  const signature = sign('sha256', Buffer.from(signingInput, 'ascii'), { key, dsaEncoding: 'ieee-p1363' });
  return `vapid t=${signingInput}.${signature.toString('base64url')}, k=${keys.publicKey}`;
}
