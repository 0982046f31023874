/**
 * HTTP Digest: the RFC test vectors, challenge parsing (lighttpd's Antminer challenge included) and the
 * session's retry/reuse/auth-error behaviour against a small digest server on 127.0.112.200 (this file's
 * address in the 127.0.112 subnet).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseJsonReply } from '../../../collectors/drivers/http/client';
import {
  DigestSession,
  digestAuthorization,
  digestResponse,
  parseDigestChallenge,
  type DigestChallenge,
} from '../../../collectors/drivers/http/digest';
import { DeviceError } from '../../../collectors/drivers/types';

const ANTMINER_CHALLENGE = 'Digest realm="antMiner Configuration", charset="UTF-8", algorithm=MD5, nonce="abc123", qop="auth"';

describe('digestResponse: RFC test vectors', () => {
  it('RFC 2617 section 3.5 (MD5, qop=auth): Mufasa / "Circle Of Life"', () => {
    const challenge = parseDigestChallenge(
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    )!;
    const input = {
      username: 'Mufasa',
      password: 'Circle Of Life',
      method: 'GET',
      uri: '/dir/index.html',
      challenge,
      nc: 1,
      cnonce: '0a4f113b',
    };
    expect(digestResponse(input)).toBe('6629fae49393a05397450978507c4ef1');
    expect(digestAuthorization(input)).toBe(
      'Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", ' +
        'algorithm=MD5, response="6629fae49393a05397450978507c4ef1", qop=auth, nc=00000001, cnonce="0a4f113b", ' +
        'opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    );
  });

  it('RFC 7616 section 3.9.1: the MD5 and the SHA-256 responses', () => {
    const base = {
      realm: 'http-auth@example.org',
      nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
      qop: ['auth'],
      opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
      stale: false,
    };
    const input = (algorithm: string) => ({
      username: 'Mufasa',
      password: 'Circle of Life',
      method: 'GET',
      uri: '/dir/index.html',
      challenge: { ...base, algorithm } satisfies DigestChallenge,
      nc: 1,
      cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
    });
    expect(digestResponse(input('MD5'))).toBe('8ca523f5e9506fed4657c9700eebdbec');
    expect(digestResponse(input('SHA-256'))).toBe('753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
  });

  it('an unsupported algorithm or qop is an auth error, not a wrong hash', () => {
    const challenge = (over: Partial<DigestChallenge>): DigestChallenge => ({
      realm: 'r',
      nonce: 'n',
      qop: ['auth'],
      opaque: null,
      algorithm: 'MD5',
      stale: false,
      ...over,
    });
    const input = { username: 'u', password: 'p', method: 'GET', uri: '/', nc: 1, cnonce: 'c' };
    for (const c of [challenge({ algorithm: 'SHA-512-256' }), challenge({ qop: ['auth-int'] })]) {
      try {
        digestResponse({ ...input, challenge: c });
        expect.unreachable();
      } catch (err) {
        expect((err as DeviceError).kind).toBe('auth');
      }
    }
  });
});

describe('parseDigestChallenge', () => {
  it("reads lighttpd's Antminer challenge", () => {
    expect(parseDigestChallenge(ANTMINER_CHALLENGE)).toEqual({
      realm: 'antMiner Configuration',
      nonce: 'abc123',
      qop: ['auth'],
      opaque: null,
      algorithm: 'MD5',
      stale: false,
    });
  });

  it('finds the Digest challenge after another scheme and stops at the next one', () => {
    const c = parseDigestChallenge('Basic realm="basic", Digest realm="d, with comma", nonce=xyz, stale=TRUE, Basic realm="other"');
    expect(c).toMatchObject({ realm: 'd, with comma', nonce: 'xyz', stale: true, qop: [] });
  });

  it.each([null, '', 'Basic realm="x"', 'Digest realm="no nonce"', 'Digestive nonce="1"'])('null for %j', (h) => {
    expect(parseDigestChallenge(h)).toBeNull();
  });
});

// A small digest server: nonce per "epoch", user root, password given per test.
interface Server401 {
  port: number;
  requests: Array<{ path: string; authorization: string | null }>;
  rotateNonce(): void;
}
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

async function digestServer(opts: { password: string; qop?: boolean; scheme?: 'Digest' | 'Basic' }): Promise<Server401> {
  let epoch = 1;
  const requests: Server401['requests'] = [];
  const realm = 'antMiner Configuration';
  const nonce = () => md5(`nonce-${epoch}`);
  const check = (req: IncomingMessage): boolean => {
    const h = req.headers.authorization ?? '';
    const p = Object.fromEntries([...h.matchAll(/(\w+)=(?:"([^"]*)"|([^\s,]*))/g)].map((m) => [m[1], m[2] ?? m[3]]));
    if (!h.startsWith('Digest ') || p.username !== 'root' || p.nonce !== nonce() || p.uri !== req.url) return false;
    const ha1 = md5(`root:${realm}:${opts.password}`);
    const ha2 = md5(`${req.method}:${p.uri}`);
    const want = p.qop ? md5(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`) : md5(`${ha1}:${p.nonce}:${ha2}`);
    return p.response === want;
  };
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', authorization: req.headers.authorization ?? null });
    if ((opts.scheme ?? 'Digest') === 'Basic') {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="x"' }).end('no');
      return;
    }
    if (!check(req)) {
      const qop = opts.qop === false ? '' : ', qop="auth"';
      res.writeHead(401, { 'www-authenticate': `Digest realm="${realm}", nonce="${nonce()}"${qop}` }).end('<h1>401</h1>');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: req.url }));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen({ host: '127.0.112.200', port: 0 }, r));
  return { port: (server.address() as AddressInfo).port, requests, rotateNonce: () => (epoch += 1) };
}

const target = (port: number, credentials?: { username: string; password: string }) => ({
  address: '127.0.112.200',
  port,
  timeoutMs: 2000,
  credentials: credentials ?? null,
});

describe('DigestSession', () => {
  it('answers the first 401 once with root/root, then reuses the nonce with nc counting up', async () => {
    const srv = await digestServer({ password: 'root' });
    const session = new DigestSession(target(srv.port), undefined, () => 'c0ffee');
    expect((await session.request({ path: '/cgi-bin/stats.cgi' })).status).toBe(200);
    expect((await session.request({ path: '/cgi-bin/pools.cgi?x=1' })).status).toBe(200);
    expect(srv.requests.map((r) => [r.path, r.authorization === null])).toEqual([
      ['/cgi-bin/stats.cgi', true],
      ['/cgi-bin/stats.cgi', false],
      ['/cgi-bin/pools.cgi?x=1', false],
    ]);
    expect(srv.requests[1].authorization).toContain('nc=00000001');
    expect(srv.requests[2].authorization).toContain('nc=00000002');
    expect(srv.requests[2].authorization).toContain('uri="/cgi-bin/pools.cgi?x=1"');
  });

  it('a new nonce from the server (expired one) costs one retry, not an auth error', async () => {
    const srv = await digestServer({ password: 'root' });
    const session = new DigestSession(target(srv.port));
    await session.request({ path: '/a' });
    srv.rotateNonce();
    expect((await session.request({ path: '/b' })).status).toBe(200);
    expect(srv.requests.map((r) => r.path)).toEqual(['/a', '/a', '/b', '/b']);
  });

  it('a device that hands out a new nonce every request costs at most 2 challenges per poll, then auth', async () => {
    const srv = await digestServer({ password: 'root' });
    const session = new DigestSession(target(srv.port));
    await session.request({ path: '/a' });
    srv.rotateNonce();
    await session.request({ path: '/b' });
    srv.rotateNonce();
    const err = await session.request({ path: '/c' }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      kind: 'auth',
      message: `http://127.0.112.200:${srv.port}/c asked for digest credentials again after 2 challenges in one poll`,
    });
    expect(srv.requests.map((r) => r.path)).toEqual(['/a', '/a', '/b', '/b', '/c']);
  });

  it('wrong credentials: DeviceError auth after exactly one retry, naming user and realm', async () => {
    const srv = await digestServer({ password: 'secret' });
    const err = await new DigestSession(target(srv.port)).request({ path: '/cgi-bin/summary.cgi' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).kind).toBe('auth');
    expect((err as DeviceError).message).toContain('user "root"');
    expect((err as DeviceError).message).toContain('realm "antMiner Configuration"');
    expect(srv.requests).toHaveLength(2);
  });

  it('target.credentials override the default', async () => {
    const srv = await digestServer({ password: 'secret' });
    const reply = await new DigestSession(target(srv.port, { username: 'root', password: 'secret' })).request({ path: '/x' });
    expect([reply.status, JSON.parse(reply.text)]).toEqual([200, { ok: '/x' }]);
  });

  it('an RFC 2069 server (no qop) is answered without nc/cnonce', async () => {
    const srv = await digestServer({ password: 'root', qop: false });
    expect((await new DigestSession(target(srv.port)).request({ path: '/y' })).status).toBe(200);
    expect(srv.requests[1].authorization).not.toContain('nc=');
  });

  it('a 401 without a Digest challenge comes back as is; parseJsonReply turns it into auth', async () => {
    const srv = await digestServer({ password: 'root', scheme: 'Basic' });
    const reply = await new DigestSession(target(srv.port)).request({ path: '/z' });
    expect(reply.status).toBe(401);
    expect(srv.requests).toHaveLength(1);
    expect(() => parseJsonReply(reply, 'GET /z', 'http://x/z')).toThrow(expect.objectContaining({ kind: 'auth' }));
  });
});
