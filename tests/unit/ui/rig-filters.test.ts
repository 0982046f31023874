/**
 * The /rigs screen's filtering and sorting: which rigs each filter keeps and the order each column sorts in.
 */
import { describe, expect, it } from 'vitest';
import {
  applyRigFilters,
  DEFAULT_FILTERS,
  filterRigs,
  parseRigQuery,
  rigKind,
  siteOptions,
  sortRigs,
  withKnownSite,
  type RigFilterContext,
  type RigSortKey,
} from '../../../app/components/rigs/rig-filters';
import { ctx, FLEET, gpu, m50, names, offline, query, reading, rig, s19, unread, withFilters } from './rig-fleet-fixture';

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
