/**
 * The /rigs screen's query parsing, filtering and sorting: what a shared URL means, that a malformed value
 * falls back to its default instead of emptying the table, and the order each column sorts in.
 */
import { describe, expect, it } from 'vitest';
import {
  applyRigFilters,
  DEFAULT_FILTERS,
  filterRigs,
  isFiltered,
  nextSort,
  parseRigQuery,
  rigKind,
  rigQueryString,
  siteOptions,
  sortRigs,
  withKnownSite,
  type RigFilterContext,
  type RigFilters,
  type RigSortKey,
} from '../../../app/components/rigs/rig-filters';
import type { Reading } from '../../../lib/domain/reading';
import type { EconomicsView, RigView } from '../../../lib/views/contracts';

function reading(over: Partial<Reading>): Reading {
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

function rig(id: number, over: Partial<RigView>): RigView {
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

function econ(profitPerKwh: number | null, breakevenPricePerKwh: number | null, currency = 'USD'): EconomicsView {
  return { profitPerKwh, breakevenPricePerKwh, currency, tsMs: 0, stale: [] } as unknown as EconomicsView;
}

// A small mixed fleet: two sites (USD and CAD), an offline ASIC, a stale GPU rig, a never-read rig.
const s19 = rig(1, { name: 'rockdale-a01' });
const m50 = rig(2, {
  name: 'baie-comeau-a02',
  siteId: 2,
  siteName: 'Baie-Comeau QC',
  driver: 'whatsminer',
  model: 'Whatsminer M50S',
  reading: reading({ make: 'MicroBT', model: 'Whatsminer M50S', hashrateThs: 126, powerW: 3276, efficiencyJth: 26, tempMaxC: 81 }),
});
const offline = rig(3, {
  name: 'rockdale-a10',
  connectivity: 'offline',
  lastSeenMs: 400_000,
  lastError: 'connection refused',
  reading: reading({ hashrateThs: 95, powerW: 3100, efficiencyJth: 32.6, tempMaxC: 65 }),
});
const gpu = rig(4, {
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
const unread = rig(5, {
  name: 'rockdale-a05',
  model: null,
  lastSeenMs: null,
  connectivity: 'offline',
  lastError: 'not polled yet',
  reading: null,
});
const FLEET = [s19, m50, offline, gpu, unread];

// rockdale-a01 loses money; the CAD rig earns 0.05 CAD (0.0365 USD at 0.73), the USD offline rig 0.04.
const ctx: RigFilterContext = {
  economics: {
    1: econ(-0.01, 0.05),
    2: econ(0.05, 0.09, 'CAD'),
    3: econ(0.04, 0.08),
  },
  toCommonCurrency: (amount, currency) => (currency === 'CAD' ? amount * 0.73 : amount),
};

const names = (rigs: readonly RigView[]) => rigs.map((r) => r.name);
const query = (s: string) => new URLSearchParams(s);
const withFilters = (over: Partial<RigFilters>): RigFilters => ({ ...DEFAULT_FILTERS, ...over });

describe('parseRigQuery', () => {
  it('reads an empty query as no filter, problems first', () => {
    expect(parseRigQuery(query(''))).toEqual({
      siteId: null,
      state: 'all',
      kind: 'all',
      losingOnly: false,
      q: '',
      sort: 'state',
      dir: 'asc',
    });
  });

  it('reads every filter and the sort from a shared URL', () => {
    expect(parseRigQuery(query('site=2&state=offline&kind=gpu&losing=1&q=%20s19%20&sort=profit&dir=desc'))).toEqual({
      siteId: 2,
      state: 'offline',
      kind: 'gpu',
      losingOnly: true,
      q: 's19',
      sort: 'profit',
      dir: 'desc',
    });
    expect(parseRigQuery(query('losing=true')).losingOnly).toBe(true);
  });

  it('gives a column its own first direction when the URL names no direction', () => {
    expect(parseRigQuery(query('sort=hashrate'))).toMatchObject({ sort: 'hashrate', dir: 'desc' });
    expect(parseRigQuery(query('sort=name'))).toMatchObject({ sort: 'name', dir: 'asc' });
  });

  it.each([
    ['site=abc', { siteId: null }],
    ['site=0', { siteId: null }],
    ['site=-2', { siteId: null }],
    ['site=1.5', { siteId: null }],
    ['site=2e3', { siteId: null }],
    ['site=99999999999', { siteId: null }],
    ['state=broken', { state: 'all' }],
    ['state=ONLINE', { state: 'all' }],
    ['kind=fpga', { kind: 'all' }],
    ['losing=yes', { losingOnly: false }],
    ['losing=0', { losingOnly: false }],
    ['sort=price&dir=desc', { sort: 'state', dir: 'desc' }],
    ['sort=__proto__', { sort: 'state', dir: 'asc' }],
    ['sort=temp&dir=sideways', { sort: 'temp', dir: 'desc' }],
    ['sort=profit&dir=', { sort: 'profit', dir: 'asc' }],
  ] as const)('falls back to the default for a malformed %s', (q, expected) => {
    expect(parseRigQuery(query(q))).toEqual({ ...DEFAULT_FILTERS, ...expected });
  });

  it('cuts a search longer than 100 characters', () => {
    expect(parseRigQuery(query(`q=${'x'.repeat(150)}`)).q).toBe('x'.repeat(100));
  });

  it('takes the first of a repeated parameter', () => {
    expect(parseRigQuery(query('site=2&site=1')).siteId).toBe(2);
  });
});

describe('rigQueryString', () => {
  it('is empty for the default view', () => {
    expect(rigQueryString(DEFAULT_FILTERS)).toBe('');
  });

  it('writes only what differs from the default, the sort with its direction', () => {
    expect(rigQueryString(withFilters({ siteId: 2, state: 'offline', sort: 'profit', dir: 'asc', q: ' s19 ' }))).toBe(
      'site=2&state=offline&q=s19&sort=profit&dir=asc',
    );
    expect(rigQueryString(withFilters({ kind: 'asic', losingOnly: true }))).toBe('kind=asic&losing=1');
    expect(rigQueryString(withFilters({ dir: 'desc' }))).toBe('sort=state&dir=desc');
  });

  it('escapes the search text', () => {
    expect(rigQueryString(withFilters({ q: 'a&b=c d' }))).toBe('q=a%26b%3Dc+d');
  });

  it('round-trips through parseRigQuery', () => {
    const f = withFilters({ siteId: 7, state: 'stale', kind: 'gpu', losingOnly: true, q: 'rtx 3070', sort: 'seen', dir: 'asc' });
    expect(parseRigQuery(query(rigQueryString(f)))).toEqual(f);
  });
});

describe('nextSort', () => {
  it('reverses the column already sorted', () => {
    expect(nextSort({ sort: 'hashrate', dir: 'desc' }, 'hashrate')).toEqual({ sort: 'hashrate', dir: 'asc' });
    expect(nextSort({ sort: 'hashrate', dir: 'asc' }, 'hashrate')).toEqual({ sort: 'hashrate', dir: 'desc' });
  });

  it('starts another column at its first direction', () => {
    expect(nextSort({ sort: 'hashrate', dir: 'asc' }, 'temp')).toEqual({ sort: 'temp', dir: 'desc' });
    expect(nextSort({ sort: 'temp', dir: 'desc' }, 'name')).toEqual({ sort: 'name', dir: 'asc' });
    expect(nextSort({ sort: 'name', dir: 'asc' }, 'profit')).toEqual({ sort: 'profit', dir: 'asc' });
  });
});

describe('isFiltered', () => {
  it('counts filters, not the sort or a blank search', () => {
    expect(isFiltered(withFilters({ sort: 'temp', dir: 'asc', q: '   ' }))).toBe(false);
    expect(isFiltered(withFilters({ losingOnly: true }))).toBe(true);
    expect(isFiltered(withFilters({ q: 's19' }))).toBe(true);
  });
});

describe('sites', () => {
  it('lists each site once, by name', () => {
    expect(siteOptions(FLEET)).toEqual([
      { id: 2, name: 'Baie-Comeau QC' },
      { id: 1, name: 'Rockdale TX' },
    ]);
  });

  it('reads a site no rig belongs to as every site', () => {
    const sites = siteOptions(FLEET);
    expect(withKnownSite(withFilters({ siteId: 9 }), sites).siteId).toBeNull();
    expect(withKnownSite(withFilters({ siteId: 2 }), sites).siteId).toBe(2);
  });
});

describe('filterRigs', () => {
  it('keeps every rig without filters, in input order', () => {
    expect(names(filterRigs(FLEET, DEFAULT_FILTERS, ctx))).toEqual([
      'rockdale-a01',
      'baie-comeau-a02',
      'rockdale-a10',
      'baie-comeau-g04',
      'rockdale-a05',
    ]);
  });

  it.each([
    [{ siteId: 2 }, ['baie-comeau-a02', 'baie-comeau-g04']],
    [{ state: 'offline' }, ['rockdale-a10', 'rockdale-a05']],
    [{ state: 'stale' }, ['baie-comeau-g04']],
    [{ state: 'online' }, ['rockdale-a01', 'baie-comeau-a02']],
    [{ kind: 'gpu' }, ['baie-comeau-g04']],
    // A rig never read has no known kind: it shows under "all kinds" only.
    [{ kind: 'asic' }, ['rockdale-a01', 'baie-comeau-a02', 'rockdale-a10']],
    [{ losingOnly: true }, ['rockdale-a01']],
    [{ siteId: 1, state: 'offline' }, ['rockdale-a10', 'rockdale-a05']],
    [{ siteId: 2, losingOnly: true }, []],
  ] as const)('filters by %o', (over, expected) => {
    expect(names(filterRigs(FLEET, withFilters(over), ctx))).toEqual(expected);
  });

  it.each([
    ['ROCKDALE-A0', ['rockdale-a01', 'rockdale-a05']],
    ['microbt', ['baie-comeau-a02']],
    ['m50s', ['baie-comeau-a02']],
    ['10.0.1.', ['baie-comeau-g04']],
    ['trex', ['baie-comeau-g04']],
    ['rtx 3070', ['baie-comeau-g04']],
    ['  s19   rockdale ', ['rockdale-a01', 'rockdale-a10']],
    ['s19 baie', []],
    ['Rockdale TX', []],
  ])('searches name, make and model, address and driver for %j', (q, expected) => {
    expect(names(filterRigs(FLEET, withFilters({ q }), ctx))).toEqual(expected);
  });
});

describe('rigKind', () => {
  it('is asic for SHA-256 (or unspecified), gpu for another or an unknown algorithm, null without a reading', () => {
    expect(rigKind(s19)).toBe('asic');
    expect(rigKind(rig(9, { reading: reading({ algorithm: 'sha256' }) }))).toBe('asic');
    expect(rigKind(gpu)).toBe('gpu');
    expect(rigKind(rig(9, { reading: reading({ algorithm: null }) }))).toBe('gpu');
    expect(rigKind(unread)).toBeNull();
  });
});

describe('sortRigs', () => {
  const sorted = (sort: RigSortKey, dir: 'asc' | 'desc') => names(sortRigs(FLEET, { sort, dir }, ctx));

  it.each([
    // Problems first: offline (by name), stale, losing money, then healthy.
    ['state', 'asc', ['rockdale-a05', 'rockdale-a10', 'baie-comeau-g04', 'rockdale-a01', 'baie-comeau-a02']],
    ['state', 'desc', ['baie-comeau-a02', 'rockdale-a01', 'baie-comeau-g04', 'rockdale-a05', 'rockdale-a10']],
    ['name', 'asc', ['baie-comeau-a02', 'baie-comeau-g04', 'rockdale-a01', 'rockdale-a05', 'rockdale-a10']],
    ['name', 'desc', ['rockdale-a10', 'rockdale-a05', 'rockdale-a01', 'baie-comeau-g04', 'baie-comeau-a02']],
    // Ties within a site go by name.
    ['site', 'asc', ['baie-comeau-a02', 'baie-comeau-g04', 'rockdale-a01', 'rockdale-a05', 'rockdale-a10']],
    ['site', 'desc', ['rockdale-a01', 'rockdale-a05', 'rockdale-a10', 'baie-comeau-a02', 'baie-comeau-g04']],
    // "8x RTX 3070" < "Bitmain Antminer S19 Pro" < "MicroBT Whatsminer M50S"; no model last.
    ['model', 'asc', ['baie-comeau-g04', 'rockdale-a01', 'rockdale-a10', 'baie-comeau-a02', 'rockdale-a05']],
    ['driver', 'asc', ['rockdale-a01', 'rockdale-a05', 'rockdale-a10', 'baie-comeau-g04', 'baie-comeau-a02']],
    // Last-known figures of stale and offline rigs count; a rig never read goes last either way.
    ['hashrate', 'desc', ['baie-comeau-a02', 'rockdale-a01', 'rockdale-a10', 'baie-comeau-g04', 'rockdale-a05']],
    ['hashrate', 'asc', ['baie-comeau-g04', 'rockdale-a10', 'rockdale-a01', 'baie-comeau-a02', 'rockdale-a05']],
    ['power', 'desc', ['baie-comeau-a02', 'rockdale-a01', 'rockdale-a10', 'baie-comeau-g04', 'rockdale-a05']],
    // J/TH is a SHA-256 figure: the GPU rig has none.
    ['efficiency', 'desc', ['rockdale-a10', 'rockdale-a01', 'baie-comeau-a02', 'baie-comeau-g04', 'rockdale-a05']],
    ['efficiency', 'asc', ['baie-comeau-a02', 'rockdale-a01', 'rockdale-a10', 'baie-comeau-g04', 'rockdale-a05']],
    ['temp', 'desc', ['baie-comeau-a02', 'rockdale-a01', 'rockdale-a10', 'baie-comeau-g04', 'rockdale-a05']],
    // In USD: -0.01, 0.0365 (0.05 CAD), 0.04; rigs without economics last.
    ['profit', 'asc', ['rockdale-a01', 'baie-comeau-a02', 'rockdale-a10', 'baie-comeau-g04', 'rockdale-a05']],
    ['profit', 'desc', ['rockdale-a10', 'baie-comeau-a02', 'rockdale-a01', 'baie-comeau-g04', 'rockdale-a05']],
    // 0.05, 0.0657 (0.09 CAD), 0.08.
    ['breakeven', 'asc', ['rockdale-a01', 'baie-comeau-a02', 'rockdale-a10', 'baie-comeau-g04', 'rockdale-a05']],
    // By age: longest silent first (offline at 400 s, stale at 900 s, then the two seen at 1,000 s by name).
    ['seen', 'desc', ['rockdale-a10', 'baie-comeau-g04', 'baie-comeau-a02', 'rockdale-a01', 'rockdale-a05']],
    ['seen', 'asc', ['baie-comeau-a02', 'rockdale-a01', 'baie-comeau-g04', 'rockdale-a10', 'rockdale-a05']],
    ['error', 'asc', ['rockdale-a10', 'rockdale-a05', 'baie-comeau-a02', 'baie-comeau-g04', 'rockdale-a01']],
  ] as const)('sorts by %s %s', (sort, dir, expected) => {
    expect(sorted(sort, dir)).toEqual(expected);
  });

  it('compares amounts as they are when no exchange rate is known', () => {
    const noFx: RigFilterContext = { economics: ctx.economics, toCommonCurrency: () => null };
    // 0.05 CAD now reads as more than 0.04 USD.
    expect(names(sortRigs([s19, m50, offline], { sort: 'profit', dir: 'desc' }, noFx))).toEqual([
      'baie-comeau-a02',
      'rockdale-a10',
      'rockdale-a01',
    ]);
  });

  it('does not change its input', () => {
    const input = [...FLEET];
    sortRigs(input, { sort: 'name', dir: 'desc' }, ctx);
    expect(input).toEqual(FLEET);
  });
});

describe('applyRigFilters', () => {
  it('filters, then sorts', () => {
    const f = parseRigQuery(query('site=1&sort=hashrate&dir=desc'));
    expect(names(applyRigFilters(FLEET, f, ctx))).toEqual(['rockdale-a01', 'rockdale-a10', 'rockdale-a05']);
  });
});
