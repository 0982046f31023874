/** Source settings from the environment: defaults, and errors that name the variable. */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../lib/config';
import { loadSourcesConfig } from '../../../collectors/sources/config';

describe('loadSourcesConfig', () => {
  it('has the documented defaults: no source at all (nothing public is contacted unless set), USD', () => {
    expect(loadSourcesConfig({})).toEqual({
      networkSource: 'none',
      mempoolBaseUrl: null,
      bitcoind: null,
      fixedBtcPrice: null,
      currency: 'USD',
      intervalS: 60,
      timeoutMs: 5000,
    });
  });

  it('reads a self-hosted mempool, a fixed price and a currency', () => {
    const c = loadSourcesConfig({
      HASHWATT_MEMPOOL_URL: 'http://umbrel.local:3006/api/',
      HASHWATT_BTC_PRICE: '83000.5',
      HASHWATT_CURRENCY: 'eur',
      HASHWATT_SOURCE_INTERVAL_S: '120',
      HASHWATT_SOURCE_TIMEOUT_MS: '2500',
    });
    expect(c).toMatchObject({
      networkSource: 'mempool',
      mempoolBaseUrl: 'http://umbrel.local:3006/api',
      fixedBtcPrice: 83000.5,
      currency: 'EUR',
      intervalS: 120,
      timeoutMs: 2500,
    });
  });

  it('uses the public mempool.space API only when it is set, and a fixed price needs no source', () => {
    expect(loadSourcesConfig({ HASHWATT_MEMPOOL_URL: 'https://mempool.space/api' })).toMatchObject({
      networkSource: 'mempool',
      mempoolBaseUrl: 'https://mempool.space/api',
    });
    expect(loadSourcesConfig({ HASHWATT_BTC_PRICE: '90000' })).toMatchObject({
      networkSource: 'none',
      mempoolBaseUrl: null,
      fixedBtcPrice: 90000,
    });
    expect(loadSourcesConfig({ HASHWATT_NETWORK_SOURCE: 'none', HASHWATT_MEMPOOL_URL: 'http://10.0.0.9/api' })).toMatchObject({
      networkSource: 'none',
      mempoolBaseUrl: 'http://10.0.0.9/api',
    });
  });

  it('reads Bitcoin Core with a user and password, or a cookie file', () => {
    expect(
      loadSourcesConfig({ HASHWATT_NETWORK_SOURCE: 'bitcoind', HASHWATT_BITCOIND_USER: 'u', HASHWATT_BITCOIND_PASSWORD: 'p' }).bitcoind,
    ).toEqual({
      url: 'http://127.0.0.1:8332/',
      user: 'u',
      password: 'p',
      cookiePath: null,
      feeBlocks: 144,
    });
    const cookie = loadSourcesConfig({
      HASHWATT_NETWORK_SOURCE: 'bitcoind',
      HASHWATT_BITCOIND_URL: 'http://10.0.0.5:8332',
      HASHWATT_BITCOIND_COOKIE: '/var/lib/bitcoind/.cookie',
      HASHWATT_BITCOIND_FEE_BLOCKS: '6',
    });
    expect(cookie.bitcoind).toMatchObject({
      url: 'http://10.0.0.5:8332',
      cookiePath: '/var/lib/bitcoind/.cookie',
      user: null,
      feeBlocks: 6,
    });
  });

  it.each([
    [{ HASHWATT_NETWORK_SOURCE: 'electrum' }, /HASHWATT_NETWORK_SOURCE="electrum" must be mempool, bitcoind or none/],
    [
      { HASHWATT_NETWORK_SOURCE: 'mempool' },
      /HASHWATT_NETWORK_SOURCE=mempool needs HASHWATT_MEMPOOL_URL \(your own instance, or https:\/\/mempool.space\/api/,
    ],
    [{ HASHWATT_MEMPOOL_URL: 'mempool.space/api' }, /HASHWATT_MEMPOOL_URL="mempool.space\/api" is not a URL/],
    [{ HASHWATT_MEMPOOL_URL: 'ftp://x/api' }, /HASHWATT_MEMPOOL_URL must be an http/],
    [{ HASHWATT_BTC_PRICE: 'ninety thousand' }, /HASHWATT_BTC_PRICE="ninety thousand" is not a positive number/],
    [{ HASHWATT_BTC_PRICE: '0' }, /HASHWATT_BTC_PRICE="0"/],
    [{ HASHWATT_CURRENCY: 'BTC' }, /HASHWATT_CURRENCY="BTC" must be one of USD, EUR, GBP, CAD, CHF, AUD, JPY/],
    [{ HASHWATT_SOURCE_INTERVAL_S: '1' }, /HASHWATT_SOURCE_INTERVAL_S="1" is not a whole number from 5/],
    [{ HASHWATT_SOURCE_TIMEOUT_MS: '5s' }, /HASHWATT_SOURCE_TIMEOUT_MS="5s"/],
    [{ HASHWATT_NETWORK_SOURCE: 'bitcoind' }, /needs HASHWATT_BITCOIND_USER and HASHWATT_BITCOIND_PASSWORD, or HASHWATT_BITCOIND_COOKIE/],
    [{ HASHWATT_NETWORK_SOURCE: 'bitcoind', HASHWATT_BITCOIND_USER: 'u' }, /must be set together/],
    [
      { HASHWATT_NETWORK_SOURCE: 'bitcoind', HASHWATT_BITCOIND_COOKIE: '/c', HASHWATT_BITCOIND_URL: 'localhost:8332' },
      /HASHWATT_BITCOIND_URL/,
    ],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadSourcesConfig(env)).toThrow(ConfigError);
    expect(() => loadSourcesConfig(env)).toThrow(message);
  });
});
