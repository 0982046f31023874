/** The network/price source settings form's validation, and the bitcoind password kept behind "<redacted>". */
import { describe, expect, it } from 'vitest';
import { parseSourcesSettings, redactSourcesSettings, type SourcesSettings } from '../../../lib/settings/sources-settings';

const mempool: SourcesSettings = {
  networkSource: 'mempool',
  mempoolBaseUrl: 'https://mempool.example/api',
  bitcoind: null,
  fixedBtcPrice: null,
  currency: 'USD',
  intervalS: 60,
  timeoutMs: 5000,
};

const node: SourcesSettings = {
  ...mempool,
  networkSource: 'bitcoind',
  bitcoind: { url: 'http://10.0.0.2:8332/', user: 'rpc', password: 'hunter2-long', cookiePath: null, feeBlocks: 144 },
};

describe('parseSourcesSettings', () => {
  it('accepts a mempool document, trimming the trailing slash of its base URL and upper-casing the currency', () => {
    expect(parseSourcesSettings({ ...mempool, mempoolBaseUrl: 'https://mempool.example/api/', currency: 'eur' }, null)).toEqual({
      ok: true,
      value: { ...mempool, currency: 'EUR' },
    });
  });

  it('drops bitcoind settings while the source is mempool', () => {
    expect(parseSourcesSettings({ ...node, networkSource: 'mempool' }, null)).toEqual({ ok: true, value: mempool });
  });

  it('accepts no source at all, and a bitcoind node without a mempool URL (the price then fixed or not fetched)', () => {
    const none = { ...mempool, networkSource: 'none', mempoolBaseUrl: '' };
    expect(parseSourcesSettings(none, null)).toEqual({ ok: true, value: { ...mempool, networkSource: 'none', mempoolBaseUrl: null } });
    expect(parseSourcesSettings({ ...node, mempoolBaseUrl: null }, null)).toEqual({ ok: true, value: { ...node, mempoolBaseUrl: null } });
  });

  it('asks for the mempool URL when the source is mempool', () => {
    expect(parseSourcesSettings({ ...mempool, mempoolBaseUrl: ' ' }, null)).toEqual({
      ok: false,
      error: ['mempoolBaseUrl is required when networkSource is mempool (e.g. https://mempool.space/api, or your own instance)'],
    });
  });

  it('names every bad field', () => {
    const res = parseSourcesSettings(
      { networkSource: 'electrum', mempoolBaseUrl: 'ftp://x', fixedBtcPrice: -5, currency: 'BTC', intervalS: 1, timeoutMs: 2.5, extra: 1 },
      null,
    );
    expect(res).toEqual({
      ok: false,
      error: [
        'unknown field(s): extra (allowed: networkSource, mempoolBaseUrl, bitcoind, fixedBtcPrice, currency, intervalS, timeoutMs)',
        'networkSource must be mempool, bitcoind or none (got "electrum")',
        'currency must be one of USD, EUR, GBP, CAD, CHF, AUD, JPY (got "BTC")',
        'fixedBtcPrice must be a positive number, or empty to fetch the price (got -5)',
        'mempoolBaseUrl must be an http:// or https:// URL (got "ftp://x")',
        'intervalS must be a whole number from 5 to 86400 (got 1)',
        'timeoutMs must be a whole number from 100 to 120000 (got 2.5)',
      ],
    });
  });

  it('asks bitcoind for credentials: user and password together, or a cookie file', () => {
    const base = { ...node, bitcoind: { url: 'http://10.0.0.2:8332/', feeBlocks: 144 } };
    expect(parseSourcesSettings(base, null)).toEqual({
      ok: false,
      error: ['bitcoind needs a user and password, or cookiePath (the path of the node’s .cookie file)'],
    });
    expect(parseSourcesSettings({ ...base, bitcoind: { ...base.bitcoind, user: 'rpc' } }, null)).toEqual({
      ok: false,
      error: ['bitcoind.user and bitcoind.password must be set together'],
    });
    expect(parseSourcesSettings({ ...node, bitcoind: null }, null)).toEqual({
      ok: false,
      error: ['bitcoind settings are required when networkSource is bitcoind (url, and user and password or cookiePath)'],
    });
    const cookie = parseSourcesSettings(
      { ...base, bitcoind: { ...base.bitcoind, cookiePath: '/var/lib/bitcoind/.cookie', feeBlocks: 0, url: 'node:8332' } },
      null,
      'unchecked',
    );
    expect(cookie).toEqual({
      ok: false,
      error: [
        'bitcoind.url must be an http:// or https:// URL (got "node:8332")',
        'bitcoind.feeBlocks must be a whole number from 1 to 2016 (got 0)',
      ],
    });
  });

  it('shows the password as <redacted> and keeps the stored one when it comes back so', () => {
    const shown = redactSourcesSettings(node);
    expect(shown.bitcoind?.password).toBe('<redacted>');
    expect(node.bitcoind?.password).toBe('hunter2-long');
    expect(parseSourcesSettings({ ...shown, intervalS: 30 }, node)).toEqual({ ok: true, value: { ...node, intervalS: 30 } });
    // With nothing stored, "<redacted>" is no password at all.
    expect(parseSourcesSettings(shown, null)).toEqual({
      ok: false,
      error: ['bitcoind.password must be entered: "<redacted>" stands for a stored secret, and none is stored for these settings'],
    });
  });

  it('keeps the stored password only for the same node: a new URL host, port or scheme needs it typed again', () => {
    const shown = redactSourcesSettings(node);
    const to = (url: string) => parseSourcesSettings({ ...shown, bitcoind: { ...shown.bitcoind, url } }, node);
    expect(to('http://10.0.0.2:8332/wallet/x')).toEqual({
      ok: true,
      value: { ...node, bitcoind: { ...node.bitcoind!, url: 'http://10.0.0.2:8332/wallet/x' } },
    });
    expect(to('http://evil.example:8332/')).toEqual({
      ok: false,
      error: [
        'bitcoind.password must be entered again: the stored one was sent to http://10.0.0.2:8332, and these settings send it to http://evil.example:8332',
      ],
    });
    expect(to('http://10.0.0.2:18332/')).toMatchObject({ ok: false });
    expect(to('https://10.0.0.2:8332/')).toMatchObject({ ok: false });
    // Typed again, it is taken.
    expect(
      parseSourcesSettings({ ...shown, bitcoind: { ...shown.bitcoind, url: 'http://other:8332/', password: 'new-pass' } }, node),
    ).toMatchObject({ ok: true });
  });
});

describe('bitcoind cookie file', () => {
  const withCookie = (cookiePath: string, url = 'http://127.0.0.1:8332/') => ({ ...node, bitcoind: { url, cookiePath, feeBlocks: 144 } });
  const ENV = { cookiePath: '/var/lib/bitcoind/.cookie', url: 'http://127.0.0.1:8332/' };
  const ONLY_ENV =
    'bitcoind.cookiePath can be set only by HASHWATT_BITCOIND_COOKIE in the environment, not through the API (it names a file on this server, ' +
    'which is read and sent with every request): set it there, or give bitcoind.user and bitcoind.password';

  it('is refused unless the environment names the same file', () => {
    expect(parseSourcesSettings(withCookie('/proc/self/environ'), null)).toEqual({ ok: false, error: [ONLY_ENV] });
    expect(parseSourcesSettings(withCookie('/proc/self/environ'), null, ENV)).toEqual({ ok: false, error: [ONLY_ENV] });
    expect(parseSourcesSettings(withCookie('/var/lib/bitcoind/.cookie'), null)).toEqual({ ok: false, error: [ONLY_ENV] });
    expect(parseSourcesSettings(withCookie('/var/lib/bitcoind/.cookie'), null, ENV)).toMatchObject({ ok: true });
  });

  it("the environment's file goes to the environment's node only", () => {
    expect(parseSourcesSettings(withCookie('/var/lib/bitcoind/.cookie', 'http://attacker.example:8332/'), null, ENV)).toEqual({
      ok: false,
      error: [
        'bitcoind.cookiePath (HASHWATT_BITCOIND_COOKIE) is sent only to the node of HASHWATT_BITCOIND_URL (http://127.0.0.1:8332): use that URL, or give bitcoind.user and bitcoind.password for another node',
      ],
    });
    expect(parseSourcesSettings(withCookie('/var/lib/bitcoind/.cookie', 'http://127.0.0.1:8332/wallet/'), null, ENV)).toMatchObject({
      ok: true,
    });
  });
});
