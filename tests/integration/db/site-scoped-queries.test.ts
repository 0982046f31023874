/**
 * The queries that take a principal's sites, in a real SQLite file with two sites: the rules view shows
 * only the caller's site and rig overrides and maintenance; a probe request names its site; an admin's
 * stored site list (from before admins were refused one) is ignored when they sign in and in the users list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRigsToSite } from '../../../lib/db/mutations/add-rigs';
import { setThresholdOverride, startMaintenance } from '../../../lib/db/mutations/alert-settings';
import { getDeviceRequest, recordDeviceRequest } from '../../../lib/db/mutations/device-requests';
import { createSite } from '../../../lib/db/mutations/sites';
import { createSession, createUser } from '../../../lib/db/mutations/users';
import { getRulesView } from '../../../lib/db/queries/alert-settings';
import { rigSiteId, rigSiteIds, rigsByEndpoint } from '../../../lib/db/queries/rigs';
import { authenticate, listUserViews } from '../../../lib/db/queries/users';
import { NEW_SITE_DEFAULTS } from '../../../lib/settings/site-input';
import { tempDb } from '../../support/temp';

const t = tempDb();
const db = t.db;
let north = 0;
let south = 0;
let northRig = 0;
let southRig = 0;

function site(name: string): number {
  const res = createSite(db, { ...NEW_SITE_DEFAULTS, name }, 1);
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

beforeAll(() => {
  north = site('North');
  south = site('South');
  const rig = (siteId: number, address: string) => {
    addRigsToSite(db, siteId, [{ address, port: 4028, driver: 'antminer', model: null, algorithm: 'sha256' }], {
      nowMs: 1,
      defaultPorts: {},
    });
    return rigsByEndpoint(db).get(`${address}:4028`)!.id;
  };
  northRig = rig(north, '10.0.0.1');
  southRig = rig(south, '10.0.0.2');
});
afterAll(() => t.cleanup());

describe('site-scoped queries', () => {
  it("the rules view of a site-limited principal holds only its site's overrides and rigs in maintenance", () => {
    setThresholdOverride(db, 'global', 0, { offline: { forMs: 1000 } }, 1);
    setThresholdOverride(db, 'site', north, { stale: { forMs: 1000 } }, 1);
    setThresholdOverride(db, 'site', south, { stale: { forMs: 2000 } }, 1);
    setThresholdOverride(db, 'rig', northRig, { 'temp-high': { maxC: 80 } }, 1);
    setThresholdOverride(db, 'rig', southRig, { 'temp-high': { maxC: 90 } }, 1);
    startMaintenance(db, northRig, null, 'fans', 1);
    startMaintenance(db, southRig, null, 'boards', 1);

    const mine = getRulesView(db, 2, { siteIds: [north] });
    expect(Object.keys(mine.sites).map(Number)).toEqual([north]);
    expect(Object.keys(mine.rigs).map(Number)).toEqual([northRig]);
    expect(mine.maintenance.map((m) => [m.rigId, m.siteId])).toEqual([[northRig, north]]);
    expect(mine.global).toEqual({ offline: { forMs: 1000 } });
    const every = getRulesView(db, 2, { siteIds: null });
    expect([Object.keys(every.sites).length, Object.keys(every.rigs).length, every.maintenance.length]).toEqual([2, 2, 2]);
    expect(getRulesView(db, 2, { siteIds: [] }).maintenance).toEqual([]);
  });

  it("knows each rig's site, and a probe request its site", () => {
    expect([rigSiteId(db, northRig), rigSiteId(db, southRig), rigSiteId(db, 999)]).toEqual([north, south, null]);
    expect(rigSiteIds(db).get(southRig)).toBe(south);
    const req = recordDeviceRequest(db, { kind: 'probe', address: '10.0.0.9', port: 4028, siteId: south }, 1);
    expect(getDeviceRequest(db, req.id)!.siteId).toBe(south);
  });

  it("ignores an admin's stored site list: signed in they see every site, and the users list says so", () => {
    const admin = createUser(db, 'ada', 'admin', 'scrypt$x', [north], 1);
    const op = createUser(db, 'otto', 'operator', 'scrypt$x', [north], 1);
    expect(authenticate(db, createSession(db, admin, 1, { idleMs: 60_000, maxAgeMs: 60_000 }), 2)).toMatchObject({
      role: 'admin',
      siteIds: null,
    });
    expect(authenticate(db, createSession(db, op, 1, { idleMs: 60_000, maxAgeMs: 60_000 }), 2)).toMatchObject({
      role: 'operator',
      siteIds: [north],
    });
    const views = new Map(listUserViews(db).map((u) => [u.name, u.siteIds]));
    expect([views.get('ada'), views.get('otto')]).toEqual([null, [north]]);
  });
});
