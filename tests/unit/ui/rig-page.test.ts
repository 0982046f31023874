/**
 * /rigs paged on the server: the URL's page and size (bounded to the sizes offered), the page cut from the
 * filtered and sorted rigs, a page past the end read as the last, counts over every page, and only the
 * page's economics sent along.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, parseRigPaging, rigPage, withPagingParams, type RigPageSource } from '../../../app/components/rigs/rig-page';
import { rig, econ, query, withFilters, FLEET, names } from './rig-fleet-fixture';

describe('parseRigPaging', () => {
  it.each([
    ['', { page: 1, size: DEFAULT_PAGE_SIZE }],
    ['page=3&size=100', { page: 3, size: 100 }],
    ['page=0&size=100', { page: 1, size: 100 }],
    ['page=-2', { page: 1, size: 50 }],
    ['page=2.5', { page: 1, size: 50 }],
    ['page=1e3', { page: 1, size: 50 }],
    ['page=9999999', { page: 1, size: 50 }],
    ['size=100000', { page: 1, size: 50 }],
    ['size=0', { page: 1, size: 50 }],
    ['size=25', { page: 1, size: 25 }],
  ])('reads %j', (q, expected) => {
    expect(parseRigPaging(query(q))).toEqual(expected);
  });

  it('writes back only what is not the default', () => {
    expect(withPagingParams(new URLSearchParams('state=offline'), { page: 1, size: 50 }).toString()).toBe('state=offline');
    expect(withPagingParams(new URLSearchParams(), { page: 4, size: 200 }).toString()).toBe('page=4&size=200');
  });
});

// 130 rigs named r001..r130 at two sites; every tenth is offline; economics for each.
const many = Array.from({ length: 130 }, (_, i) =>
  rig(i + 1, {
    name: `r${String(i + 1).padStart(3, '0')}`,
    siteId: i < 100 ? 1 : 2,
    siteName: i < 100 ? 'Rockdale TX' : 'Baie-Comeau QC',
    connectivity: (i + 1) % 10 === 0 ? 'offline' : 'online',
  }),
);
const source: RigPageSource = {
  rigs: many,
  economics: Object.fromEntries(many.map((r) => [r.id, econ(0.01, 0.05)])),
  currency: 'USD',
  prices: null,
};

describe('rigPage', () => {
  it('cuts the sorted rigs into pages and counts every page', () => {
    const p = rigPage(source, withFilters({ sort: 'name', dir: 'asc' }), { page: 2, size: 50 });
    expect(names(p.rows)).toEqual(many.slice(50, 100).map((r) => r.name));
    expect(p).toMatchObject({ matched: 130, total: 130, page: 2, size: 50, pageCount: 3 });
  });

  it('filters before paging: offline rigs of site 1, newest name first', () => {
    const p = rigPage(source, withFilters({ state: 'offline', siteId: 1, sort: 'name', dir: 'desc' }), { page: 1, size: 25 });
    expect(names(p.rows)).toEqual(['r100', 'r090', 'r080', 'r070', 'r060', 'r050', 'r040', 'r030', 'r020', 'r010']);
    expect(p).toMatchObject({ matched: 10, total: 130, pageCount: 1 });
  });

  it('reads a page past the end as the last one', () => {
    const p = rigPage(source, withFilters({ sort: 'name', dir: 'asc' }), { page: 99, size: 50 });
    expect(p.page).toBe(3);
    expect(names(p.rows)).toEqual(many.slice(100).map((r) => r.name));
  });

  it('sends the economics of the page rows only', () => {
    const p = rigPage(source, withFilters({ sort: 'name', dir: 'asc' }), { page: 1, size: 25 });
    expect(Object.keys(p.economics).map(Number)).toEqual(many.slice(0, 25).map((r) => r.id));
  });

  it('reads a site no rig is at as every site, and lists the sites of all rigs', () => {
    const p = rigPage({ ...source, rigs: FLEET }, withFilters({ siteId: 77 }), { page: 1, size: 50 });
    expect(p.filters.siteId).toBeNull();
    expect(p.matched).toBe(FLEET.length);
    expect(p.sites.map((s) => s.name)).toEqual(['Baie-Comeau QC', 'Rockdale TX']);
  });

  it('finds rigs by location text', () => {
    const located = [...FLEET, rig(9, { name: 'far', location: { building: 'Hall B', rack: 'R7', position: null } })];
    expect(names(rigPage({ ...source, rigs: located }, withFilters({ q: 'hall b r7' }), { page: 1, size: 50 }).rows)).toEqual(['far']);
  });

  it('answers an empty fleet with one empty page', () => {
    expect(rigPage({ ...source, rigs: [] }, withFilters({}), { page: 3, size: 50 })).toMatchObject({
      rows: [],
      matched: 0,
      page: 1,
      pageCount: 1,
    });
  });
});
