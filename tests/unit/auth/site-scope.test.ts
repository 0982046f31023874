import { describe, expect, it } from 'vitest';
import { can } from '../../../lib/auth/roles';
import { effectiveSiteIds, sameAccess, seesSite, seesWholeFleet, visibleTo } from '../../../lib/auth/site-scope';

const north = { role: 'viewer' as const, siteIds: [1] };
const both = { role: 'operator' as const, siteIds: [2, 1] };
const all = { role: 'viewer' as const, siteIds: null };

describe('site scope', () => {
  it('a limited principal sees its sites only; fleet-wide things (no site) only a principal of every site', () => {
    expect([seesSite(north, 1), seesSite(north, 2), seesSite(north, null)]).toEqual([true, false, false]);
    expect([seesSite(all, 1), seesSite(all, 99), seesSite(all, null)]).toEqual([true, true, true]);
    expect([seesWholeFleet(north), seesWholeFleet(all)]).toEqual([false, true]);
    expect(seesSite({ siteIds: [] }, 1)).toBe(false);
  });

  it('filters lists in their order', () => {
    const items = [{ s: 2 }, { s: 1 }, { s: null }, { s: 1 }];
    expect(visibleTo(north, items, (i) => i.s)).toEqual([{ s: 1 }, { s: 1 }]);
    expect(visibleTo(all, items, (i) => i.s)).toEqual(items);
  });

  it('acting on a thing of a site needs the role and the site; fleet-wide things need every site', () => {
    expect([can(both, 'acknowledge', 1), can(both, 'acknowledge', 3), can(both, 'acknowledge', null), can(both, 'acknowledge')]).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(can({ role: 'operator', siteIds: null }, 'acknowledge', null)).toBe(true);
    expect(can(north, 'acknowledge', 1)).toBe(false);
  });

  it('admins see every site whatever list is stored; others their list', () => {
    expect(effectiveSiteIds('admin', [1])).toBeNull();
    expect(effectiveSiteIds('operator', [1])).toEqual([1]);
    expect(effectiveSiteIds('viewer', null)).toBeNull();
  });

  it('tells any change of role or sites, not the order of the sites', () => {
    expect(sameAccess(both, { role: 'operator', siteIds: [1, 2] })).toBe(true);
    expect(sameAccess(both, { role: 'viewer', siteIds: [1, 2] })).toBe(false);
    expect(sameAccess(both, { role: 'operator', siteIds: [1] })).toBe(false);
    expect(sameAccess(both, { role: 'operator', siteIds: [1, 2, 3] })).toBe(false);
    expect(sameAccess(both, { role: 'operator', siteIds: null })).toBe(false);
    expect(sameAccess(all, { role: 'viewer', siteIds: null })).toBe(true);
    expect(sameAccess(all, { role: 'viewer', siteIds: [] })).toBe(false);
  });
});
