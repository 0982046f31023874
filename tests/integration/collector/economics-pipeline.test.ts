/**
 * The economics pipeline against the demo simulator over real TCP and HTTP into a real SQLite file:
 * sources fetched from the simulator's mempool-compatible API, economics stored after each sweep, a
 * tariff raise turning exactly the rigs whose breakeven is below it into losers, and a failing source
 * keeping its last good value while the figures are flagged stale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOnce, type CollectorOptions } from '../../../collectors/collector';
import { getDriver } from '../../../collectors/drivers';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';
import { CLASSIC_MIX } from '../../../collectors/simulator/fleet-plan';
import { loadSourcesConfig } from '../../../collectors/sources/config';
import { refreshSources } from '../../../collectors/sources/runner';
import { setSiteTariff } from '../../../lib/db/mutations/site-settings';
import { latestEconomics } from '../../../lib/db/queries/economics';
import { getSourced } from '../../../lib/db/queries/source-state';
import { listSites } from '../../../lib/db/queries/sites';
import type { BtcPrices, NetworkState } from '../../../lib/domain/network';
import { parseTariff } from '../../../lib/economics';
import { setUpDemo } from '../../../bin/supervisor/demo-setup';
import { tempDb } from '../../support/temp';

let sim: RunningSimulator;
let t: ReturnType<typeof tempDb>;
let opts: CollectorOptions;
const market = { currency: 'USD', networkStaleAfterMs: 60_000, priceStaleAfterMs: 60_000 };

beforeAll(async () => {
  sim = await startSimulator({ miners: 16, subnet: '127.0.94', port: 4028, seed: 11, httpPort: 0, mix: CLASSIC_MIX });
  t = tempDb();
  setUpDemo(t.db, sim.manifest, Date.now());
  opts = {
    db: t.db,
    getDriver,
    pollIntervalMs: 1000,
    requestTimeoutMs: 500,
    concurrency: 8,
    policy: { staleAfterPolls: 2, offlineAfterPolls: 3 },
    market,
  };
});

afterAll(async () => {
  await sim?.stop();
  t?.cleanup();
});

function sourcesConfig(mempoolBaseUrl: string) {
  return { ...loadSourcesConfig({ HASHWATT_MEMPOOL_URL: mempoolBaseUrl }), timeoutMs: 5000 };
}

describe('economics pipeline', () => {
  it('says why it skips economics before any network data exists', async () => {
    const info = await sweepOnce(opts);
    expect(info?.economics).toEqual({ skipped: 'no network state yet' });
  });

  it('stores rig, site and fleet figures after a sweep once the sources answered', async () => {
    await refreshSources({ db: t.db, now: Date.now, config: sourcesConfig(sim.manifest.services!.mempoolBaseUrl) });
    const network = getSourced<NetworkState>(t.db, 'network');
    const prices = getSourced<BtcPrices>(t.db, 'price').value!;
    expect(network.value!.subsidySats).toBe(312_500_000);
    expect(prices.USD).toBeGreaterThan(0);
    expect(prices.CAD).toBeGreaterThan(0);

    const info = await sweepOnce(opts);
    expect(info?.economics).toMatchObject({ stored: expect.any(Number) });
    const eco = latestEconomics(t.db);
    expect(Object.keys(eco.rigs)).toHaveLength(info!.ok);
    const sites = listSites(t.db);
    const cad = sites.find((s) => s.currency === 'CAD')!;
    expect(eco.sites[cad.id].currency).toBe('CAD');
    // The fleet is the sum of its sites, each converted at the BTC prices' cross rate.
    const fleetRevenue = Object.entries(eco.sites).reduce((sum, [, s]) => sum + s.revenuePerDay * (prices.USD / prices[s.currency]), 0);
    expect(eco.fleet!.currency).toBe('USD');
    expect(eco.fleet!.revenuePerDay).toBeCloseTo(fleetRevenue, 6);
    const fleetPower = Object.values(eco.rigs).reduce((sum, r) => sum + r.powerW, 0);
    expect(eco.fleet!.powerW).toBeCloseTo(fleetPower, 6);
    expect(eco.fleet!.stale).toEqual([]);
    // A flat-tariff rig earns its breakeven minus the price per kWh.
    const cadRig = Object.values(eco.rigs).find((r) => r.currency === 'CAD')!;
    expect(cadRig.pricePerKwh).toBe(0.058);
    expect(cadRig.profitPerKwh!).toBeCloseTo(cadRig.breakevenPricePerKwh! - 0.058, 9);
  });

  it('makes exactly the rigs whose breakeven is below a raised tariff lose money', async () => {
    const cad = listSites(t.db).find((s) => s.currency === 'CAD')!;
    const before = latestEconomics(t.db);
    const breakevens = Object.values(before.rigs)
      .filter((r) => r.currency === 'CAD')
      .map((r) => r.breakevenPricePerKwh!)
      .sort((a, b) => a - b);
    const price = (breakevens[1] + breakevens[2]) / 2; // between the 2nd and 3rd least efficient
    const tariff = parseTariff({ kind: 'flat', pricePerKwh: price });
    expect(tariff.ok).toBe(true);
    if (!tariff.ok) return;
    setSiteTariff(t.db, cad.id, tariff.value, Date.now());
    await sweepOnce(opts);
    const after = latestEconomics(t.db);
    const cadRigs = Object.values(after.rigs).filter((r) => r.currency === 'CAD');
    const losing = cadRigs.filter((r) => r.profitPerKwh! < 0);
    expect(losing.length).toBeGreaterThanOrEqual(2);
    for (const r of cadRigs) expect(r.profitPerKwh! < 0, `breakeven ${r.breakevenPricePerKwh}`).toBe(r.breakevenPricePerKwh! < price);
  });

  it('keeps the last good network value when the source fails, and flags figures stale once it ages', async () => {
    const good = getSourced<NetworkState>(t.db, 'network');
    await refreshSources({ db: t.db, now: Date.now, config: sourcesConfig('http://127.0.0.1:9/api') });
    const after = getSourced<NetworkState>(t.db, 'network');
    expect(after.value).toEqual(good.value);
    expect(after.fetchedAtMs).toBe(good.fetchedAtMs);
    expect(after.lastError).toMatch(/127\.0\.0\.1:9/);
    const staleOpts = { ...opts, market: { ...market, networkStaleAfterMs: 1, priceStaleAfterMs: 1 } };
    await new Promise((r) => setTimeout(r, 10));
    await sweepOnce(staleOpts);
    expect(latestEconomics(t.db).fleet!.stale).toEqual(expect.arrayContaining(['network', 'price']));
  });
});
