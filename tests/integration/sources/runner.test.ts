/**
 * The source runner against real loopback HTTP servers and a real SQLite file: values from the captures
 * are stored with their fetch time; when a server errors, sends garbage or never answers, the last good
 * value stays with its old fetchedAtMs while the attempt and a one-line error are recorded.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSourced } from '../../../lib/db/queries/source-state';
import { pools } from '../../../lib/db/schema';
import type { BtcPrices, NetworkState, PoolAccountState } from '../../../lib/domain/network';
import { loadSourcesConfig } from '../../../collectors/sources/config';
import { refreshSources } from '../../../collectors/sources/runner';
import { tempDb } from '../../support/temp';
import { FAKE_TOKEN, startCapturesServer, startFake, type FakeServer } from './fake-servers';

const T1 = Date.UTC(2024, 2, 31, 3, 15, 6); // the captures' conversions.time
// Long enough for a loaded machine to answer from loopback; the silent server cases wait this long.
const TIMEOUT_MS = 1500;

let server: FakeServer;
let t: ReturnType<typeof tempDb>;
let clockMs = T1;

beforeEach(async () => {
  server = await startCapturesServer();
  t = tempDb();
  clockMs = T1;
});
afterEach(async () => {
  t.cleanup();
  await server.close();
});

function addPool(name: string, kind: string, baseUrl: string, credentials: object): number {
  const row = t.db.orm
    .insert(pools)
    .values({ name, kind, baseUrl, credentialsJson: JSON.stringify(credentials), matchUrl: name, createdAtMs: T1 })
    .returning({ id: pools.id })
    .get();
  return row.id;
}

function refresh(env: Record<string, string> = {}) {
  const config = loadSourcesConfig({ HASHWATT_MEMPOOL_URL: `${server.url}/api`, HASHWATT_SOURCE_TIMEOUT_MS: String(TIMEOUT_MS), ...env });
  return refreshSources({ db: t.db, now: () => clockMs, config, log: () => undefined });
}

const expectedNetwork: NetworkState = {
  tipHeight: 837044,
  subsidySats: 625_000_000,
  difficulty: 31251101365711.12,
  feesPerBlockSats: 13117483,
  networkHashrateThs: 252033247.3552123,
  nextAdjustment: { estimatedChangePct: 5.914788959658535, estimatedDateMs: 1712766704114, blocksLeft: 1606, height: 838656 },
  halving: { height: 840000, blocksLeft: 2956, estimatedDateMs: T1 + 2956 * 574743 },
};

describe('refreshSources', () => {
  it('stores network, price and each pool account with its fetch time', async () => {
    const braiins = addPool('Braiins', 'braiins', `${server.url}/braiins`, { token: FAKE_TOKEN });
    const ocean = addPool('OCEAN', 'ocean', `${server.url}/ocean`, { address: 'bc1qexampleaddress' });
    await refresh();

    const network = getSourced<NetworkState>(t.db, 'network');
    expect(network).toEqual({
      value: expectedNetwork,
      source: `mempool:${server.url}/api`,
      fetchedAtMs: T1,
      attemptedAtMs: T1,
      lastError: null,
    });
    expect(getSourced<BtcPrices>(t.db, 'price').value).toEqual({
      USD: 69880,
      EUR: 64823,
      GBP: 55198,
      CAD: 95154,
      CHF: 63041,
      AUD: 107374,
      JPY: 10601000,
    });

    const pool = getSourced<PoolAccountState>(t.db, `pool:${braiins}`);
    expect(pool).toMatchObject({ source: `braiins:${server.url}/braiins`, fetchedAtMs: T1, lastError: null });
    expect(pool.value).toEqual({
      hashrateThs1h: 28.191,
      hashrateThs24h: 28.357,
      unpaidSats: 15_000_000,
      earnedSats24h: 16_667,
      workers: [
        { name: 'username.worker1', hashrateThs: 15.302, online: true },
        { name: 'username.worker2', hashrateThs: 12.889, online: true },
      ],
    });
    expect(getSourced<PoolAccountState>(t.db, `pool:${ocean}`).value).toMatchObject({ hashrateThs1h: 2, unpaidSats: 100_000 });
    const tokenSent = server.requests.find((r) => r.path.startsWith('/braiins/'))?.headers['slushpool-auth-token'];
    expect(tokenSent).toBe(FAKE_TOKEN);
  });

  it.each([
    ['error' as const, /^HTTP 500 \(GET http:\/\/127\.0\.0\.1:\d+\/(api|braiins)\//],
    ['garbage' as const, /(not JSON|not an integer)/],
    ['silent' as const, new RegExp(`no answer within ${TIMEOUT_MS} ms`)],
  ])('keeps the last good values, flagged by age and error, when the server turns %s', async (mode, message) => {
    const braiins = addPool('Braiins', 'braiins', `${server.url}/braiins`, { token: FAKE_TOKEN });
    await refresh();
    const before = getSourced<PoolAccountState>(t.db, `pool:${braiins}`).value;

    server.mode = mode;
    clockMs = T1 + 60_000;
    const started = Date.now();
    await refresh();
    // Bounded by the per-request timeout, not by the server. The pool's two calls run one after the other.
    expect(Date.now() - started).toBeLessThan(3 * TIMEOUT_MS + 1500);

    for (const key of ['network', 'price', `pool:${braiins}`]) {
      const s = getSourced(t.db, key);
      expect(s.fetchedAtMs, key).toBe(T1);
      expect(s.attemptedAtMs, key).toBe(T1 + 60_000);
      expect(s.lastError, key).toMatch(message);
      expect(s.lastError, key).not.toContain('\n');
    }
    expect(getSourced(t.db, 'network').value).toEqual(expectedNetwork);
    expect(getSourced(t.db, `pool:${braiins}`).value).toEqual(before);

    // Recovery replaces the value and clears the error.
    server.mode = 'ok';
    clockMs = T1 + 120_000;
    await refresh();
    expect(getSourced(t.db, 'network')).toMatchObject({ fetchedAtMs: T1 + 120_000, lastError: null });
  });

  it('a fixed price needs no fetch and is stored in the fleet currency', async () => {
    await refresh({ HASHWATT_BTC_PRICE: '85000', HASHWATT_CURRENCY: 'EUR' });
    expect(getSourced<BtcPrices>(t.db, 'price')).toMatchObject({ value: { EUR: 85000 }, source: 'config', fetchedAtMs: T1 });
    expect(server.requests.some((r) => r.path === '/api/v1/prices')).toBe(false);
  });

  it('each pool fails alone: a wrong token (never stored), an unknown kind, bad credentials', async () => {
    const good = addPool('Good', 'braiins', `${server.url}/braiins`, { token: FAKE_TOKEN });
    const wrong = addPool('Wrong', 'braiins', `${server.url}/braiins`, { token: 'leaked-secret-token' });
    const unknown = addPool('Foundry', 'foundry', 'https://example.invalid', {});
    const missing = addPool('Ocean without address', 'ocean', `${server.url}/ocean`, {});
    await refresh();
    expect(getSourced(t.db, `pool:${good}`).lastError).toBeNull();
    const wrongState = getSourced(t.db, `pool:${wrong}`);
    expect(wrongState).toMatchObject({ value: null, fetchedAtMs: null, attemptedAtMs: T1 });
    expect(wrongState.lastError).toMatch(
      /^HTTP 401: the server refused the credentials \(GET http:\/\/127\.0\.0\.1:\d+\/braiins\/accounts\/profile\/json\/btc\/\)$/,
    );
    expect(getSourced(t.db, `pool:${unknown}`).lastError).toBe('unknown pool kind "foundry"');
    expect(getSourced(t.db, `pool:${missing}`).lastError).toBe('ocean pool needs credentials.address');
    expect(getSourced(t.db, 'network').lastError).toBeNull();
  });

  it('a price source without the fleet currency is a failure, not a silent USD', async () => {
    const usdOnly = await startFake(() => ({ status: 200, body: '{"time":1711854906,"USD":69880,"JPY":-1}' }));
    try {
      await refresh({ HASHWATT_CURRENCY: 'JPY', HASHWATT_MEMPOOL_URL: `${usdOnly.url}/api` });
      expect(getSourced<BtcPrices>(t.db, 'price')).toMatchObject({ value: null, lastError: 'the price source has no JPY price' });
    } finally {
      await usdOnly.close();
    }
  });
});
