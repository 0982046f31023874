/**
 * The fetch helper's failure kinds with an injected fetch (no sockets): timeout, unreachable, HTTP
 * status, redirects, garbage and empty bodies; messages name the URL and never a credential nor the reply. Also the checked
 * readers behind every parser (BTC strings to sats, hash rate units).
 */
import { describe, expect, it } from 'vitest';
import { getJson, getText, postJson, redactUrl, SourceError } from '../../../collectors/sources/http';
import { btcToSats, numeric, unitToThs } from '../../../collectors/sources/parse';

const reply =
  (status: number, body: string): typeof fetch =>
  async () =>
    new Response(body, { status });

async function failure(p: Promise<unknown>): Promise<SourceError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SourceError);
  return err as SourceError;
}

describe('http helpers', () => {
  it('a request that outlives timeoutMs is a timeout naming the URL', async () => {
    const never: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const err = await failure(getText('http://127.0.0.1:9/api/blocks/tip/height', { timeoutMs: 50, fetch: never }));
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe('no answer within 50 ms (GET http://127.0.0.1:9/api/blocks/tip/height)');
  });

  it('a refused connection is "unreachable" with the system code', async () => {
    const refused: typeof fetch = async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    };
    const err = await failure(getJson('http://127.0.0.1:9/x', { timeoutMs: 100, fetch: refused }));
    expect(err).toMatchObject({ kind: 'unreachable', message: 'cannot reach the server: ECONNREFUSED (GET http://127.0.0.1:9/x)' });
  });

  it('a non-2xx status is "http" with the status only: the body is never quoted', async () => {
    const err = await failure(
      getJson('http://h/api/v1/prices', { timeoutMs: 100, fetch: reply(503, '<html>\n<b>Service Unavailable</b></html>') }),
    );
    expect(err).toMatchObject({ kind: 'http', status: 503 });
    expect(err.message).toBe('HTTP 503 (GET http://h/api/v1/prices)');
  });

  it('garbage, half and empty bodies are "garbage", named by their size', async () => {
    for (const [body, detail] of [
      ['\u0000\u00ff{{', 'not JSON (5 bytes) (GET http://h/x)'],
      ['{"startBlock": 736556, "endBl', 'not JSON (29 bytes) (GET http://h/x)'],
      ['root:x:0:0:root:/root:/bin/bash', 'not JSON (31 bytes) (GET http://h/x)'],
      ['', 'empty body (GET http://h/x)'],
    ] as const) {
      const err = await failure(getJson('http://h/x', { timeoutMs: 100, fetch: reply(200, body) }));
      expect(err.kind).toBe('garbage');
      expect(err.message).toBe(detail);
    }
  });

  it('never prints credentials: URL user:password dropped, a refusal named without its body', async () => {
    expect(redactUrl('http://rpcuser:hunter22@127.0.0.1:8332/')).toBe('http://127.0.0.1:8332/');
    const echo = reply(401, 'bad token s3cr3t-token for user');
    const err = await failure(
      getJson('http://u:hunter22@h/accounts/', { timeoutMs: 100, fetch: echo, headers: { 'SlushPool-Auth-Token': 's3cr3t-token' } }),
    );
    expect(err.message).toBe('HTTP 401: the server refused the credentials (GET http://h/accounts/)');
    expect(err.message).not.toMatch(/hunter22|s3cr3t/);
  });

  it('follows no redirect: a 3xx with a Location is an error naming where it points (host only)', async () => {
    let seenRedirect: RequestRedirect | undefined;
    const moved: typeof fetch = async (_url, init) => {
      seenRedirect = init?.redirect;
      return new Response('', { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/?token=abc' } });
    };
    const err = await failure(getJson('https://mempool.example/api/v1/blocks', { timeoutMs: 100, fetch: moved }));
    expect(seenRedirect).toBe('manual');
    expect(err).toMatchObject({ kind: 'http', status: 302 });
    expect(err.message).toBe(
      'HTTP 302 redirects to 169.254.169.254; redirects are not followed: set the URL it points to (GET https://mempool.example/api/v1/blocks)',
    );
    const relative: typeof fetch = async () => new Response('', { status: 307, headers: { location: '/v2/blocks' } });
    expect((await failure(postJson('https://pool.example/api', {}, { timeoutMs: 100, fetch: relative }))).message).toBe(
      'HTTP 307 redirects to pool.example; redirects are not followed: set the URL it points to (POST https://pool.example/api)',
    );
  });

  it('postJson sends JSON (or a given content type) and parses the reply', async () => {
    let seen: { body?: unknown; type?: string | null } = {};
    const capture: typeof fetch = async (_url, init) => {
      seen = { body: init?.body, type: new Headers(init?.headers).get('content-type') };
      return new Response('{"ok":1}', { status: 200 });
    };
    expect(await postJson('http://h/rpc', { a: 1 }, { timeoutMs: 100, fetch: capture })).toEqual({ ok: 1 });
    expect(seen).toEqual({ body: '{"a":1}', type: 'application/json' });
    await postJson('http://h/f', 'a=1', { timeoutMs: 100, fetch: capture, contentType: 'application/x-www-form-urlencoded' });
    expect(seen).toEqual({ body: 'a=1', type: 'application/x-www-form-urlencoded' });
  });
});

describe('checked readers', () => {
  it.each([
    ['0.1', 10_000_000],
    ['0.15000000', 15_000_000],
    ['0.00000001', 1],
    ['0.000000005', 1],
    ['0.0000000049', 0],
    ['12.92594863', 1_292_594_863],
    ['21000000', 2_100_000_000_000_000],
    ['.5', 50_000_000],
    ['-0.001', -100_000],
    [0.000045036645168645, 4_504],
    [1.01004706, 101_004_706],
  ])('btcToSats(%j) = %i', (btc, sats) => {
    expect(btcToSats(btc, 'x')).toBe(sats);
  });

  it.each(['', 'abc', '1e-8', '0.1.2', null, true])('btcToSats(%j) is a clear error', (btc) => {
    expect(() => btcToSats(btc, 'unpaid')).toThrow(/unpaid/);
  });

  it('numbers may come as strings, including exponent form', () => {
    expect(numeric('127603936523714', 'x')).toBe(127603936523714);
    expect(numeric('4.126888339085874e+18', 'x')).toBe(4.126888339085874e18);
    expect(() => numeric('12 TH', 'hashrate')).toThrow('hashrate is not a number: "12 TH"');
  });

  it.each([
    [1000, 'Gh/s', 1],
    [1000, 'GH', 1],
    [2, 'Th/s', 2],
    [1.5, 'Ph/s', 1500],
    [1e12, 'H/s', 1],
    [5e6, 'MH/s', 5],
  ])('unitToThs(%d, %s) = %d TH/s', (value, unit, ths) => {
    expect(unitToThs(value, unit, 'x')).toBeCloseTo(ths, 12);
  });
});
