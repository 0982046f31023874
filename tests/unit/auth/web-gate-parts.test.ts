import { describe, expect, it } from 'vitest';
import { parseCookies, serializeCookie } from '../../../lib/auth/cookies';
import { csrfProblem } from '../../../lib/auth/csrf';
import { parseLoginBody, safeNext } from '../../../lib/auth/login-input';
import { newScriptNonce, securityHeaders } from '../../../lib/auth/security-headers';
import { requestFacts } from '../../../lib/web/request-facts';
import { loadWebConfig } from '../../../lib/config';

describe('cookies', () => {
  it('parses a Cookie header, first duplicate wins, malformed pairs skipped', () => {
    const c = parseCookies('a=1; hw_sess=hw_sess_x; a=2; junk; b="q%20r"; bad=%E0%A4%A');
    expect([...c.entries()]).toEqual([
      ['a', '1'],
      ['hw_sess', 'hw_sess_x'],
      ['b', 'q r'],
    ]);
    expect(parseCookies(undefined).size).toBe(0);
  });
  it('serialises httpOnly SameSite=Lax cookies, Secure on request', () => {
    expect(serializeCookie('hw_sess', 'v', { maxAgeS: 60, secure: false })).toBe('hw_sess=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=60');
    expect(serializeCookie('hw_sess', '', { maxAgeS: 0, secure: true })).toBe(
      'hw_sess=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure',
    );
  });
});

describe('csrfProblem', () => {
  const allowed = ['http://10.0.0.5:3000', 'https://mine.example.com'];
  const check = (o: Partial<Parameters<typeof csrfProblem>[0]>) =>
    csrfProblem({ method: 'POST', origin: undefined, referer: undefined, secFetchSite: undefined, allowedOrigins: allowed, ...o });
  it('lets reads through and same-origin changes', () => {
    expect(check({ method: 'GET' })).toBeNull();
    expect(check({ origin: 'http://10.0.0.5:3000' })).toBeNull();
    expect(check({ origin: 'https://mine.example.com' })).toBeNull();
    expect(check({ referer: 'http://10.0.0.5:3000/settings/alerts?x=1' })).toBeNull();
  });
  it('refuses other origins, a null origin, no origin, and cross-site fetch metadata, each saying why', () => {
    expect(check({ origin: 'http://10.0.0.5:3001' })).toBe('cross-site request refused: origin http://10.0.0.5:3001 is not this site');
    expect(check({ origin: 'null' })).toMatch(/needs an Origin or Referer/);
    expect(check({})).toMatch(/needs an Origin or Referer/);
    expect(check({ referer: 'not a url' })).toMatch(/needs an Origin or Referer/);
    expect(check({ origin: 'http://10.0.0.5:3000', secFetchSite: 'cross-site' })).toMatch(/Sec-Fetch-Site/);
  });
});

describe('sign-in input', () => {
  it('keeps only same-site paths to return to', () => {
    expect(safeNext('/rigs?site=2')).toBe('/rigs?site=2');
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil', 'rigs', '/login?next=/x', '/api/rigs', 42])
      expect(safeNext(bad)).toBe('/');
  });
  it('reads JSON and HTML forms and names what is missing', () => {
    expect(parseLoginBody('application/json', '{"name":" ann ","password":"pw","next":"/wall"}')).toEqual({
      name: 'ann',
      password: 'pw',
      next: '/wall',
    });
    expect(parseLoginBody('application/x-www-form-urlencoded', 'name=ann&password=p%26w&next=%2F%2Fx')).toEqual({
      name: 'ann',
      password: 'p&w',
      next: '/',
    });
    expect(parseLoginBody('application/json', '{"password":"x"}')).toEqual({ error: 'name is required' });
    expect(parseLoginBody('application/json', '{"name":"a"}')).toEqual({ error: 'password is required' });
    expect(parseLoginBody('application/json', '[1]')).toEqual({ error: 'the body must be a JSON object { name, password }' });
    expect(parseLoginBody('application/json', '{')).toEqual({ error: 'the body is not valid JSON' });
    expect(parseLoginBody('text/plain', 'x')).toEqual({ error: 'send the sign-in as application/json or an HTML form' });
  });
});

describe('request facts', () => {
  const raw = (remoteAddress: string, headers: Record<string, string>, encrypted = false) => ({ remoteAddress, encrypted, headers });
  it('believes forwarded headers only from a trusted proxy', () => {
    const h = {
      host: 'internal:3000',
      'x-forwarded-for': '203.0.113.9, 10.0.0.2',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'mine.example.com',
    };
    expect(requestFacts(raw('::ffff:10.0.0.2', h), ['10.0.0.2'])).toEqual({
      clientAddress: '203.0.113.9',
      https: true,
      origin: 'https://mine.example.com',
    });
    expect(requestFacts(raw('198.51.100.7', h), ['10.0.0.2'])).toEqual({
      clientAddress: '198.51.100.7',
      https: false,
      origin: 'http://internal:3000',
    });
    expect(requestFacts(raw('127.0.0.1', { host: 'localhost:3443' }, true), [])).toEqual({
      clientAddress: '127.0.0.1',
      https: true,
      origin: 'https://localhost:3443',
    });
  });
  it('skips proxies in the forwarded chain (a client cannot pose as another by prepending)', () => {
    const h = { host: 'h', 'x-forwarded-for': '1.1.1.1, 203.0.113.9, 10.0.0.3' };
    expect(requestFacts(raw('10.0.0.2', h), ['10.0.0.2', '10.0.0.3']).clientAddress).toBe('203.0.113.9');
  });
});

describe('web config', () => {
  it('reads TLS and proxies and refuses half or malformed settings by name', () => {
    expect(loadWebConfig({})).toEqual({ tls: null, trustedProxies: [], session: { idleMs: 30 * 86_400_000, maxAgeMs: 90 * 86_400_000 } });
    expect(
      loadWebConfig({ HASHWATT_TRUSTED_PROXIES: ' 127.0.0.1, ::1 ', HASHWATT_SESSION_TTL_H: '12', HASHWATT_SESSION_MAX_AGE_D: '7' }),
    ).toMatchObject({
      trustedProxies: ['127.0.0.1', '::1'],
      session: { idleMs: 12 * 3_600_000, maxAgeMs: 7 * 86_400_000 },
    });
    expect(loadWebConfig({ HASHWATT_TLS_CERT: '/c.pem', HASHWATT_TLS_KEY: '/k.pem' }).tls).toEqual({
      certPath: '/c.pem',
      keyPath: '/k.pem',
    });
    expect(() => loadWebConfig({ HASHWATT_TLS_CERT: '/c.pem' })).toThrow(/HASHWATT_TLS_CERT and HASHWATT_TLS_KEY must be set together/);
    expect(() => loadWebConfig({ HASHWATT_TRUSTED_PROXIES: 'proxy.lan' })).toThrow(/"proxy.lan" is not an IP address/);
    expect(() => loadWebConfig({ HASHWATT_SESSION_TTL_H: '0' })).toThrow(/HASHWATT_SESSION_TTL_H/);
    expect(() => loadWebConfig({ HASHWATT_SESSION_MAX_AGE_D: '0' })).toThrow(
      /HASHWATT_SESSION_MAX_AGE_D="0" is not a whole number from 1 to 400/,
    );
  });
});

describe('security headers', () => {
  const headers = (o: Partial<Parameters<typeof securityHeaders>[0]> = {}) =>
    securityHeaders({ https: false, dev: false, scriptNonce: 'bm9uY2Utb25l', origin: 'http://10.0.0.5:3000', ...o });
  const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));
  it('frames nothing, sniffs nothing, eval only in dev, HSTS only over HTTPS', () => {
    const prod = headers();
    expect(prod['X-Frame-Options']).toBe('DENY');
    expect(prod['Content-Security-Policy']).not.toMatch(/unsafe-eval/);
    expect(prod['Strict-Transport-Security']).toBeUndefined();
    expect(headers({ https: true, dev: true })['Content-Security-Policy']).toMatch(/'unsafe-eval'/);
    expect(headers({ https: true })['Strict-Transport-Security']).toBe('max-age=31536000');
  });
  it("runs inline scripts only with this reply's nonce, and sockets only to the site's own origin", () => {
    const csp = headers()['Content-Security-Policy'];
    expect(directive(csp, 'script-src')).toBe("script-src 'self' 'nonce-bm9uY2Utb25l'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' ws://10.0.0.5:3000");
    expect(directive(headers({ https: true, origin: 'https://mine.example.com' })['Content-Security-Policy'], 'connect-src')).toBe(
      "connect-src 'self' wss://mine.example.com",
    );
    expect(directive(headers({ origin: 'http://[::1]:3000' })['Content-Security-Policy'], 'connect-src')).toBe(
      "connect-src 'self' ws://[::1]:3000",
    );
    expect(csp).not.toMatch(/ ws: | wss:|ws:;|wss:;/);
  });
  it('never writes a forged Host into the policy', () => {
    for (const origin of ['http://evil; script-src *', 'http://a b', "http://x'y", 'http://'])
      expect(directive(headers({ origin })['Content-Security-Policy'], 'connect-src'), origin).toBe("connect-src 'self'");
  });
  it('makes a new nonce each time, in the characters Next.js reads', () => {
    const a = newScriptNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newScriptNonce()).not.toBe(a);
  });
});
