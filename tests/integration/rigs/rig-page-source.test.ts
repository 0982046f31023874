/**
 * GET /api/rigs/page's reads against a real SQLite file: a site-limited principal sees and counts only
 * its sites' rigs (and their sites in the filter), every site's admin sees all, and a rig's location comes
 * with its view.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRigQuery } from '../../../app/components/rigs/rig-filters';
import { rigPage } from '../../../app/components/rigs/rig-page';
import { readRigPageSource } from '../../../app/rigs/rig-page-source';
import { addRigsToSite } from '../../../lib/db/mutations/add-rigs';
import { updateRig } from '../../../lib/db/mutations/edit-rigs';
import type { MarketPolicy } from '../../../lib/domain/market-policy';
import { sites } from '../../../lib/db/schema';
import { tempDb } from '../../support/temp';

let t: ReturnType<typeof tempDb>;
let north: number;
let south: number;
const POLICY: MarketPolicy = { currency: 'USD', networkStaleAfterMs: 60_000, priceStaleAfterMs: 60_000 };

beforeEach(() => {
  t = tempDb();
  const site = (name: string) => t.db.orm.insert(sites).values({ name, createdAtMs: 1 }).returning({ id: sites.id }).get().id;
  north = site('North Hall');
  south = site('South Yard');
  const devs = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      address: `${prefix}.${i + 1}`,
      port: 4028,
      driver: 'antminer',
      model: null,
      algorithm: 'sha256',
      name: `${prefix}-${i + 1}`,
    }));
  addRigsToSite(t.db, north, devs('10.0.1', 60), { nowMs: 1, defaultPorts: {} });
  addRigsToSite(t.db, south, devs('10.0.2', 7), { nowMs: 1, defaultPorts: {} });
});
afterEach(() => t.cleanup());

const page = (who: { role: 'admin' | 'viewer'; siteIds: number[] | null }, q = '') =>
  rigPage(readRigPageSource(t.db, who, 10_000, POLICY), parseRigQuery(new URLSearchParams(q)), { page: 1, size: 25 });

describe('the rig page source', () => {
  it('lists and counts only the sites of a site-limited viewer', () => {
    const p = page({ role: 'viewer', siteIds: [south] });
    expect(p).toMatchObject({ total: 7, matched: 7, pageCount: 1 });
    expect(new Set(p.rows.map((r) => r.siteId))).toEqual(new Set([south]));
    expect(p.sites).toEqual([{ id: south, name: 'South Yard' }]);
    // Asking for the other site by URL shows its own site, not the other one's rigs.
    expect(page({ role: 'viewer', siteIds: [south] }, `site=${north}`)).toMatchObject({ total: 7, matched: 7 });
  });

  it('gives an admin of every site every rig, one page at a time', () => {
    const p = page({ role: 'admin', siteIds: null }, 'sort=name&dir=asc');
    expect(p).toMatchObject({ total: 67, matched: 67, pageCount: 3 });
    expect(p.rows).toHaveLength(25);
  });

  it('carries the location set in the rig settings', () => {
    expect(updateRig(t.db, 1, { locationBuilding: 'Hall A', locationRack: 'R2', locationPosition: 'U5' }, 2).ok).toBe(true);
    const p = page({ role: 'admin', siteIds: null }, 'q=hall%20a');
    expect(p.rows.map((r) => [r.id, r.location])).toEqual([[1, { building: 'Hall A', rack: 'R2', position: 'U5' }]]);
  });
});
