/**
 * No one sees or acts on a site that is not theirs, against `hashwatt start` with the demo's two sites
 * and alerts firing at both and for the fleet: a viewer, an operator and a kiosk token limited to
 * Rockdale call every GET route of lib/auth/route-scopes (so a new route is covered the day it is
 * declared), the pages and the live socket, and nothing of Baie-Comeau comes back (no name, no siteId, no
 * rig id); acting on its rigs and alerts, or on a fleet-wide alert, is a 404 like a thing that does not
 * exist. Admins carry no site limit.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTE_SCOPES } from '../../lib/auth/route-scopes';
import { openDb } from '../../lib/db/client';
import type { Ack, Backfill, ClientToServerEvents, Delta, FleetSnapshot, ServerToClientEvents } from '../../lib/views/contracts';
import { apiFetch, signIn, type Credentials } from '../support/session';
import { expectOnlyMine, startTwoSiteDemo, type TwoSiteDemo } from '../support/two-site-demo';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
let demo: TwoSiteDemo;
const WIDE = { name: 'wide-viewer', password: 'every-site-viewer-1' };

beforeAll(async () => {
  demo = await startTwoSiteDemo('127.0.101', [WIDE]);
}, 240_000);
afterAll(async () => {
  await demo?.stop();
});

type Who = { label: string; get: (path: string, init?: RequestInit) => Promise<Response>; role: 'viewer' | 'operator' | 'kiosk' };
const asUser = (label: string, role: Who['role'], who: Credentials): Who => ({
  label,
  role,
  get: (path, init = {}) => apiFetch(demo.base, path, init, who),
});
const asKiosk = (): Who => ({
  label: 'kiosk',
  role: 'kiosk',
  get: (path, init = {}) =>
    fetch(`${demo.base}${path}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${demo.kioskToken}` } }),
});
const people = () => [asUser('viewer', 'viewer', demo.viewer), asUser('operator', 'operator', demo.operator), asKiosk()];
const KIOSK_READS = new Set(['/api/fleet', '/api/network', '/api/alerts', '/api/storage']);

type Alert = { id: string; siteId: number | null; resolvedAtMs: number | null };
async function firing(siteId: number | null): Promise<Alert> {
  const all = ((await (await demo.admin('/api/alerts?status=active&limit=500')).json()) as { alerts: Alert[] }).alerts;
  return all.find((a) => a.siteId === siteId)!;
}

/** A URL of each site-checked route for a thing of `mine` and one of `other` (a new site-checked route must be added here). */
async function samples(): Promise<Record<string, { mine: string; other: string; body?: unknown }>> {
  const [mineAlert, otherAlert] = [await firing(demo.mine.id), await firing(demo.other.id)];
  const ack = async (a: Alert) =>
    ((await (await demo.admin(`/api/alerts/${encodeURIComponent(a.id)}/ack`, 'POST', {})).json()) as { request: { id: number } }).request
      .id;
  const [mineRequest, otherRequest] = [await ack(mineAlert), await ack(otherAlert)];
  const rig = (s: 'mine' | 'other', tail = '') => `/api/rigs/${demo[s].rigIds[0]}${tail}`;
  const alert = (a: Alert, tail: string) => `/api/alerts/${encodeURIComponent(a.id)}${tail}`;
  return {
    '/api/rigs/[id]': { mine: rig('mine'), other: rig('other') },
    '/api/rigs/[id]/history': { mine: rig('mine', '/history?range=1h'), other: rig('other', '/history?range=1h') },
    '/api/rigs/[id]/events': { mine: rig('mine', '/events'), other: rig('other', '/events') },
    '/api/rigs/[id]/realized': { mine: rig('mine', '/realized'), other: rig('other', '/realized') },
    '/api/rigs/[id]/maintenance': { mine: rig('mine', '/maintenance'), other: rig('other', '/maintenance'), body: { note: 'scope test' } },
    '/api/alerts/[id]/ack': { mine: alert(mineAlert, '/ack'), other: alert(otherAlert, '/ack'), body: {} },
    '/api/alerts/[id]/snooze': {
      mine: alert(mineAlert, '/snooze'),
      other: alert(otherAlert, '/snooze'),
      body: { untilMs: Date.now() + 3_600_000 },
    },
    '/api/alerts/requests/[id]': { mine: `/api/alerts/requests/${mineRequest}`, other: `/api/alerts/requests/${otherRequest}` },
  };
}

describe('a viewer, an operator and a kiosk limited to one site', { timeout: 180_000 }, () => {
  it('read only their site from every list and no-site route, and get something of it', async () => {
    let checked = 0;
    for (const who of people()) {
      for (const [pattern, methods] of Object.entries(API_ROUTE_SCOPES)) {
        const scope = methods.GET;
        if (scope !== 'site-filtered' && scope !== 'no-site-data' && scope !== 'own') continue;
        const res = await who.get(pattern);
        if (who.role === 'kiosk' && !KIOSK_READS.has(pattern)) {
          expect(res.status, `${who.label} GET ${pattern}`).toBe(403);
          continue;
        }
        if (who.role === 'kiosk' && scope === 'own') continue;
        expect(res.status, `${who.label} GET ${pattern}`).toBe(200);
        // JSON everywhere but /metrics (the Prometheus text format): a text is checked for the other site's names.
        const json = res.headers.get('content-type')?.includes('application/json');
        expectOnlyMine(json ? await res.json() : await res.text(), demo, `${who.label} GET ${pattern}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(24);
    // Not vacuous: their own site is there.
    const viewer = people()[0];
    const body = async (path: string) => (await (await viewer.get(path)).json()) as Record<string, unknown[]> & { maintenance: unknown[] };
    expect((await body('/api/sites')).sites).toEqual([expect.objectContaining({ id: demo.mine.id, name: demo.mine.name })]);
    expect(((await body('/api/rigs')).rigs as { id: number }[]).map((r) => r.id).sort()).toEqual([...demo.mine.rigIds].sort());
    expect((await body('/api/alerts?status=all&limit=500')).alerts.length).toBeGreaterThan(0);
    expect(((await body('/api/alerts?status=resolved')).alerts as Alert[]).every((a) => a.siteId === demo.mine.id)).toBe(true);
    expect((await body('/api/alerts/rules')).maintenance).toEqual([
      expect.objectContaining({ rigId: demo.mine.rigIds[1], siteId: demo.mine.id }),
    ]);
    const kioskAlerts = ((await (await asKiosk().get('/api/alerts?status=all&limit=500')).json()) as { alerts: Alert[] }).alerts;
    expect(kioskAlerts.length).toBeGreaterThan(0);
  });

  it("see the pool accounts their rigs point at without the account's own figures, and none their rigs do not use", async () => {
    type Pool = { id: number; name: string; state: unknown };
    const all = ((await (await demo.admin('/api/pools')).json()) as { pools: Pool[] }).pools;
    expect(all).toHaveLength(1); // the demo's pool account, which Rockdale's rigs point at
    await expect
      .poll(async () => ((await (await demo.admin('/api/pools')).json()) as { pools: Pool[] }).pools[0].state, { timeout: 90_000 })
      .not.toBeNull();
    const mine = ((await (await apiFetch(demo.base, '/api/pools', {}, demo.viewer)).json()) as { pools: Pool[] }).pools;
    expect(mine).toEqual([{ ...all[0], state: null }]);
    const economics = await (await apiFetch(demo.base, '/economics', {}, demo.viewer)).text();
    expect(economics).toMatch(/data-testid="pool-row"/);
    expect(economics).not.toMatch(/data-label="Pool \(1 h\)" data-value=/); // the account's figure counts every site
    // Someone of the other site, whose rigs point at another pool, sees no pool account at all.
    const baie = { name: 'baie-viewer', password: 'baie-comeau-viewer-1' };
    expect((await demo.admin('/api/users', 'POST', { ...baie, role: 'viewer', siteIds: [demo.other.id] })).status).toBe(201);
    expect(((await (await apiFetch(demo.base, '/api/pools', {}, baie)).json()) as { pools: Pool[] }).pools).toEqual([]);
    expect(await (await apiFetch(demo.base, '/economics', {}, baie)).text()).not.toMatch(/data-testid="pool-row"/);
  });

  it("get a 404 for another site's rig, alert or request, as for one that does not exist; their own answers", async () => {
    const urls = await samples();
    const siteChecked = Object.entries(API_ROUTE_SCOPES).flatMap(([pattern, methods]) =>
      Object.entries(methods)
        .filter(([, s]) => s === 'site-checked')
        .map(([m]) => [pattern, m] as const),
    );
    expect(siteChecked.map(([p]) => p).filter((p) => !(p in urls))).toEqual([]);
    const operator = people()[1];
    for (const [pattern, method] of siteChecked) {
      const { mine, other, body } = urls[pattern];
      const init = (b: unknown): RequestInit => ({
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : JSON.stringify(b ?? {}),
      });
      const refused = await operator.get(other, init(body));
      expect(refused.status, `operator ${method} ${other}`).toBe(404);
      expectOnlyMine(await refused.json(), demo, `operator ${method} ${other}`);
      const own = await operator.get(mine, init(body));
      expect(own.status, `operator ${method} ${mine}: ${await own.clone().text()}`).toBeLessThan(300);
      expectOnlyMine(await own.json(), demo, `operator ${method} ${mine}`);
    }
    // Ending the maintenance the admin started on the other site's rig is refused too, and it stays.
    expect((await operator.get(`/api/rigs/${demo.other.rigIds[1]}/maintenance`, { method: 'DELETE' })).status).toBe(404);
    const rules = (await (await demo.admin('/api/alerts/rules')).json()) as { maintenance: { rigId: number }[] };
    expect(rules.maintenance.map((m) => m.rigId).sort()).toEqual([demo.mine.rigIds[1], demo.other.rigIds[1]].sort());
    // A fleet-wide alert is not a site-limited operator's to acknowledge either.
    const fleet = await firing(null);
    expect((await operator.get(`/api/alerts/${encodeURIComponent(fleet.id)}/ack`, { method: 'POST', body: '{}' })).status).toBe(404);
    // A viewer's role stops them before any site is looked at.
    expect((await people()[0].get(urls['/api/rigs/[id]/maintenance'].mine, { method: 'PUT', body: '{}' })).status).toBe(403);
    // Pages: another site's rig page says nothing about it, the title included.
    for (const who of [demo.viewer, demo.operator]) {
      const page = await apiFetch(demo.base, `/rigs/${demo.other.rigIds[0]}`, {}, who);
      expect(page.status).toBe(404);
      const html = await page.text();
      expect(html).toMatch(/<title>(Rig not found · )?Hashwatt<\/title>/);
      expectOnlyMine(html, demo, `${who.name} /rigs/${demo.other.rigIds[0]}`); // the streamed metadata included
    }
  });

  it('see only their site on every page', async () => {
    const pages = ['/', '/rigs', '/economics', '/alerts', '/account', `/rigs/${demo.mine.rigIds[0]}`];
    for (const who of [demo.viewer, demo.operator]) {
      for (const path of pages) {
        const res = await apiFetch(demo.base, path, {}, who);
        expect(res.status, `${who.name} ${path}`).toBe(200);
        expectOnlyMine(await res.text(), demo, `${who.name} ${path}`);
      }
    }
    const wall = await fetch(`${demo.base}/wall`, { headers: { cookie: `hw_kiosk=${demo.kioskToken}` } });
    expect(wall.status).toBe(200);
    const html = await wall.text();
    expect(html).toContain(demo.mine.name);
    expectOnlyMine(html, demo, 'kiosk /wall');
  });

  it('get only their site over the live socket: snapshot, backfill and a few sweeps of deltas', async () => {
    const viewerCookie = await signIn(demo.base, demo.viewer);
    for (const headers of [{ cookie: viewerCookie }, { cookie: `hw_kiosk=${demo.kioskToken}` }]) {
      const c: Client = connect(demo.base, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers });
      const deltas: Delta[] = [];
      c.on('deltas', (batch) => deltas.push(...batch));
      await new Promise<void>((resolve, reject) => (c.once('connect', () => resolve()), c.once('connect_error', reject)));
      const snapshot = await new Promise<FleetSnapshot>((resolve, reject) =>
        c.emit('snapshot', { watch: [] }, (res) => (res.ok ? resolve(res.data) : reject(new Error(res.error)))),
      );
      expect(snapshot.rigs).toEqual([]); // none watched: no full views
      expect(snapshot.cells?.map((cell) => cell.siteId)).toEqual([demo.mine.id, demo.mine.id]);
      expectOnlyMine(snapshot, demo, 'socket snapshot');
      // Watching the other site's rigs too: they are dropped, the viewer's own stream.
      const watch = [...demo.mine.rigIds, ...demo.other.rigIds];
      const backfill = await new Promise<Ack<Backfill>>((resolve) =>
        c.emit('subscribe', { room: 'fleet', cursor: Math.max(0, snapshot.cursor - 200), watch }, resolve),
      );
      expectOnlyMine(backfill, demo, 'socket backfill');
      const full = backfill.ok ? backfill.data.deltas.find((d) => d.kind === 'summary') : undefined;
      expect(full?.kind === 'summary' && full.cells.map((cell) => cell[1])).toEqual([demo.mine.id, demo.mine.id]);
      expect(full?.kind === 'summary' && full.rigs.map((r) => r.id).sort()).toEqual([...demo.mine.rigIds].sort());
      await expect
        .poll(() => deltas.filter((d) => d.kind === 'summary' && d.point !== null).length, { timeout: 20_000 })
        .toBeGreaterThanOrEqual(3);
      const summaries = deltas.filter((d) => d.kind === 'summary');
      expect(summaries.every((d) => d.kind === 'summary' && d.cells.every((cell) => cell[1] === demo.mine.id))).toBe(true);
      expect(summaries.some((d) => d.kind === 'summary' && d.rigs.length > 0)).toBe(true);
      expectOnlyMine(deltas, demo, 'socket deltas');
      c.disconnect();
    }
  });
});

describe('a socket whose user changes', { timeout: 90_000 }, () => {
  /** A connected socket as `who`, recording when the server closed it and why. */
  async function live(who: Credentials) {
    const c: Client = connect(demo.base, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie: await signIn(demo.base, who) },
    });
    const seen = { reason: null as string | null, closedAtMs: null as number | null };
    c.on('access-changed', (r) => (seen.reason = r));
    c.on('disconnect', () => (seen.closedAtMs = Date.now()));
    await new Promise<void>((resolve, reject) => (c.once('connect', () => resolve()), c.once('connect_error', reject)));
    return seen;
  }
  const userId = async (name: string) =>
    ((await (await demo.admin('/api/users')).json()) as { users: { id: number; name: string }[] }).users.find((u) => u.name === name)!.id;

  it('is closed within the recheck when an admin narrows it to one site or demotes it, and its next connection sees what is left', async () => {
    const narrowed = await live(WIDE);
    const opAll = { name: 'op-everywhere', password: 'operator-every-1' };
    expect((await demo.admin('/api/users', 'POST', { ...opAll, role: 'operator' })).status).toBe(201);
    const demoted = await live(opAll);

    const atMs = Date.now();
    expect((await demo.admin(`/api/users/${await userId(WIDE.name)}`, 'PATCH', { siteIds: [demo.mine.id] })).status).toBe(200);
    expect((await demo.admin(`/api/users/${await userId(opAll.name)}`, 'PATCH', { role: 'viewer' })).status).toBe(200);
    await expect.poll(() => narrowed.closedAtMs !== null && demoted.closedAtMs !== null, { timeout: 12_000 }).toBe(true);
    expect(narrowed.reason).toMatch(/^access changed: viewer of every site is now viewer of sites \d+$/);
    expect(demoted.reason).toBe('access changed: operator of every site is now viewer of every site');
    console.log(`sockets closed ${narrowed.closedAtMs! - atMs} ms and ${demoted.closedAtMs! - atMs} ms after the change`);

    const again: Client = connect(demo.base, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie: await signIn(demo.base, WIDE) },
    });
    const snapshot = await new Promise<FleetSnapshot>((resolve, reject) => {
      again.once('connect', () => again.emit('snapshot', {}, (res) => (res.ok ? resolve(res.data) : reject(new Error(res.error)))));
      again.once('connect_error', reject);
    });
    expectOnlyMine(snapshot, demo, 'snapshot after narrowing');
    again.disconnect();
  });
});

describe('admins', { timeout: 60_000 }, () => {
  it('are refused a site list, and one stored from before is ignored: they see every site', async () => {
    const made = await demo.admin('/api/users', 'POST', {
      name: 'ada',
      password: 'admin-two-password',
      role: 'admin',
      siteIds: [demo.mine.id],
    });
    expect(made.status).toBe(400);
    expect(((await made.json()) as { errors: string[] }).errors).toEqual([
      'siteIds: an admin sees every site; leave siteIds out (or null) for an admin, or pick the operator or viewer role to limit someone to some sites',
    ]);
    expect((await demo.admin('/api/users', 'POST', { name: 'ada', password: 'admin-two-password', role: 'admin' })).status).toBe(201);
    const ada = { name: 'ada', password: 'admin-two-password' };
    const users = ((await (await demo.admin('/api/users')).json()) as { users: { id: number; name: string }[] }).users;
    const adaId = users.find((u) => u.name === 'ada')!.id;
    // Ada cannot limit herself, nor an admin another admin.
    expect(
      (
        await apiFetch(
          demo.base,
          `/api/users/${adaId}`,
          { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ siteIds: [demo.mine.id] }) },
          ada,
        )
      ).status,
    ).toBe(400);
    expect((await demo.admin(`/api/users/${adaId}`, 'PATCH', { siteIds: [demo.mine.id] })).status).toBe(400);
    // A list stored on an admin before this release.
    const db = openDb(demo.dbPath);
    try {
      db.sqlite.prepare('update users set site_ids_json = ? where id = ?').run(JSON.stringify([demo.mine.id]), adaId);
    } finally {
      db.close();
    }
    const sites = ((await (await apiFetch(demo.base, '/api/sites', {}, ada)).json()) as { sites: { id: number }[] }).sites;
    expect(sites.map((s) => s.id).sort()).toEqual([demo.mine.id, demo.other.id].sort());
    const listed = ((await (await demo.admin('/api/users')).json()) as { users: { name: string; siteIds: number[] | null }[] }).users;
    expect(listed.find((u) => u.name === 'ada')!.siteIds).toBeNull();
    expect((await demo.admin('/api/tokens', 'POST', { kind: 'api', name: 'x', role: 'admin', siteId: demo.mine.id })).status).toBe(400);
  });
});
