/** A small fleet for the /rigs screen's query, filter and sort tests: five rigs of every kind and state. */
import { DEFAULT_FILTERS, type RigFilterContext, type RigFilters } from '../../../app/components/rigs/rig-filters';
import type { Reading } from '../../../lib/domain/reading';
import type { EconomicsView, RigView } from '../../../lib/views/contracts';

export function reading(over: Partial<Reading>): Reading {
  return {
    driver: 'antminer',
    make: 'Bitmain',
    model: 'Antminer S19 Pro',
    firmware: '1.0',
    status: 'mining',
    hashrateThs: 110,
    expectedHashrateThs: 110,
    powerW: 3250,
    powerSource: 'firmware',
    efficiencyJth: 29.5,
    boards: [],
    tempMaxC: 70,
    fansRpm: [],
    pools: [],
    uptimeS: 100,
    hardwareErrors: 0,
    ...over,
  };
}

export function rig(id: number, over: Partial<RigView>): RigView {
  return {
    id,
    name: `rig-${id}`,
    siteId: 1,
    siteName: 'Rockdale TX',
    address: `10.0.0.${id}`,
    port: 4028,
    driver: 'antminer',
    model: 'Antminer S19 Pro',
    connectivity: 'online',
    lastSeenMs: 1_000_000,
    lastError: null,
    reading: reading({}),
    ...over,
  };
}

export function econ(profitPerKwh: number | null, breakevenPricePerKwh: number | null, currency = 'USD'): EconomicsView {
  return { profitPerKwh, breakevenPricePerKwh, currency, tsMs: 0, stale: [] } as unknown as EconomicsView;
}

// A small mixed fleet: two sites (USD and CAD), an offline ASIC, a stale GPU rig, a never-read rig.
export const s19 = rig(1, { name: 'rockdale-a01' });
export const m50 = rig(2, {
  name: 'baie-comeau-a02',
  siteId: 2,
  siteName: 'Baie-Comeau QC',
  driver: 'whatsminer',
  model: 'Whatsminer M50S',
  reading: reading({ make: 'MicroBT', model: 'Whatsminer M50S', hashrateThs: 126, powerW: 3276, efficiencyJth: 26, tempMaxC: 81 }),
});
export const offline = rig(3, {
  name: 'rockdale-a10',
  connectivity: 'offline',
  lastSeenMs: 400_000,
  lastError: 'connection refused',
  reading: reading({ hashrateThs: 95, powerW: 3100, efficiencyJth: 32.6, tempMaxC: 65 }),
});
export const gpu = rig(4, {
  name: 'baie-comeau-g04',
  siteId: 2,
  siteName: 'Baie-Comeau QC',
  address: '10.0.1.4',
  driver: 'trex',
  model: '8x RTX 3070',
  connectivity: 'stale',
  lastSeenMs: 900_000,
  reading: reading({
    driver: 'trex',
    make: 'GPU',
    model: '8x RTX 3070',
    algorithm: 'ethash',
    hashrateThs: 0.00048,
    powerW: 1040,
    efficiencyJth: 2_166_666,
    tempMaxC: 64,
    powerSource: 'estimated',
  }),
});
export const unread = rig(5, {
  name: 'rockdale-a05',
  model: null,
  lastSeenMs: null,
  connectivity: 'offline',
  lastError: 'not polled yet',
  reading: null,
});
export const FLEET = [s19, m50, offline, gpu, unread];

// rockdale-a01 loses money; the CAD rig earns 0.05 CAD (0.0365 USD at 0.73), the USD offline rig 0.04.
export const ctx: RigFilterContext = {
  economics: {
    1: econ(-0.01, 0.05),
    2: econ(0.05, 0.09, 'CAD'),
    3: econ(0.04, 0.08),
  },
  toCommonCurrency: (amount, currency) => (currency === 'CAD' ? amount * 0.73 : amount),
};

export const names = (rigs: readonly RigView[]) => rigs.map((r) => r.name);
export const query = (s: string) => new URLSearchParams(s);
export const withFilters = (over: Partial<RigFilters>): RigFilters => ({ ...DEFAULT_FILTERS, ...over });
