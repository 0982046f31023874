/**
 * The /rigs screen's query: what a shared URL means, that a malformed value falls back to its default
 * instead of emptying the table, and the URL and sort toggles the screen writes back.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, isFiltered, nextSort, parseRigQuery, rigQueryString } from '../../../app/components/rigs/rig-filters';
import { query, withFilters } from './rig-fleet-fixture';

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
