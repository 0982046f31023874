/**
 * GPU rigs in the accounts (issue 14 item 4), against hand-computed values from economics.md's worked
 * example (S21: 200 TH/s, 3,500 W, revenue 7.5791 USD/day, breakeven 0.090227 USD/kWh at PUE 1): a GPU rig's
 * power always counts in its site's and the fleet's kWh and cost; its revenue is unknown until set per
 * algorithm, and then the site's profit is "excluding GPU revenue" while breakeven, profit per kWh and the
 * merit order are over the rigs with known revenue. Fleet kWh/day = sum over sites of power x 24 h x PUE.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkState } from '../../../lib/domain/network';
import type { Reading } from '../../../lib/domain/reading';
import { GPU_REVENUE_UNSET, sweepEconomics, type SiteEconomicsInput } from '../../../lib/economics/fleet-economics';
import { parseSiteGpuRevenue } from '../../../lib/settings/gpu-revenue';
import { sig5 } from './fixtures';

const NETWORK: NetworkState = {
  tipHeight: 900_000,
  subsidySats: 312_500_000,
  difficulty: 1.48e14,
  feesPerBlockSats: 3_600_000,
  networkHashrateThs: null,
  nextAdjustment: null,
  halving: { height: 1_050_000, blocksLeft: 150_000, estimatedDateMs: 0 },
};
const S21 = {
  driver: 'antminer',
  make: 'Bitmain',
  model: 'Antminer S21',
  firmware: '',
  status: 'mining',
  hashrateThs: 200,
  expectedHashrateThs: null,
  powerW: 3500,
  powerSource: 'firmware',
  efficiencyJth: 17.5,
  boards: [],
  tempMaxC: null,
  fansRpm: [],
  pools: [],
  uptimeS: null,
  hardwareErrors: null,
} as Reading;
// A GPU rig: 40 MH/s of kawpow (hashrateThs in TH/s of its algorithm) at 1,000 W.
const GPU = {
  ...S21,
  driver: 'gpu-agent',
  model: 'RTX rig',
  algorithm: 'kawpow',
  hashrateThs: 40e-6,
  powerW: 1000,
  efficiencyJth: null,
} as Reading;

const site = (id: number, patch: Partial<SiteEconomicsInput> = {}): SiteEconomicsInput => ({
  id,
  currency: 'USD',
  pue: 1,
  poolFeePct: 2,
  price: { pricePerKwh: 0.05, dayAvgPricePerKwh: 0.05, stale: false },
  ...patch,
});

function run(sites: SiteEconomicsInput[]) {
  return sweepEconomics({
    network: NETWORK,
    prices: { USD: 90_000 },
    fleetCurrency: 'USD',
    networkStale: false,
    priceStale: false,
    sites,
    rigs: [
      { id: 1, siteId: 1, reading: S21, poolFeePct: null },
      { id: 2, siteId: 1, reading: GPU, poolFeePct: null },
      { id: 3, siteId: 2, reading: S21, poolFeePct: null },
    ],
  });
}

describe('GPU rigs in the accounts', () => {
  it('revenue not set: their kWh and cost count, profit excludes their revenue, breakeven is over the S21 only', () => {
    const r = run([site(1), site(2)]);
    const s1 = r.sites.get(1)!;
    expect(s1.kwhPerDay).toBe(108); // 84 + 24
    expect(sig5(s1.costPerDay)).toBe(5.4); // 108 x 0.05
    expect(sig5(s1.revenuePerDay)).toBe(7.5791);
    expect(sig5(s1.profitPerDay)).toBe(2.1791); // known revenue minus all cost
    expect(sig5(s1.breakevenPricePerKwh)).toBe(0.090227);
    expect(sig5(s1.profitPerKwh)).toBe(0.040227);
    expect(s1.stale).toEqual([GPU_REVENUE_UNSET]);
    const gpu = r.rigs.get(2)!;
    expect([gpu.revenuePerDay, gpu.breakevenPricePerKwh, gpu.profitPerKwh, gpu.hashrateThs]).toEqual([0, null, null, 0]);
    expect(gpu.costPerDay).toBeCloseTo(1.2, 12);
    expect(gpu.stale).toEqual([GPU_REVENUE_UNSET]);
    expect(r.sites.get(2)!.stale).toEqual([]);
    expect(r.fleet!.stale).toEqual([GPU_REVENUE_UNSET]);
    // Site hash rate stays Bitcoin's: a GPU's TH/s of kawpow is not added to SHA-256 TH/s.
    expect(s1.hashrateThs).toBe(200);
  });

  it('revenue set for kawpow: 40 MH/s x 0.02 = 0.80 USD/day, its own breakeven 0.80 / 24 kWh, site breakeven over both', () => {
    const r = run([site(1, { gpuRevenuePerMhsDay: { kawpow: 0.02 } }), site(2)]);
    const gpu = r.rigs.get(2)!;
    expect(gpu.revenuePerDay).toBeCloseTo(0.8, 12);
    expect(gpu.breakevenPricePerKwh).toBeCloseTo(0.8 / 24, 12);
    expect(gpu.profitPerKwh).toBeCloseTo(0.8 / 24 - 0.05, 12); // losing money now
    expect(gpu.stale).toEqual([]);
    const s1 = r.sites.get(1)!;
    expect(sig5(s1.breakevenPricePerKwh)).toBe(sig5((7.57906 + 0.8) / 108));
    expect(s1.stale).toEqual([]);
  });

  it('a setting for another algorithm leaves the rig unknown', () => {
    expect(run([site(1, { gpuRevenuePerMhsDay: { ethash: 0.02 } }), site(2)]).rigs.get(2)!.breakevenPricePerKwh).toBeNull();
  });

  it('fleet kWh/day is the sum over sites of power x 24 h x that site PUE', () => {
    const r = run([site(1, { pue: 1.2 }), site(2)]);
    expect(r.fleet!.kwhPerDay).toBeCloseTo((4500 * 24 * 1.2) / 1000 + 84, 9); // 129.6 + 84 = 213.6
    expect(r.fleet!.powerW).toBe(8000);
  });

  it('refuses GPU revenue out of range, naming the algorithm and the rule', () => {
    expect(parseSiteGpuRevenue({ kawpow: -1, ethash: 500, 'Bad Name': 1 })).toEqual({
      ok: false,
      error: [
        'kawpow must be from 0 to 100 per MH/s per day (got -1)',
        'ethash must be from 0 to 100 per MH/s per day (got 500)',
        'algorithm "Bad Name" must be 1-32 lower-case letters, digits, "_", "." or "-"',
      ],
    });
    expect(parseSiteGpuRevenue({ kawpow: 0.02 })).toEqual({ ok: true, value: { kawpow: 0.02 } });
    expect(parseSiteGpuRevenue({ kawpow: '0.02', ethash: null })).toEqual({
      ok: false,
      error: ['kawpow must be a number (revenue per MH/s per day)', 'ethash must be a number (revenue per MH/s per day)'],
    });
  });
});
