/**
 * A sweep's economics never throw on data (issue 12): a rig whose inputs are out of range (a negative hash
 * rate stored before the plausibility check existed, NaN power, a site PUE of 0, a difficulty of 0) is
 * left out and named with why; the other rigs, sites and the fleet are computed as if it were not there.
 * Expected figures: the worked example of economics.md (S21, 200 TH/s, 3,500 W: revenue 7.5791 USD/day).
 */
import { describe, expect, it } from 'vitest';
import type { NetworkState } from '../../../lib/domain/network';
import type { Reading } from '../../../lib/domain/reading';
import { sweepEconomics, type SiteEconomicsInput, type SweepEconomicsInput } from '../../../lib/economics/fleet-economics';

const NETWORK: NetworkState = {
  tipHeight: 900_000,
  subsidySats: 312_500_000,
  difficulty: 1.48e14,
  feesPerBlockSats: 3_600_000,
  networkHashrateThs: null,
  nextAdjustment: null,
  halving: { height: 1_050_000, blocksLeft: 150_000, estimatedDateMs: 0 },
};

const S21: Reading = {
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
};

const site = (id: number, patch: Partial<SiteEconomicsInput> = {}): SiteEconomicsInput => ({
  id,
  currency: 'USD',
  pue: 1,
  poolFeePct: 2,
  price: { pricePerKwh: 0.05, dayAvgPricePerKwh: 0.05, stale: false },
  ...patch,
});

function input(
  rigs: Array<{ id: number; siteId: number; reading: Partial<Reading> }>,
  patch: Partial<SweepEconomicsInput> = {},
): SweepEconomicsInput {
  return {
    network: NETWORK,
    prices: { USD: 90_000, CAD: 123_000 },
    fleetCurrency: 'USD',
    networkStale: false,
    priceStale: false,
    sites: [site(1), site(2)],
    rigs: rigs.map((r) => ({ id: r.id, siteId: r.siteId, reading: { ...S21, ...r.reading }, poolFeePct: null })),
    ...patch,
  };
}

describe('sweepEconomics skips what it cannot compute', () => {
  it('leaves out a rig with a negative hash rate and computes the others', () => {
    const result = sweepEconomics(
      input([
        { id: 1, siteId: 1, reading: {} },
        { id: 2, siteId: 1, reading: { hashrateThs: -5 } },
      ]),
    );
    expect(result.skipped).toEqual([{ rigId: 2, reason: 'hashrateThs must be >= 0 (got -5)' }]);
    expect([...result.rigs.keys()]).toEqual([1]);
    expect(result.fleet!.hashrateThs).toBe(200);
    expect(result.fleet!.revenuePerDay).toBeCloseTo(7.5791, 4);
    expect(result.sites.get(1)!.powerW).toBe(3500);
  });

  it.each([
    [{ powerW: NaN }, 'powerW must be >= 0 or null (got NaN)'],
    [{ powerW: -1 }, 'powerW must be >= 0 or null (got -1)'],
    [{ hashrateThs: Infinity }, 'hashrateThs must be >= 0 (got Infinity)'],
    [{ hashrateThs: '12' as unknown as number }, 'hashrateThs must be >= 0 (got 12)'],
  ] as Array<[Partial<Reading>, string]>)('leaves out %o: %s', (reading, reason) => {
    const result = sweepEconomics(
      input([
        { id: 7, siteId: 2, reading },
        { id: 8, siteId: 2, reading: {} },
      ]),
    );
    expect(result.skipped).toEqual([{ rigId: 7, reason }]);
    expect(result.sites.get(2)!.hashrateThs).toBe(200);
  });

  it("leaves out every rig of a site whose PUE is out of range, and keeps the other site's", () => {
    const result = sweepEconomics(
      input(
        [
          { id: 1, siteId: 1, reading: {} },
          { id: 2, siteId: 2, reading: {} },
        ],
        { sites: [site(1, { pue: 0 }), site(2)] },
      ),
    );
    expect(result.skipped).toEqual([{ rigId: 1, reason: 'pue must be > 0 (got 0)' }]);
    expect(result.sites.has(1)).toBe(false);
    expect(result.fleet!.hashrateThs).toBe(200);
  });

  it('leaves out every rig when the network state is out of range, with no fleet figures', () => {
    const result = sweepEconomics(input([{ id: 1, siteId: 1, reading: {} }], { network: { ...NETWORK, difficulty: 0 } }));
    expect(result.skipped).toEqual([{ rigId: 1, reason: 'difficulty must be > 0 (got 0)' }]);
    expect(result.fleet).toBeNull();
  });

  it('treats an infinite BTC price as no price: the site is left out and the fleet flags it', () => {
    const result = sweepEconomics(
      input(
        [
          { id: 1, siteId: 1, reading: {} },
          { id: 2, siteId: 2, reading: {} },
        ],
        { sites: [site(1), site(2, { currency: 'CAD' })], prices: { USD: 90_000, CAD: Infinity } },
      ),
    );
    expect(result.sites.has(2)).toBe(false);
    expect(result.fleet!.stale).toEqual(['no-price-CAD']);
    expect(result.fleet!.hashrateThs).toBe(200);
  });
});
