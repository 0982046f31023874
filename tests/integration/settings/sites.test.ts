/**
 * Sites added, changed and removed on a real SQLite file: names stay unique, a site with rigs is never
 * removed (the refusal names the rig count), and removal takes the site's alert overrides with it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSite, deleteSite, updateSite } from '../../../lib/db/mutations/sites';
import { listSiteSettings } from '../../../lib/db/queries/sites';
import { alertOverrides, apiTokens, changes, rigs, sites, users } from '../../../lib/db/schema';
import { createApiToken, createUser } from '../../../lib/db/mutations/users';
import { tempDb } from '../../support/temp';

const NOW_MS = Date.UTC(2025, 0, 6, 12);
const defaults = { timeZone: 'UTC', currency: 'USD', pue: 1, poolFeePct: 2 };
let t: ReturnType<typeof tempDb>;

beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

function addRig(siteId: number, name: string): void {
  t.db.orm.insert(rigs).values({ name, siteId, address: '10.0.0.5', port: 4028, driver: 'antminer', createdAtMs: NOW_MS }).run();
}

describe('site writes', () => {
  it('adds a site, lists it with its settings, and logs a change for the browsers', () => {
    const res = createSite(t.db, { ...defaults, name: 'Lakeside', timeZone: 'America/Chicago', currency: 'CAD' }, NOW_MS);
    expect(res.ok).toBe(true);
    expect(listSiteSettings(t.db)).toEqual([
      {
        id: 1,
        name: 'Lakeside',
        timeZone: 'America/Chicago',
        currency: 'CAD',
        pue: 1,
        poolFeePct: 2,
        tariff: null,
        rigCount: 0,
        gpuRevenuePerMhsDay: {},
      },
    ]);
    expect(
      t.db.orm
        .select()
        .from(changes)
        .all()
        .map((c) => [c.kind, c.siteId]),
    ).toEqual([['site-settings', 1]]);
  });

  it('refuses a second site of the same name, on add and on rename', () => {
    createSite(t.db, { ...defaults, name: 'North' }, NOW_MS);
    createSite(t.db, { ...defaults, name: 'South' }, NOW_MS);
    expect(createSite(t.db, { ...defaults, name: 'North' }, NOW_MS)).toEqual({
      ok: false,
      error: { reason: 'conflict', message: 'a site named "North" already exists' },
    });
    expect(updateSite(t.db, 2, { name: 'North' }, NOW_MS)).toEqual({
      ok: false,
      error: { reason: 'conflict', message: 'a site named "North" already exists' },
    });
    // Renaming a site to its own name is not a conflict.
    expect(updateSite(t.db, 1, { name: 'North', timeZone: 'Europe/Oslo' }, NOW_MS)).toEqual({ ok: true, value: 1 });
    expect(t.db.orm.select({ name: sites.name, tz: sites.timeZone }).from(sites).all()).toEqual([
      { name: 'North', tz: 'Europe/Oslo' },
      { name: 'South', tz: 'UTC' },
    ]);
  });

  it('reports an unknown site', () => {
    expect(updateSite(t.db, 99, { pue: 1.2 }, NOW_MS)).toEqual({
      ok: false,
      error: { reason: 'not-found', message: 'no site with id 99' },
    });
    expect(deleteSite(t.db, 99, NOW_MS)).toEqual({ ok: false, error: { reason: 'not-found', message: 'no site with id 99' } });
  });

  it('refuses to remove a site that has rigs, naming how many', () => {
    createSite(t.db, { ...defaults, name: 'North' }, NOW_MS);
    addRig(1, 'n-1');
    addRig(1, 'n-2');
    expect(deleteSite(t.db, 1, NOW_MS)).toEqual({
      ok: false,
      error: { reason: 'conflict', message: 'site "North" still has 2 rigs: move or remove them first' },
    });
    expect(listSiteSettings(t.db).map((s) => [s.name, s.rigCount])).toEqual([['North', 2]]);
  });

  it('removes an empty site with its alert overrides, leaving other sites alone', () => {
    createSite(t.db, { ...defaults, name: 'North' }, NOW_MS);
    createSite(t.db, { ...defaults, name: 'South' }, NOW_MS);
    for (const scopeId of [1, 2])
      t.db.orm.insert(alertOverrides).values({ scope: 'site', scopeId, overrideJson: '{}', updatedAtMs: NOW_MS }).run();
    expect(deleteSite(t.db, 1, NOW_MS)).toEqual({ ok: true, value: 1 });
    expect(listSiteSettings(t.db).map((s) => s.name)).toEqual(['South']);
    expect(t.db.orm.select({ id: alertOverrides.scopeId }).from(alertOverrides).all()).toEqual([{ id: 2 }]);
  });

  it("revokes the removed site's kiosk links and takes it off users' site lists (an emptied list sees nothing, not everything)", () => {
    createSite(t.db, { ...defaults, name: 'North' }, NOW_MS);
    createSite(t.db, { ...defaults, name: 'South' }, NOW_MS);
    const northKiosk = createApiToken(t.db, 'kiosk', 'north tv', 'viewer', 1, NOW_MS).id;
    const southKiosk = createApiToken(t.db, 'kiosk', 'south tv', 'viewer', 2, NOW_MS).id;
    const fleetKiosk = createApiToken(t.db, 'kiosk', 'fleet tv', 'viewer', null, NOW_MS).id;
    createUser(t.db, 'only-north', 'viewer', 'x', [1], NOW_MS);
    createUser(t.db, 'both', 'viewer', 'x', [1, 2], NOW_MS);
    createUser(t.db, 'everyone', 'viewer', 'x', null, NOW_MS);
    expect(deleteSite(t.db, 1, NOW_MS + 5)).toEqual({ ok: true, value: 1 });
    const revoked = Object.fromEntries(
      t.db.orm
        .select({ id: apiTokens.id, at: apiTokens.revokedAtMs })
        .from(apiTokens)
        .all()
        .map((r) => [r.id, r.at]),
    );
    expect(revoked).toEqual({ [northKiosk]: NOW_MS + 5, [southKiosk]: null, [fleetKiosk]: null });
    const lists = Object.fromEntries(
      t.db.orm
        .select({ name: users.name, ids: users.siteIdsJson })
        .from(users)
        .all()
        .map((u) => [u.name, u.ids]),
    );
    expect(lists).toEqual({ 'only-north': '[]', both: '[2]', everyone: null });
  });
});
