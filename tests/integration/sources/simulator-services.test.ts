/**
 * The demo simulator's HTTP services answering the real fetchers over loopback, and the runner storing
 * what they serve. Subnet 127.0.93 is reserved for this file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { upsertPools } from '../../../lib/db/mutations/upsert-pools';
import { getSourced } from '../../../lib/db/queries/source-state';
import { pools } from '../../../lib/db/schema';
import type { BtcPrices, NetworkState, PoolAccountState } from '../../../lib/domain/network';
import { planFleet } from '../../../collectors/simulator/fleet-plan';
import { demoPoolRates } from '../../../collectors/simulator/http/demo-services';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';
import { loadSourcesConfig } from '../../../collectors/sources/config';
import { fetchMempoolNetwork, fetchMempoolPrices } from '../../../collectors/sources/network/mempool';
import { braiinsAdapter } from '../../../collectors/sources/pools/braiins';
import { refreshSources } from '../../../collectors/sources/runner';
import { tempDb } from '../../support/temp';

const SUBNET = '127.0.93';
const T0 = Date.UTC(2025, 10, 1, 0, 1, 0); // start of a flap period: every rig online
let clockMs = T0;
const running: RunningSimulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  clockMs = T0;
});

async function start(httpPort?: number | null): Promise<RunningSimulator> {
  const sim = await startSimulator({ miners: 12, subnet: SUBNET, port: 4028, seed: 11, now: () => clockMs, httpPort });
  running.push(sim);
  return sim;
}

describe('simulator HTTP services', () => {
  it('listen on <subnet>.250:8999 by default and are listed in the manifest', async () => {
    const sim = await start();
    expect(sim.manifest.services).toEqual({
      mempoolBaseUrl: `http://${SUBNET}.250:8999/api`,
      pools: [
        {
          name: 'Braiins Pool (demo)',
          kind: 'braiins',
          baseUrl: `http://${SUBNET}.250:8999`,
          credentials: { token: 'demo-token' },
          feePct: 2,
          matchUrl: 'btc.pool-one.example',
        },
      ],
    });
    await sim.stop();
    // stop() releases the port: a restart on the same address works.
    expect((await start()).manifest.services?.mempoolBaseUrl).toBe(`http://${SUBNET}.250:8999/api`);
  });

  it('serve the mempool-compatible API to the real fetcher; the tip advances with the clock', async () => {
    const sim = await start(0);
    const base = sim.manifest.services!.mempoolBaseUrl;
    const reading = await fetchMempoolNetwork(base, { timeoutMs: 2000, nowMs: clockMs });
    const net = reading.state;
    expect(clockMs - reading.tipTimeMs!).toBeLessThan(600_000);
    expect(net.tipHeight).toBeGreaterThan(920_000);
    expect(net.subsidySats).toBe(312_500_000);
    expect(net.difficulty).toBeGreaterThan(1.16e14);
    expect(net.difficulty).toBeLessThan(1.24e14);
    expect(net.feesPerBlockSats).toBeGreaterThanOrEqual(2_000_000);
    expect(net.feesPerBlockSats).toBeLessThanOrEqual(5_000_000);
    expect(net.nextAdjustment!.height - net.nextAdjustment!.blocksLeft).toBe(net.tipHeight);
    expect(net.halving).toMatchObject({ height: 1_050_000, blocksLeft: 1_050_000 - net.tipHeight });
    const { prices, timeMs } = await fetchMempoolPrices(base, { timeoutMs: 2000 });
    expect(timeMs).toBe(Math.floor(clockMs / 1000) * 1000);
    expect(prices.USD).toBeGreaterThan(87_000);
    expect(prices.USD).toBeLessThan(93_000);
    expect(Object.keys(prices).sort()).toEqual(['AUD', 'CAD', 'CHF', 'EUR', 'GBP', 'JPY', 'USD']);

    clockMs += 30 * 60_000;
    expect((await fetchMempoolNetwork(base, { timeoutMs: 2000, nowMs: clockMs })).state.tipHeight).toBe(net.tipHeight + 3);
  });

  it('serve a Braiins-compatible account whose workers are the rigs on that pool, 1-3 % below their own rate', async () => {
    const sim = await start(0);
    const pool = sim.manifest.services!.pools[0];
    const account = await braiinsAdapter.fetchAccount(
      { baseUrl: pool.baseUrl, credentials: pool.credentials },
      { timeoutMs: 2000, nowMs: clockMs },
    );
    // Rockdale rigs (even indexes) mine on btc.pool-one.example first; Baie-Comeau rigs on pool-two.
    const rockdale = sim.manifest.rigs.filter((r) => r.site === 'Rockdale TX');
    expect(account.workers.map((w) => w.name).sort()).toEqual(rockdale.map((r) => `hashwattdemo.${r.name}`).sort());
    // What the rigs themselves did over the last half hour (the overheating rig throttles part of it).
    const rigRates = demoPoolRates(
      planFleet({ miners: 12, subnet: SUBNET, port: 4028 }).map((plan) => ({ plan, forced: null })),
      11,
      clockMs,
    );
    let rigSum = 0;
    for (const w of account.workers) {
      expect(w.online).toBe(true);
      const gap = 1 - w.hashrateThs / rigRates.get(w.name)!;
      expect(gap).toBeGreaterThan(0.005);
      expect(gap).toBeLessThan(0.035);
      rigSum += rigRates.get(w.name)!;
      const truth = sim.truth(w.name.replace('hashwattdemo.', ''));
      if (sim.manifest.rigs.find((r) => `hashwattdemo.${r.name}` === w.name)?.fault === null) {
        expect(w.hashrateThs / truth.hashrateThs).toBeGreaterThan(0.93);
      }
    }
    expect(account.hashrateThs1h / rigSum).toBeGreaterThan(0.965);
    expect(account.hashrateThs1h / rigSum).toBeLessThan(0.995);
    expect(account.unpaidSats).toBeGreaterThan(0);

    await expect(
      braiinsAdapter.fetchAccount({ baseUrl: pool.baseUrl, credentials: { token: 'nope' } }, { timeoutMs: 2000, nowMs: clockMs }),
    ).rejects.toThrow(/HTTP 401/);
  });

  it('feed the runner end to end: network, price and the demo pool stored in SQLite', async () => {
    const sim = await start(0);
    const t = tempDb();
    try {
      upsertPools(t.db, sim.manifest.services!.pools, clockMs);
      const config = loadSourcesConfig({ HASHWATT_MEMPOOL_URL: sim.manifest.services!.mempoolBaseUrl, HASHWATT_SOURCE_TIMEOUT_MS: '2000' });
      await refreshSources({ db: t.db, now: () => clockMs, config });
      expect(getSourced<NetworkState>(t.db, 'network')).toMatchObject({
        fetchedAtMs: clockMs,
        lastError: null,
        value: { subsidySats: 312_500_000 },
      });
      expect(getSourced<BtcPrices>(t.db, 'price').value?.USD).toBeGreaterThan(87_000);
      const [row] = t.db.orm.select().from(pools).all();
      const pool = getSourced<PoolAccountState>(t.db, `pool:${row.id}`);
      expect(pool).toMatchObject({ source: `braiins:${sim.manifest.services!.pools[0].baseUrl}/`, lastError: null });
      expect(pool.value!.workers).toHaveLength(6);
    } finally {
      t.cleanup();
    }
  });
});
