/**
 * `hashwatt start` with the demo's two sites, alerts firing at both and for the fleet, and people limited
 * to one site: what the site-scope tests run against. Everything is set up through the admin's API, the
 * way an admin would (users, tokens, rule overrides, maintenance).
 */
import { expect } from 'vitest';
import { TEST_ADMIN, apiFetch, type Credentials } from './session';
import { freePort, startSystem, type RunningSystem } from './system';
import { tempDir } from './temp';

export interface DemoSite {
  id: number;
  name: string;
  rigIds: number[];
}

export interface TwoSiteDemo {
  system: RunningSystem;
  base: string;
  dbPath: string;
  /** The site the limited people see, and the other one. */
  mine: DemoSite;
  other: DemoSite;
  /** Limited to `mine`. */
  viewer: Credentials;
  operator: Credentials;
  /** A kiosk token pinned to `mine`. */
  kioskToken: string;
  /** As the admin: JSON of a GET, or the reply of a change. */
  admin: (path: string, method?: string, body?: unknown) => Promise<Response>;
  stop: () => Promise<void>;
}

/** Waits until `done` (setup runs in hooks, where expect.poll is not allowed). */
async function until(what: string, timeoutMs: number, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

export const ROCKDALE = /rockdale/i;
export const BAIE_COMEAU = /baie-comeau/i;

/** Starts the system (4 demo rigs, 2 per site) on `subnet` and waits for alerts of both sites and the fleet. */
export async function startTwoSiteDemo(subnet: string, users: Credentials[] = []): Promise<TwoSiteDemo> {
  const dir = tempDir('hashwatt-scope-');
  const dbPath = `${dir.dir}/hashwatt.db`;
  const system = await startSystem({
    PORT: String(await freePort()),
    HASHWATT_DB: dbPath,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: '4',
    HASHWATT_POLL_INTERVAL_S: '1',
    HASHWATT_SIM_SUBNET: subnet,
  });
  const base = system.baseUrl;
  const admin = (path: string, method = 'GET', body?: unknown) =>
    apiFetch(
      base,
      path,
      { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) },
      TEST_ADMIN,
    );
  const ok = async (res: Promise<Response>) => {
    const r = await res;
    expect(r.status, await r.clone().text()).toBeLessThan(300);
    return r.json() as Promise<Record<string, unknown>>;
  };

  const rigs = (await ok(admin('/api/rigs'))).rigs as { id: number; siteId: number; siteName: string }[];
  const site = (re: RegExp): DemoSite => {
    const own = rigs.filter((r) => re.test(r.siteName));
    return { id: own[0].siteId, name: own[0].siteName, rigIds: own.map((r) => r.id) };
  };
  const mine = site(ROCKDALE);
  const other = site(BAIE_COMEAU);
  expect([mine.rigIds.length, other.rigIds.length]).toEqual([2, 2]);

  // Alerts at once: every rig runs "hot", every site loses money, the price counts as stale (fleet-wide).
  await ok(
    admin('/api/alerts/rules/global', 'PUT', {
      'temp-high': { maxC: 0, forMs: 0 },
      'unprofitable-site': { marginPerKwh: 1000, forMs: 0 },
      'price-stale': { afterMs: 0 },
    }),
  );
  for (const s of [mine, other]) {
    await ok(admin(`/api/alerts/rules/site/${s.id}`, 'PUT', { stale: { forMs: 60_000 } }));
    await ok(admin(`/api/alerts/rules/rig/${s.rigIds[0]}`, 'PUT', { offline: { forMs: 0 } }));
  }
  type A = { siteId: number | null; rule: string; subjectId: number; resolvedAtMs: number | null };
  const alerts = async () => (await ok(admin('/api/alerts?status=all&limit=500'))).alerts as A[];
  await until('alerts firing at both sites and for the fleet', 60_000, async () => {
    const all = await alerts();
    return [mine.id, other.id, null].every((id) => all.some((a) => a.siteId === id && a.resolvedAtMs === null));
  });
  // Maintenance on one rig of each site resolves its alerts: history at both sites.
  for (const s of [mine, other]) await ok(admin(`/api/rigs/${s.rigIds[1]}/maintenance`, 'PUT', { note: `fans at ${s.name}` }));
  await until('alerts resolved by maintenance at both sites', 30_000, async () => {
    const all = await alerts();
    return [mine, other].every((s) => all.some((a) => a.subjectId === s.rigIds[1] && a.resolvedAtMs !== null));
  });

  const viewer = { name: 'rocky-viewer', password: 'rockdale-viewer-pw-1' };
  const operator = { name: 'rocky-operator', password: 'rockdale-operator-pw-1' };
  await ok(admin('/api/users', 'POST', { ...viewer, role: 'viewer', siteIds: [mine.id] }));
  await ok(admin('/api/users', 'POST', { ...operator, role: 'operator', siteIds: [mine.id] }));
  for (const u of users) await ok(admin('/api/users', 'POST', { ...u, role: 'viewer' }));
  const kiosk = await ok(admin('/api/tokens', 'POST', { kind: 'kiosk', name: 'rockdale tv', siteId: mine.id }));

  return {
    system,
    base,
    dbPath,
    mine,
    other,
    viewer,
    operator,
    kioskToken: kiosk.secret as string,
    admin,
    stop: async () => {
      await system.interrupt();
      dir.cleanup();
    },
  };
}

/**
 * Everything in `value` (a JSON reply, a page) must be of `mine` only: no other site's name or rig names
 * (the demo's rig names carry their site's), no `siteId` but `mine`'s, no `rigId` of the other site.
 */
export function expectOnlyMine(value: unknown, demo: Pick<TwoSiteDemo, 'mine' | 'other'>, where: string): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  expect(BAIE_COMEAU.test(text), `${where}: names the other site or its rigs`).toBe(false);
  if (typeof value === 'string') return;
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        // null names no site (a filter left open, a fleet-wide thing): it shows nothing of the other one.
        if (k === 'siteId' && x !== null) expect(x, `${where}: ${path}.siteId`).toBe(demo.mine.id);
        if (k === 'rigId') expect(demo.other.rigIds, `${where}: ${path}.rigId`).not.toContain(x);
        walk(x, `${path}.${k}`);
      }
    }
  };
  walk(value, '');
}
