/**
 * /metrics benchmark: builds the exposition (lib/metrics: families, then prom-client's text) for fleets
 * of 48, 1,000 and 5,000 rigs over 4 sites, each fully online with economics, for a whole-fleet token and
 * for one limited to one site. Prints JSON: series, bytes and build time p50/p95 per size. The database
 * read (one read transaction of the rig views) is not included; at the 48-rig demo the whole GET
 * /metrics over HTTP is measured by hand (README).
 *   node --import tsx bench/metrics.ts   (BENCH_METRICS_RUNS overrides the 30 runs per size)
 */
import type { Reading } from '../lib/domain/reading';
import { exposition, metricFamilies, type MetricsInput } from '../lib/metrics/exposition';
import type { EconomicsView, RigView } from '../lib/views/contracts';

const RUNS = Number(process.env.BENCH_METRICS_RUNS ?? 30);
const SITES = 4;
const NOW = Date.now();

function economics(i: number): EconomicsView {
  return {
    currency: 'USD',
    tsMs: NOW,
    stale: [],
    hashrateThs: 100 + (i % 50),
    powerW: 3200,
    kwhPerDay: 76.8,
    btcPerDay: 0.0001,
    revenuePerDay: 9,
    costPerDay: 3.2,
    profitPerDay: 5.8,
    revenuePerKwh: 0.117,
    profitPerKwh: 0.0755,
    breakevenPricePerKwh: 0.117,
    breakevenBtcPrice: 40_000,
    hashpricePerThDay: 0.05,
    pricePerKwh: 0.042,
    powerEstimatedShare: 0,
  };
}

function fleet(rigs: number): MetricsInput {
  const views: RigView[] = Array.from({ length: rigs }, (_, i) => {
    const reading: Reading = {
      driver: 'antminer',
      make: 'Bitmain',
      model: 'Antminer S19j Pro',
      firmware: 'x',
      status: 'mining',
      hashrateThs: 95 + (i % 10),
      expectedHashrateThs: 100,
      powerW: 3000 + (i % 100),
      powerSource: i % 3 === 0 ? 'estimated' : 'firmware',
      efficiencyJth: 30,
      boards: [],
      tempMaxC: 60 + (i % 20),
      fansRpm: [],
      pools: [],
      uptimeS: 1000,
      hardwareErrors: 0,
    };
    const siteId = (i % SITES) + 1;
    return {
      id: i + 1,
      name: `rack-${siteId}-${String(i).padStart(4, '0')}`,
      siteId,
      siteName: `Site ${siteId}`,
      address: `10.0.${i >> 8}.${i & 255}`,
      port: 4028,
      driver: 'antminer',
      model: 'Antminer S19j Pro',
      connectivity: 'online',
      lastSeenMs: NOW - 3000,
      lastError: null,
      reading,
    };
  });
  return {
    nowMs: NOW,
    rigs: views,
    sites: Array.from({ length: SITES }, (_, i) => ({ id: i + 1, name: `Site ${i + 1}`, currency: 'USD', pricePerKwh: 0.042 })),
    economics: {
      fleet: economics(0),
      sites: Object.fromEntries(Array.from({ length: SITES }, (_, i) => [i + 1, economics(i)])),
      rigs: Object.fromEntries(views.map((r) => [r.id, economics(r.id)])),
    },
    market: {
      currency: 'USD',
      network: {
        tipHeight: 900_000,
        subsidySats: 312_500_000,
        difficulty: 1.2e14,
        feesPerBlockSats: 2e6,
        networkHashrateThs: 8e8,
        nextAdjustment: null,
        halving: { height: 1_050_000, blocksLeft: 150_000, estimatedDateMs: NOW },
      },
      networkSource: 'x',
      networkFetchedAtMs: NOW,
      networkError: null,
      prices: { USD: 100_000 },
      btcPrice: 100_000,
      priceSource: 'x',
      priceFetchedAtMs: NOW,
      priceError: null,
      hashpricePerThDay: 0.05,
      stale: false,
    },
    lastSweep: { startedAtMs: NOW - 5000, durationMs: 1200, okCount: rigs, failedCount: 0 },
  };
}

async function measure(input: MetricsInput, siteIds: number[] | null) {
  const times: number[] = [];
  let text = '';
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    text = (await exposition(metricFamilies(input, { siteIds }))).text;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 10) / 10;
  return {
    series: text.split('\n').filter((l) => l && !l.startsWith('#')).length,
    bytes: Buffer.byteLength(text),
    p50Ms: at(0.5),
    p95Ms: at(0.95),
  };
}

async function main() {
  const out: Record<string, unknown> = { runs: RUNS };
  for (const rigs of [48, 1000, 5000]) {
    const input = fleet(rigs);
    out[`rigs${rigs}`] = { wholeFleet: await measure(input, null), oneSite: await measure(input, [1]) };
  }
  out.peakRssMb = Math.round(process.memoryUsage().rss / 1e6);
  console.log(JSON.stringify(out));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
