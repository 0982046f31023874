/**
 * Web Push encryption against RFC 8291's worked example (Appendix A): fixed salt and sender key give the
 * RFC's exact body. And the VAPID helpers: key shape, subject choice, a token whose claims are as RFC 8292 says.
 */
import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_PLAINTEXT_BYTES, encryptPushPayload } from '../../../lib/notify/webpush/ece';
import {
  FALLBACK_VAPID_SUBJECT,
  generateVapidKeys,
  isVapidKeys,
  vapidAuthorization,
  vapidSubject,
} from '../../../lib/notify/webpush/vapid';

// RFC 8291 Appendix A.
const RFC = {
  plaintext: 'When I grow up, I want to be a watermelon',
  asPrivate: 'yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw',
  uaPublic: 'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4',
  auth: 'BTBZMqHH6r4Tts7J_aSIgg',
  salt: 'DGv6ra1nlYgDCS1FRnbzlw',
  body: 'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN',
};
const b64 = (s: string) => Buffer.from(s, 'base64url');

describe('RFC 8291 encryption', () => {
  it("reproduces Appendix A's body byte for byte", () => {
    const body = encryptPushPayload(
      Buffer.from(RFC.plaintext),
      { p256dh: b64(RFC.uaPublic), auth: b64(RFC.auth) },
      { salt: b64(RFC.salt), senderPrivateKey: b64(RFC.asPrivate) },
    );
    expect(body.toString('base64url')).toBe(RFC.body);
  });

  it('uses a fresh salt and sender key for every message', () => {
    const keys = { p256dh: b64(RFC.uaPublic), auth: b64(RFC.auth) };
    const a = encryptPushPayload(Buffer.from('same'), keys);
    const b = encryptPushPayload(Buffer.from('same'), keys);
    expect(a.subarray(0, 16).equals(b.subarray(0, 16))).toBe(false);
    expect(a.subarray(21, 86).equals(b.subarray(21, 86))).toBe(false);
  });

  it('refuses a plaintext longer than a push service takes (3993 bytes)', () => {
    const keys = { p256dh: b64(RFC.uaPublic), auth: b64(RFC.auth) };
    expect(MAX_PLAINTEXT_BYTES).toBe(3993);
    expect(encryptPushPayload(Buffer.alloc(3993, 0x61), keys).length).toBe(4096);
    expect(() => encryptPushPayload(Buffer.alloc(3994, 0x61), keys)).toThrow('a push message holds at most 3993 bytes (got 3994)');
  });
});

describe('VAPID', () => {
  it('generates a P-256 pair: a 65-byte uncompressed public point and a 32-byte private key', () => {
    const keys = generateVapidKeys();
    expect(b64(keys.publicKey)).toHaveLength(65);
    expect(b64(keys.publicKey)[0]).toBe(0x04);
    expect(b64(keys.privateKey)).toHaveLength(32);
    expect(isVapidKeys(keys)).toBe(true);
    expect(isVapidKeys({ ...keys, publicKey: generateVapidKeys().publicKey })).toBe(false);
    expect(isVapidKeys({ publicKey: keys.publicKey })).toBe(false);
  });

  it.each([
    ['mailto:ops@example.com', 'https://hashwatt.example.com/x', 'mailto:ops@example.com'],
    [undefined, 'https://hashwatt.example.com/base/', 'https://hashwatt.example.com'],
    [undefined, 'http://10.0.0.5:3000', FALLBACK_VAPID_SUBJECT],
    [undefined, null, 'mailto:hashwatt@localhost'],
  ])('subject: channel %s, public URL %s -> %s', (channel, publicUrl, expected) => {
    expect(vapidSubject(channel, publicUrl)).toBe(expected);
  });

  it('signs a token for the endpoint origin, valid 12 hours, verifiable with k', () => {
    const keys = generateVapidKeys();
    const nowMs = Date.UTC(2025, 0, 1);
    const header = vapidAuthorization('https://push.example.net:8443/wpush/v2/abc?x=1', keys, 'mailto:ops@example.com', nowMs);
    const m = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(header);
    expect(m).not.toBeNull();
    const [, h, c, s, k] = m!;
    expect(k).toBe(keys.publicKey);
    expect(JSON.parse(b64(h).toString())).toEqual({ typ: 'JWT', alg: 'ES256' });
    expect(JSON.parse(b64(c).toString())).toEqual({
      aud: 'https://push.example.net:8443',
      exp: nowMs / 1000 + 12 * 3600,
      sub: 'mailto:ops@example.com',
    });
    const point = b64(k);
    const key = createPublicKey({
      key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') },
      format: 'jwk',
    });
    expect(verify('sha256', Buffer.from(`${h}.${c}`), { key, dsaEncoding: 'ieee-p1363' }, b64(s))).toBe(true);
    expect(verify('sha256', Buffer.from(`${h}.${c}x`), { key, dsaEncoding: 'ieee-p1363' }, b64(s))).toBe(false);
  });
});
