/**
 * A loopback stand-in for a push service AND the browser behind it: it holds a subscription's keys (its
 * own P-256 pair and 16-byte auth secret), records every POST, answers /status/<code> with that status
 * (anything else 201), /huge/<code> with that status and 400 MB of body, and decrypts bodies the way a
 * browser does (RFC 8291 + RFC 8188, written here with HMAC and AES-GCM, independently of
 * lib/notify/webpush). It also checks VAPID tokens (RFC 8292). It serves HTTPS under a made-up name with
 * its own self-signed certificate: the code under test reaches it only through the resolver and CA the
 * test injects (`pushNet`), as push endpoints must be https at public addresses.
 */
import { createDecipheriv, createECDH, createHmac, createPublicKey, randomBytes, verify } from 'node:crypto';
import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { NotifyNet } from '../../../lib/notify/net';
import { selfSignedCert } from '../../support/self-signed';

export interface PushRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A browser's subscription keys, with the private half the test keeps. */
export interface BrowserKeys {
  p256dh: string;
  auth: string;
  privateKey: Buffer;
}

export function browserKeys(): BrowserKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    p256dh: ecdh.getPublicKey().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
    privateKey: ecdh.getPrivateKey(),
  };
}

export interface PushEndpoint {
  /** https://<name>:<port> */
  baseUrl: string;
  /** The name it is reached by. */
  name: string;
  /** The loopback address it listens on. */
  address: string;
  /** Its self-signed certificate (PEM), the CA a client must be given. */
  cert: string;
  requests: PushRequest[];
  /** Bytes of /huge bodies written so far. */
  hugeBytesSent(): number;
  close(): Promise<void>;
}

/** The size of a /huge reply. */
export const HUGE_REPLY_BYTES = 400 * 1024 * 1024;

/** A push service on `address` that calls itself `name`. */
export async function startPushEndpoint(address: string, name = 'push.test'): Promise<PushEndpoint> {
  const requests: PushRequest[] = [];
  const { key, cert } = selfSignedCert([name]);
  let hugeBytes = 0;
  const server = https.createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      requests.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
      const huge = /\/huge\/(\d{3})/.exec(path);
      if (huge) return void sendHuge(res, Number(huge[1]), (n) => (hugeBytes += n));
      const status = /\/status\/(\d{3})/.exec(path);
      res.writeHead(status ? Number(status[1]) : 201, { 'Content-Type': 'text/plain' }).end(status ? `push service says ${status[1]}` : '');
    });
  });
  await new Promise<void>((resolve) => server.listen({ host: address, port: 0 }, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `https://${name}:${port}`,
    name,
    address,
    cert,
    requests,
    hugeBytesSent: () => hugeBytes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `status` with a HUGE_REPLY_BYTES body, written as fast as the client reads it. */
function sendHuge(res: http.ServerResponse, status: number, sent: (bytes: number) => void): void {
  res.writeHead(status, { 'Content-Type': 'text/plain', 'Content-Length': String(HUGE_REPLY_BYTES) });
  const chunk = Buffer.alloc(1024 * 1024, 'push service reply ');
  let left = HUGE_REPLY_BYTES;
  const more = () => {
    while (left > 0 && !res.destroyed) {
      left -= chunk.length;
      sent(chunk.length);
      if (!res.write(chunk)) return;
    }
    if (left <= 0) res.end();
  };
  res.on('drain', more);
  more();
}

/**
 * What the test injects into the notify code to reach `endpoint`: a resolver that sends its name to its
 * loopback address, and its certificate as the only CA. No production rule is relaxed: the injected
 * resolver stands in for DNS and for the address check together, for this test only.
 */
export function pushNet(endpoint: PushEndpoint): NotifyNet {
  const resolve = async (host: string) => {
    if (host !== endpoint.name) throw Object.assign(new Error(`${host} is unknown to this test`), { code: 'ENOTFOUND' });
    return [{ address: endpoint.address, family: 4 as const }];
  };
  return { pushResolve: resolve, channelResolve: resolve, ca: endpoint.cert };
}

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();
/** HKDF (RFC 5869) for outputs of at most one block: T(1) = HMAC(PRK, info || 0x01). */
const hkdf = (salt: Buffer, ikm: Buffer, info: Buffer, bytes: number) =>
  hmac(hmac(salt, ikm), Buffer.concat([info, Buffer.from([1])])).subarray(0, bytes);

/** The plaintext of an aes128gcm body sent to `keys`; throws when it was not encrypted for them. */
export function decryptPush(body: Buffer, keys: BrowserKeys): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20];
  const senderPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  if (idLength !== 65) throw new Error(`key id is ${idLength} bytes, expected the sender's 65-byte public key`);
  if (record.length > recordSize) throw new Error(`record of ${record.length} bytes exceeds the record size ${recordSize}`);
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(keys.privateKey);
  const shared = ecdh.computeSecret(senderPublic);
  const uaPublic = Buffer.from(keys.p256dh, 'base64url');
  const ikm = hkdf(
    Buffer.from(keys.auth, 'base64url'),
    shared,
    Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, senderPublic]),
    32,
  );
  const cek = hkdf(salt, ikm, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(salt, ikm, Buffer.from('Content-Encoding: nonce\0'), 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--; // padding
  if (padded[end] !== 0x02) throw new Error(`the last record must end with delimiter 0x02 (got ${padded[end]})`);
  return padded.subarray(0, end).toString('utf8');
}

export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
  /** The k= key, base64url. */
  key: string;
}

/** Parses and verifies `Authorization: vapid t=<jwt>, k=<key>`: ES256 signature valid with k. */
export function verifyVapid(authorization: string | undefined): VapidClaims {
  const m = /^vapid t=([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+), k=([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!m) throw new Error(`not a VAPID authorization: ${authorization}`);
  const [, header, claims, signature, k] = m;
  const b = (s: string) => Buffer.from(s, 'base64url');
  const head = JSON.parse(b(header).toString()) as { alg?: string };
  if (head.alg !== 'ES256') throw new Error(`JWT alg is ${head.alg}, expected ES256`);
  const point = b(k);
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33, 65).toString('base64url') },
    format: 'jwk',
  });
  if (!verify('sha256', Buffer.from(`${header}.${claims}`), { key, dsaEncoding: 'ieee-p1363' }, b(signature)))
    throw new Error('the VAPID signature does not verify with k');
  return { ...(JSON.parse(b(claims).toString()) as Omit<VapidClaims, 'key'>), key: k };
}
