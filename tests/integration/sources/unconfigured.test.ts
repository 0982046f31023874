/**
 * With no source configured (the default), a refresh contacts nothing: no request leaves, and the stored
 * network and price state say why, which the economics step repeats instead of computing from nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSourcesConfig } from '../../../collectors/sources/config';
import { refreshSources } from '../../../collectors/sources/runner';
import { storeSweepEconomics } from '../../../collectors/economics-step';
import { getSourced } from '../../../lib/db/queries/source-state';
import { tempDb } from '../../support/temp';

let t: ReturnType<typeof tempDb>;
const requested: string[] = [];
const spy = (async (input: string | URL | Request) => {
  requested.push(String(input instanceof Request ? input.url : input));
  throw new Error('no request may leave');
}) as typeof fetch;

beforeEach(() => {
  t = tempDb();
  requested.length = 0;
  // Any code path that forgot the injected fetch would reach the global one: watch it too.
  vi.stubGlobal('fetch', spy);
});
afterEach(() => {
  vi.unstubAllGlobals();
  t.cleanup();
});

describe('sources with nothing configured', () => {
  it('fetches nothing and records "no network source configured" and "no price source configured"', async () => {
    await refreshSources({ db: t.db, now: () => 1000, config: loadSourcesConfig({}), fetch: spy, log: () => undefined });
    expect(requested).toEqual([]);
    expect(getSourced(t.db, 'network')).toEqual({
      value: null,
      source: 'none',
      fetchedAtMs: null,
      attemptedAtMs: 1000,
      lastError: 'no network source configured: set one in Settings → Network or HASHWATT_MEMPOOL_URL',
    });
    expect(getSourced(t.db, 'price')).toMatchObject({
      value: null,
      source: 'none',
      lastError: expect.stringMatching(/^no price source configured: /),
    });
    expect(storeSweepEconomics(t.db, 1, 1000, 1000, { currency: 'USD', networkStaleAfterMs: 1e6, priceStaleAfterMs: 1e6 }, [])).toEqual({
      skipped: 'no network state yet (no network source configured: set one in Settings → Network or HASHWATT_MEMPOOL_URL)',
    });
  });

  it('a fixed price is used without any request, the network still says it has no source', async () => {
    await refreshSources({
      db: t.db,
      now: () => 2000,
      config: loadSourcesConfig({ HASHWATT_BTC_PRICE: '90000' }),
      fetch: spy,
      log: () => undefined,
    });
    expect(requested).toEqual([]);
    expect(getSourced(t.db, 'price')).toMatchObject({ value: { USD: 90000 }, source: 'config', lastError: null });
    expect(getSourced(t.db, 'network').lastError).toMatch(/^no network source configured/);
  });
});
