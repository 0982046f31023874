/**
 * Impossible readings from a loopback mempool-compatible API are refused with the reason stored as the
 * source's error, and the last good value is kept (aging into stale as for any failure): a tip 368,000
 * blocks lower, difficulty 1e-300, difficulty x5, a price dated 2020. A short reorg and a real retarget
 * are accepted, and a negative real-time power price stays valid.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSourcesConfig } from '../../../collectors/sources/config';
import { refreshSources } from '../../../collectors/sources/runner';
import { refreshTariffFeeds } from '../../../collectors/sources-loop';
import { setSiteTariff } from '../../../lib/db/mutations/site-settings';
import { createSite } from '../../../lib/db/mutations/sites';
import { getSourced } from '../../../lib/db/queries/source-state';
import type { BtcPrices, NetworkState } from '../../../lib/domain/network';
import { tempDb } from '../../support/temp';
import { fixtureJson, fixtureText } from '../../unit/sources/fixtures';
import { startFake, type FakeServer } from './fake-servers';

const T1 = Date.UTC(2024, 2, 31, 3, 15, 6); // the captures' conversions.time
const TIP = 837_044; // the newest block of the blocks capture, found at 2024-03-31 01:58:24 UTC
const TIP_TIME_S = 1_711_850_704;
const DIFFICULTY = 31_251_101_365_711.12; // the hashrate capture's currentDifficulty

/** What the fake API answers now: the captures, with the fields a test overrides. */
interface Chain {
  tipHeight: number;
  tipTimeS: number;
  difficulty: number;
  priceTimeS: number;
  usd: number;
  feedPrice: unknown;
}

let chain: Chain;
let server: FakeServer;
let t: ReturnType<typeof tempDb>;
let clockMs: number;

beforeEach(async () => {
  chain = { tipHeight: TIP, tipTimeS: TIP_TIME_S, difficulty: DIFFICULTY, priceTimeS: T1 / 1000, usd: 69_880, feedPrice: 42 };
  const hashrate = fixtureJson('network/mempool-docs-v1-mining-hashrate-3d.json') as Record<string, unknown>;
  const prices = fixtureJson('network/mempool-ws-conversions-mainnet.json') as Record<string, unknown>;
  server = await startFake(({ path }) => {
    const json = (body: unknown) => ({ status: 200, body: JSON.stringify(body) });
    if (path === '/api/v1/blocks') return json([{ height: chain.tipHeight, timestamp: chain.tipTimeS }]);
    if (path === '/api/blocks/tip/height') return { status: 200, body: String(chain.tipHeight), type: 'text/plain' };
    if (path === '/api/v1/difficulty-adjustment') return { status: 200, body: fixtureText('network/mempool-ws-da-mainnet.json') };
    if (path === '/api/v1/mining/reward-stats/144')
      return { status: 200, body: fixtureText('network/mempool-docs-v1-mining-reward-stats-100.json') };
    if (path === '/api/v1/mining/hashrate/3d') return json({ ...hashrate, currentDifficulty: chain.difficulty });
    if (path === '/api/v1/prices') return json({ ...prices, time: chain.priceTimeS, USD: chain.usd });
    if (path === '/feed') return json({ price: chain.feedPrice });
    return { status: 404, body: 'Not found', type: 'text/plain' };
  });
  t = tempDb();
  clockMs = T1;
});
afterEach(async () => {
  t.cleanup();
  await server.close();
});

function refresh() {
  const config = loadSourcesConfig({ HASHWATT_MEMPOOL_URL: `${server.url}/api`, HASHWATT_SOURCE_TIMEOUT_MS: '1000' });
  return refreshSources({
    db: t.db,
    now: () => clockMs,
    config,
    log: () => undefined,
    limits: { networkStaleAfterMs: 1_800_000, priceStaleAfterMs: 1_800_000 },
  });
}

/** Refreshes once with good values at T1, then once a minute later with `change` applied. */
async function acceptThen(change: Partial<Chain>) {
  await refresh();
  const good = { network: getSourced<NetworkState>(t.db, 'network'), price: getSourced<BtcPrices>(t.db, 'price') };
  expect(good.network).toMatchObject({ fetchedAtMs: T1, lastError: null, value: { tipHeight: TIP, difficulty: DIFFICULTY } });
  expect(good.price).toMatchObject({ fetchedAtMs: T1, lastError: null, value: { USD: 69_880 } });
  Object.assign(chain, change);
  clockMs = T1 + 60_000;
  await refresh();
  return good;
}

describe('impossible network readings', () => {
  it.each([
    [
      'a tip 368,000 blocks lower',
      { tipHeight: TIP - 368_000 },
      'refused: tip height 469,044 is 368,000 blocks below the last accepted 837,044 (a reorg is at most 6)',
    ],
    ['difficulty 1e-300', { difficulty: 1e-300 }, 'refused: difficulty 1.00e-300 is outside 1.00e-10 .. 1.00e+20'],
    ['difficulty x5', { difficulty: DIFFICULTY * 5 }, 'refused: difficulty 1.56e+14 is 5.00x the last accepted 3.13e+13 (at most 4x)'],
    [
      'a tip block dated 2020',
      { tipHeight: TIP + 1, tipTimeS: Date.UTC(2020, 0, 1) / 1000 },
      /^refused: the tip block 837,045 is dated 2020-01-01T00:00:00Z, 1,551 days ago/,
    ],
  ])('%s is refused with the reason, and the last good value kept', async (_what, change, reason) => {
    const good = await acceptThen(change);
    const after = getSourced<NetworkState>(t.db, 'network');
    expect(after.lastError).toEqual(typeof reason === 'string' ? reason : expect.stringMatching(reason));
    expect(after.value).toEqual(good.network.value);
    expect(after.fetchedAtMs).toBe(T1); // ages into stale from here
    expect(after.attemptedAtMs).toBe(T1 + 60_000);
    // The price, from the same API, is not affected.
    expect(getSourced(t.db, 'price')).toMatchObject({ fetchedAtMs: T1 + 60_000, lastError: null });
  });

  it('a reorg of 3 blocks and a retarget of 3x are accepted', async () => {
    await acceptThen({ tipHeight: TIP - 3, difficulty: DIFFICULTY * 3 });
    expect(getSourced<NetworkState>(t.db, 'network')).toMatchObject({
      lastError: null,
      fetchedAtMs: T1 + 60_000,
      value: { tipHeight: TIP - 3, difficulty: DIFFICULTY * 3 },
    });
  });
});

describe('impossible prices', () => {
  it.each([
    [
      'a BTC price dated 2020',
      { priceTimeS: Date.UTC(2020, 4, 1) / 1000 },
      /^refused: the prices are dated 2020-05-01T00:00:00Z, 1,430 days ago: older than the 30 min staleness limit/,
    ],
    ['a BTC price of 1e12 USD', { usd: 1e12 }, /^refused: the BTC price 1\.00e\+12 USD is outside 0 \.\. 1\.00e\+8$/],
  ])('%s is refused with the reason, and the last good price kept', async (_what, change, reason) => {
    const good = await acceptThen(change);
    const after = getSourced<BtcPrices>(t.db, 'price');
    expect(after.lastError).toMatch(reason);
    expect(after).toMatchObject({ value: good.price.value, fetchedAtMs: T1, attemptedAtMs: T1 + 60_000 });
  });
});

describe('real-time power prices', () => {
  it('a negative price (some markets pay consumers) is accepted', async () => {
    const site = createSite(t.db, { name: 'ERCOT West', timeZone: 'America/Chicago', currency: 'USD', pue: 1, poolFeePct: 2 }, T1);
    if (!site.ok) throw new Error(`cannot create the test site: ${site.error.message}`);
    const tariff = {
      kind: 'realtime' as const,
      url: `${server.url}/feed`,
      format: 'json' as const,
      priceField: 'price',
      unit: 'MWh' as const,
      staleAfterS: 900,
      fallbackPricePerKwh: 0.05,
    };
    setSiteTariff(t.db, site.value, tariff, T1);
    chain.feedPrice = -12.5;
    const config = loadSourcesConfig({ HASHWATT_MEMPOOL_URL: `${server.url}/api`, HASHWATT_SOURCE_TIMEOUT_MS: '1000' });
    await refreshTariffFeeds({ db: t.db, config, now: () => T1 });
    expect(getSourced(t.db, `tariff:${site.value}`)).toMatchObject({ lastError: null, fetchedAtMs: T1, value: { pricePerKwh: -0.0125 } });
  });
});
