/** Validation of a browser's PushSubscription JSON: one specific message per problem. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEndpointBody, parseSubscription } from '../../../lib/notify/webpush/subscription-input';

function browserKeys() {
  const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
  return { p256dh: point.toString('base64url'), auth: Buffer.alloc(16, 7).toString('base64url') };
}
const KEYS = browserKeys();
const ENDPOINT = 'https://fcm.googleapis.com/fcm/send/abc:def';
const errorsOf = (body: unknown) => {
  const parsed = parseSubscription(body);
  return parsed.ok ? [] : parsed.error;
};

describe('parseSubscription', () => {
  it('accepts PushSubscription.toJSON() and ignores expirationTime', () => {
    expect(parseSubscription({ endpoint: ENDPOINT, expirationTime: null, keys: KEYS })).toEqual({
      ok: true,
      value: { endpoint: ENDPOINT, ...KEYS },
    });
  });

  it('accepts padded base64url and stores it unpadded', () => {
    const parsed = parseSubscription({ endpoint: ENDPOINT, keys: { p256dh: `${KEYS.p256dh}=`, auth: `${KEYS.auth}==` } });
    expect(parsed.ok && parsed.value.auth).toBe(KEYS.auth);
  });

  it.each([
    ['http://127.0.0.1:9999/push/1', 'endpoint must be an https URL'],
    ['http://localhost:8080/p', 'endpoint must be an https URL'],
    ['http://[::1]:8080/p', 'endpoint must be an https URL'],
    ['https://127.0.0.1:9999/push/1', 'endpoint must be a push service at a public address: 127.0.0.1 is a loopback address'],
    ['https://127.9.9.9/p', 'endpoint must be a push service at a public address: 127.9.9.9 is a loopback address'],
    ['https://[::1]:8443/p', 'endpoint must be a push service at a public address: ::1 is a loopback address'],
    ['https://[::ffff:127.0.0.1]/p', 'endpoint must be a push service at a public address: ::ffff:7f00:1 is a loopback address'],
    ['https://[::ffff:10.0.0.1]/p', 'endpoint must be a push service at a public address: ::ffff:a00:1 is a private (RFC 1918) address'],
    ['https://10.1.2.3/p', 'endpoint must be a push service at a public address: 10.1.2.3 is a private (RFC 1918) address'],
    ['https://192.168.1.20/p', 'endpoint must be a push service at a public address: 192.168.1.20 is a private (RFC 1918) address'],
    ['https://172.20.0.1/p', 'endpoint must be a push service at a public address: 172.20.0.1 is a private (RFC 1918) address'],
    [
      'https://100.64.1.1/p',
      'endpoint must be a push service at a public address: 100.64.1.1 is a carrier-grade NAT (100.64.0.0/10) address',
    ],
    [
      'https://169.254.169.254/latest/meta-data',
      'endpoint must be a push service at a public address: 169.254.169.254 is a cloud metadata service address',
    ],
    ['https://169.254.1.1/p', 'endpoint must be a push service at a public address: 169.254.1.1 is a link-local address'],
    ['https://[fe80::1]/p', 'endpoint must be a push service at a public address: fe80::1 is a link-local address'],
    ['https://[fd00:ec2::254]/p', 'endpoint must be a push service at a public address: fd00:ec2::254 is a cloud metadata service address'],
    ['https://[fc00::5]/p', 'endpoint must be a push service at a public address: fc00::5 is a unique-local (fc00::/7) address'],
    ['https://0.0.0.0/p', 'endpoint must be a push service at a public address: 0.0.0.0 is an unspecified address'],
    ['https://[::]/p', 'endpoint must be a push service at a public address: :: is an unspecified address'],
    ['https://224.0.0.1/p', 'endpoint must be a push service at a public address: 224.0.0.1 is a multicast address'],
    ['https://2130706433/p', 'endpoint must be a push service at a public address: 127.0.0.1 is a loopback address'],
    ['https://0x7f.1/p', 'endpoint must be a push service at a public address: 127.0.0.1 is a loopback address'],
    ['https://localhost:8443/p', 'endpoint must be a push service at a public address: localhost is this machine'],
    ['https://push.localhost/p', 'endpoint must be a push service at a public address: push.localhost is this machine'],
    ['https://user:pw@push.example.com/p', 'endpoint must not carry a user name or password'],
  ])('refuses %s', (endpoint, message) => {
    expect(errorsOf({ endpoint, keys: KEYS })).toEqual([message]);
  });

  it.each([
    ['https://fcm.googleapis.com/fcm/send/x'],
    ['https://8.8.8.8/p'],
    ['https://[2606:4700::1111]/p'],
    ['https://[::ffff:8.8.8.8]/p'],
  ])('accepts %s (names are resolved when saved)', (endpoint) => {
    expect(errorsOf({ endpoint, keys: KEYS })).toEqual([]);
  });

  it.each([
    [null, 'the body must be a PushSubscription as JSON: { endpoint, keys: { p256dh, auth } }'],
    [[ENDPOINT], 'the body must be a PushSubscription as JSON: { endpoint, keys: { p256dh, auth } }'],
    [{ keys: KEYS }, 'endpoint is required: the push service URL of the subscription'],
    [{ endpoint: 'not a url', keys: KEYS }, 'endpoint is not a URL'],
    [{ endpoint: 'http://push.example.com/x', keys: KEYS }, 'endpoint must be an https URL'],
    [{ endpoint: 'ftp://push.example.com/x', keys: KEYS }, 'endpoint must be an https URL'],
    [{ endpoint: `https://push.example.com/${'a'.repeat(2100)}`, keys: KEYS }, 'endpoint must be at most 2048 characters'],
    [{ endpoint: ENDPOINT }, 'keys is required: { p256dh, auth } as PushSubscription.toJSON() gives them'],
    [{ endpoint: ENDPOINT, keys: { auth: KEYS.auth } }, 'keys.p256dh is required (base64url)'],
    [{ endpoint: ENDPOINT, keys: { p256dh: 'a+b/c', auth: KEYS.auth } }, 'keys.p256dh must be base64url (letters, digits, - and _)'],
    [
      { endpoint: ENDPOINT, keys: { p256dh: Buffer.alloc(33, 2).toString('base64url'), auth: KEYS.auth } },
      'keys.p256dh must decode to 65 bytes (an uncompressed P-256 public key), got 33',
    ],
    [
      {
        endpoint: ENDPOINT,
        keys: {
          p256dh: Buffer.concat([Buffer.from([3]), Buffer.from(KEYS.p256dh, 'base64url').subarray(1)]).toString('base64url'),
          auth: KEYS.auth,
        },
      },
      'keys.p256dh must be an uncompressed point (first byte 0x04)',
    ],
    [
      {
        endpoint: ENDPOINT,
        keys: { p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url'), auth: KEYS.auth },
      },
      'keys.p256dh is not a point on the P-256 curve',
    ],
    [{ endpoint: ENDPOINT, keys: { p256dh: KEYS.p256dh } }, 'keys.auth is required (base64url)'],
    [
      { endpoint: ENDPOINT, keys: { p256dh: KEYS.p256dh, auth: Buffer.alloc(12).toString('base64url') } },
      "keys.auth must decode to 16 bytes (the subscription's auth secret), got 12",
    ],
  ])('%j -> %s', (body, message) => {
    expect(errorsOf(body)).toEqual([message]);
  });

  it('lists every problem at once and never echoes the endpoint', () => {
    const errors = errorsOf({ endpoint: 'http://push.example.com/secret-token', keys: { p256dh: 'x', auth: '' } });
    expect(errors).toHaveLength(3);
    expect(errors.join(' ')).not.toContain('secret-token');
  });
});

describe('parseEndpointBody', () => {
  it('takes { endpoint }, any stored one (saved under older rules too) so it can be removed', () => {
    expect(parseEndpointBody({ endpoint: ENDPOINT })).toEqual({ ok: true, value: ENDPOINT });
    expect(parseEndpointBody({ endpoint: 'http://127.0.0.1:9999/push/1' })).toEqual({ ok: true, value: 'http://127.0.0.1:9999/push/1' });
    expect(parseEndpointBody({})).toEqual({ ok: false, error: ['endpoint is required: the push service URL of the subscription'] });
    expect(parseEndpointBody('x')).toEqual({ ok: false, error: ['the body must be JSON: { endpoint }'] });
  });
});

describe('parseSubscription: one message per bad field', () => {
  // zod runs a length rule even after the type was refused when the value has a length (an array here).
  it('names a key of the wrong type once, even when it has a length', () => {
    expect(parseSubscription({ endpoint: ENDPOINT, keys: { p256dh: [], auth: KEYS.auth } })).toEqual({
      ok: false,
      error: ['keys.p256dh is required (base64url)'],
    });
  });
});
