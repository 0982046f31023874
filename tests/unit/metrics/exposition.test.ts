/**
 * The /metrics builder, table by table: series in base units with bounded labels, an unknown value left
 * out (never 0 or NaN), a rig that stops answering leaving only its connectivity, and a principal of one
 * site getting that site's series and totals over it only. Expected values are worked by hand from the
 * fixtures below.
 */
import { describe, expect, it } from 'vitest';
import type { EconomicsView, MarketView, RigView } from '../../../lib/views/contracts';
import type { Reading } from '../../../lib/domain/reading';
import { exposition, metricFamilies, type MetricsInput } from '../../../lib/metrics/exposition';
import { MAX_LABEL_CHARS } from '../../../lib/metrics/families';

const NOW = 1_800_000_000_000;

function reading(over: Partial<Reading>): Reading {
  return {
    driver: 'antminer',
    make: 'Bitmain',
    model: 'Antminer S19j Pro',
    firmware: 'x',
    status: 'mining',
    hashrateThs: 100,
    expectedHashrateThs: 100,
    powerW: 3000,
    powerSource: 'firmware',
    efficiencyJth: 30,
    boards: [],
    tempMaxC: 70,
    fansRpm: [],
    pools: [],
    uptimeS: 1,
    hardwareErrors: 0,
    ...over,
  };
}

function rig(id: number, siteId: number, over: Partial<RigView> = {}, r: Partial<Reading> = {}): RigView {
  return {
    id,
    name: `rig-${id}`,
    siteId,
    siteName: siteId === 1 ? 'North' : 'South',
    address: `10.0.0.${id}`,
    port: 4028,
    driver: 'antminer',
    model: 'Antminer S19j Pro',
    connectivity: 'online',
    lastSeenMs: NOW - 5_000,
    lastError: null,
    reading: reading(r),
    ...over,
  };
}

function econ(currency: string, kwhPerDay: number, revenuePerDay: number, costPerDay: number): EconomicsView {
  const profitPerDay = revenuePerDay - costPerDay;
  return {
    currency,
    tsMs: NOW,
    stale: [],
    hashrateThs: 100,
    powerW: (kwhPerDay * 1000) / 24,
    kwhPerDay,
    btcPerDay: 0.0001,
    revenuePerDay,
    costPerDay,
    profitPerDay,
    revenuePerKwh: revenuePerDay / kwhPerDay,
    profitPerKwh: profitPerDay / kwhPerDay,
    breakevenPricePerKwh: revenuePerDay / kwhPerDay,
    breakevenBtcPrice: null,
    hashpricePerThDay: 0.05,
    pricePerKwh: costPerDay / kwhPerDay,
    powerEstimatedShare: 0,
  };
}

const MARKET: MarketView = {
  currency: 'USD',
  network: {
    tipHeight: 900_000,
    subsidySats: 312_500_000,
    difficulty: 1.2e14,
    feesPerBlockSats: 2_000_000,
    networkHashrateThs: 8e8,
    nextAdjustment: null,
    halving: { height: 1_050_000, blocksLeft: 150_000, estimatedDateMs: NOW },
  },
  networkSource: 'mempool',
  networkFetchedAtMs: NOW - 60_000,
  networkError: null,
  prices: { USD: 100_000, EUR: 80_000, JPY: 15_000_000 },
  btcPrice: 100_000,
  priceSource: 'x',
  priceFetchedAtMs: NOW - 30_000,
  priceError: null,
  hashpricePerThDay: 0.05,
  stale: false,
};

/** North (USD): rigs 1 (firmware power) and 2 (estimated power, no temperature); South (EUR): rig 3, and rig 4 offline. */
function input(over: Partial<MetricsInput> = {}): MetricsInput {
  return {
    nowMs: NOW,
    rigs: [
      rig(1, 1),
      rig(2, 1, {}, { hashrateThs: 90, powerW: 3300, powerSource: 'estimated', tempMaxC: null }),
      rig(3, 2, {}, { powerW: 3100, tempMaxC: 81 }),
      rig(4, 2, { connectivity: 'offline', lastSeenMs: null }),
    ],
    sites: [
      { id: 1, name: 'North', currency: 'USD', pricePerKwh: 0.05 },
      { id: 2, name: 'South', currency: 'EUR', pricePerKwh: 0.04 },
    ],
    economics: {
      fleet: econ('USD', 300, 30, 15),
      sites: { 1: econ('USD', 150, 16, 7.5), 2: econ('EUR', 74.4, 8, 3) },
      rigs: { 1: econ('USD', 72, 8, 3.6), 2: econ('USD', 79.2, 8, 3.96), 3: econ('EUR', 74.4, 8, 3) },
    },
    market: MARKET,
    lastSweep: { startedAtMs: NOW - 12_000, durationMs: 2_000, okCount: 3, failedCount: 1 },
    ...over,
  };
}

type Line = { name: string; labels: Record<string, string>; value: number };

/** The sample lines of an exposition, labels unescaped. */
function parse(text: string): Line[] {
  return text
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(l);
      if (!m) throw new Error(`not a sample line: ${l}`);
      const labels: Record<string, string> = {};
      for (const p of (m[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g))
        labels[p[1]] = p[2].replace(/\\n/g, '\n').replace(/\\(.)/g, '$1');
      return { name: m[1], labels, value: Number(m[3]) };
    });
}

async function scrape(inp: MetricsInput, siteIds: readonly number[] | null = null) {
  const { text, contentType } = await exposition(metricFamilies(inp, { siteIds }));
  return { text, contentType, lines: parse(text) };
}

const pick = (lines: Line[], name: string, labels: Record<string, string> = {}) =>
  lines.filter((l) => l.name === name && Object.entries(labels).every(([k, v]) => l.labels[k] === v));
const one = (lines: Line[], name: string, labels: Record<string, string> = {}) => {
  const found = pick(lines, name, labels);
  expect(found, `${name} ${JSON.stringify(labels)}`).toHaveLength(1);
  return found[0];
};

describe('metrics exposition', () => {
  it('writes each rig in base units with its identity labels, power with its source', async () => {
    const { lines, contentType } = await scrape(input());
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(one(lines, 'hashwatt_rig_hashrate_hashes_per_second', { rig_id: '1' })).toEqual({
      name: 'hashwatt_rig_hashrate_hashes_per_second',
      labels: {
        rig_id: '1',
        rig: 'rig-1',
        site_id: '1',
        site: 'North',
        model: 'Antminer S19j Pro',
        driver: 'antminer',
        algorithm: 'sha256',
      },
      value: 1e14,
    });
    expect(one(lines, 'hashwatt_rig_power_watts', { rig_id: '1' })).toMatchObject({ labels: { source: 'firmware' }, value: 3000 });
    expect(one(lines, 'hashwatt_rig_power_watts', { rig_id: '2' })).toMatchObject({ labels: { source: 'estimate' }, value: 3300 });
    expect(one(lines, 'hashwatt_rig_temperature_max_celsius', { rig_id: '3' }).value).toBe(81);
    expect(one(lines, 'hashwatt_rig_profit_per_kilowatt_hour', { rig_id: '1' }).labels.currency).toBe('USD');
    expect(one(lines, 'hashwatt_rig_profit_per_kilowatt_hour', { rig_id: '1' }).value).toBeCloseTo(4.4 / 72, 12);
    expect(one(lines, 'hashwatt_rig_breakeven_price_per_kilowatt_hour', { rig_id: '3' })).toMatchObject({ labels: { currency: 'EUR' } });
    expect(one(lines, 'hashwatt_rig_breakeven_price_per_kilowatt_hour', { rig_id: '3' }).value).toBeCloseTo(8 / 74.4, 12);
    expect(pick(lines, 'hashwatt_rig_connectivity', { rig_id: '4' }).map((l) => [l.labels.state, l.value])).toEqual([
      ['online', 0],
      ['stale', 0],
      ['offline', 1],
    ]);
    expect(one(lines, 'hashwatt_rig_last_seen_timestamp_seconds', { rig_id: '1' }).value).toBe((NOW - 5_000) / 1000);
  });

  it('sums sites and the fleet over online rigs: SHA-256 hash rate, power by source, hottest sensor, rigs by state, price now', async () => {
    const { lines } = await scrape(input());
    expect(one(lines, 'hashwatt_site_hashrate_hashes_per_second', { site: 'North' }).value).toBe(1.9e14);
    expect(pick(lines, 'hashwatt_site_power_watts', { site: 'North' }).map((l) => [l.labels.source, l.value])).toEqual([
      ['firmware', 3000],
      ['estimate', 3300],
    ]);
    expect(one(lines, 'hashwatt_site_temperature_max_celsius', { site: 'North' }).value).toBe(70);
    expect(pick(lines, 'hashwatt_site_rigs', { site: 'South' }).map((l) => [l.labels.state, l.value])).toEqual([
      ['online', 1],
      ['stale', 0],
      ['offline', 1],
    ]);
    expect(one(lines, 'hashwatt_site_price_per_kilowatt_hour', { site: 'South' })).toMatchObject({
      labels: { currency: 'EUR' },
      value: 0.04,
    });
    expect(one(lines, 'hashwatt_site_profit_per_kilowatt_hour', { site: 'North' }).value).toBeCloseTo(8.5 / 150, 12);
    expect(one(lines, 'hashwatt_fleet_hashrate_hashes_per_second').value).toBe(2.9e14);
    expect(pick(lines, 'hashwatt_fleet_power_watts').map((l) => [l.labels.source, l.value])).toEqual([
      ['firmware', 6100],
      ['estimate', 3300],
    ]);
    expect(one(lines, 'hashwatt_fleet_temperature_max_celsius').value).toBe(81);
    // The whole fleet's stored figures: 15 profit over 300 kWh a day.
    expect(one(lines, 'hashwatt_fleet_profit_per_kilowatt_hour')).toMatchObject({ labels: { currency: 'USD' }, value: 0.05 });
    expect(one(lines, 'hashwatt_fleet_price_per_kilowatt_hour').value).toBe(0.05);
  });

  it('writes network, price and collector figures with their units; prices only in the currencies in use', async () => {
    const { lines } = await scrape(input());
    expect(one(lines, 'hashwatt_network_difficulty').value).toBe(1.2e14);
    expect(one(lines, 'hashwatt_network_block_subsidy_satoshis').value).toBe(312_500_000);
    expect(one(lines, 'hashwatt_network_block_fees_satoshis').value).toBe(2_000_000);
    expect(one(lines, 'hashwatt_network_hashrate_hashes_per_second').value).toBe(8e20);
    expect(pick(lines, 'hashwatt_btc_price').map((l) => [l.labels.currency, l.value])).toEqual([
      ['USD', 100_000],
      ['EUR', 80_000],
    ]);
    expect(one(lines, 'hashwatt_hashprice_per_terahash_second_per_day')).toMatchObject({ labels: { currency: 'USD' }, value: 0.05 });
    expect(one(lines, 'hashwatt_collector_last_sweep_duration_seconds').value).toBe(2);
    expect(one(lines, 'hashwatt_collector_last_sweep_age_seconds').value).toBe(10);
    expect(one(lines, 'hashwatt_collector_last_sweep_failed_polls').value).toBe(1);
    expect(one(lines, 'hashwatt_collector_last_sweep_ok_polls').value).toBe(3);
  });

  it('leaves out every unknown instead of writing 0 or NaN', async () => {
    const nothing = input({
      rigs: [
        rig(1, 1, {}, { powerW: null, powerSource: null, tempMaxC: null, hashrateThs: 100 }),
        rig(5, 1, {}, { algorithm: null, driver: 'gpu-agent', powerW: null, powerSource: null, tempMaxC: null }),
      ],
      sites: [{ id: 1, name: 'North', currency: 'USD', pricePerKwh: null }],
      economics: { fleet: null, sites: {}, rigs: {} },
      market: {
        ...MARKET,
        network: null,
        networkFetchedAtMs: null,
        prices: null,
        btcPrice: null,
        priceFetchedAtMs: null,
        hashpricePerThDay: null,
      },
      lastSweep: null,
    });
    const { text, lines } = await scrape(nothing);
    for (const gone of [
      'hashwatt_rig_power_watts',
      'hashwatt_rig_temperature_max_celsius',
      'hashwatt_rig_profit_per_kilowatt_hour',
      'hashwatt_rig_breakeven_price_per_kilowatt_hour',
      'hashwatt_site_power_watts',
      'hashwatt_site_temperature_max_celsius',
      'hashwatt_site_price_per_kilowatt_hour',
      'hashwatt_site_profit_per_kilowatt_hour',
      'hashwatt_fleet_profit_per_kilowatt_hour',
      'hashwatt_fleet_price_per_kilowatt_hour',
      'hashwatt_network_difficulty',
      'hashwatt_network_block_subsidy_satoshis',
      'hashwatt_btc_price',
      'hashwatt_hashprice_per_terahash_second_per_day',
      'hashwatt_collector_last_sweep_age_seconds',
      'hashwatt_collector_last_sweep_failed_polls',
    ]) {
      expect(text, gone).not.toContain(`${gone} `);
      expect(text, gone).not.toContain(`${gone}{`);
    }
    expect(text).not.toMatch(/NaN|Inf/i);
    // A GPU rig whose algorithm is unknown has no hash rate (H/s of what?), but its connectivity is there.
    expect(pick(lines, 'hashwatt_rig_hashrate_hashes_per_second').map((l) => l.labels.rig_id)).toEqual(['1']);
    expect(pick(lines, 'hashwatt_rig_connectivity', { rig_id: '5', state: 'online' })[0].value).toBe(1);
  });

  it('drops a rig that stops answering to its connectivity and last-seen time (no last value kept)', async () => {
    const { lines } = await scrape(input({ rigs: [rig(1, 1, { connectivity: 'stale' })] }));
    const names = new Set(lines.filter((l) => l.labels.rig_id === '1').map((l) => l.name));
    expect([...names].sort()).toEqual(['hashwatt_rig_connectivity', 'hashwatt_rig_last_seen_timestamp_seconds']);
    expect(one(lines, 'hashwatt_site_hashrate_hashes_per_second', { site: 'North' }).value).toBe(0);
    expect(pick(lines, 'hashwatt_site_rigs', { site: 'North', state: 'stale' })[0].value).toBe(1);
  });

  it('labels GPU hash rate with its algorithm family and keeps it out of the SHA-256 sums', async () => {
    const gpu = rig(6, 1, { driver: 'gpu-miner', model: 'RTX 3080 x6' }, { algorithm: 'kawpow', hashrateThs: 1.5e-4, powerW: 1400 });
    const { lines } = await scrape(input({ rigs: [rig(1, 1), gpu] }));
    expect(one(lines, 'hashwatt_rig_hashrate_hashes_per_second', { rig_id: '6' })).toMatchObject({
      labels: { algorithm: 'progpow', driver: 'gpu-miner' },
      value: 1.5e8,
    });
    expect(one(lines, 'hashwatt_site_hashrate_hashes_per_second', { site: 'North' }).value).toBe(1e14);
    expect(pick(lines, 'hashwatt_site_power_watts', { site: 'North', source: 'firmware' })[0].value).toBe(4400);
  });

  it('bounds label values: control characters gone, cut to the limit, one series per rig and state', async () => {
    const evil = rig(7, 1, { name: 'evil\nrig', model: `S19"\\${'x'.repeat(5000)}` });
    const { text, lines } = await scrape(input({ rigs: [evil] }));
    const labels = one(lines, 'hashwatt_rig_hashrate_hashes_per_second').labels;
    expect(labels.rig).toBe('evil rig');
    expect(labels.model).toBe(`S19"\\${'x'.repeat(MAX_LABEL_CHARS - 5)}`);
    expect(text.length).toBeLessThan(12_000);
    expect(pick(lines, 'hashwatt_rig_connectivity')).toHaveLength(3);
    // Only these label names exist anywhere: no reading, error or address ever becomes a label.
    const names = new Set(lines.flatMap((l) => Object.keys(l.labels)));
    expect([...names].sort()).toEqual(['algorithm', 'currency', 'driver', 'model', 'rig', 'rig_id', 'site', 'site_id', 'source', 'state']);
  });

  it("gives a principal of one site that site's series only, fleet totals over it, the network, and no fleet-wide poll counts", async () => {
    const { text, lines } = await scrape(input(), [2]);
    expect(text).not.toMatch(/North|rig-1|rig-2/);
    expect(new Set(lines.filter((l) => l.labels.site_id).map((l) => l.labels.site_id))).toEqual(new Set(['2']));
    expect(one(lines, 'hashwatt_fleet_hashrate_hashes_per_second').value).toBe(1e14);
    expect(pick(lines, 'hashwatt_fleet_power_watts').map((l) => [l.labels.source, l.value])).toEqual([['firmware', 3100]]);
    expect(pick(lines, 'hashwatt_fleet_rigs').map((l) => l.value)).toEqual([1, 0, 1]);
    // South's EUR figures in the fleet currency at 100,000 / 80,000: profit 5 EUR = 6.25 USD a day over 74.4 kWh.
    expect(one(lines, 'hashwatt_fleet_profit_per_kilowatt_hour')).toMatchObject({ labels: { currency: 'USD' } });
    expect(one(lines, 'hashwatt_fleet_profit_per_kilowatt_hour').value).toBeCloseTo(6.25 / 74.4, 12);
    expect(one(lines, 'hashwatt_fleet_price_per_kilowatt_hour').value).toBeCloseTo((3 / 74.4) * 1.25, 12);
    expect(pick(lines, 'hashwatt_btc_price').map((l) => l.labels.currency)).toEqual(['USD', 'EUR']);
    expect(one(lines, 'hashwatt_network_difficulty').value).toBe(1.2e14);
    expect(one(lines, 'hashwatt_collector_last_sweep_age_seconds').value).toBe(10);
    expect(text).not.toContain('hashwatt_collector_last_sweep_failed_polls');
    expect(text).not.toContain('hashwatt_collector_last_sweep_ok_polls');
  });

  it('gives a principal of a site without rigs or economics no fleet money, not zeros', async () => {
    const { text, lines } = await scrape(
      input({ sites: [...input().sites, { id: 3, name: 'East', currency: 'USD', pricePerKwh: null }] }),
      [3],
    );
    expect(text).not.toContain('hashwatt_fleet_profit_per_kilowatt_hour');
    expect(text).not.toContain('hashwatt_rig_');
    expect(one(lines, 'hashwatt_fleet_hashrate_hashes_per_second').value).toBe(0);
  });
});
