/**
 * The whole system as a user runs it: `hashwatt start` (migrate, simulator, collector, web server), the
 * overview in real Chromium updating without reload, Ctrl-C stopping every process, and a restart that
 * keeps the same rigs and history.
 */
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { alive, descendants, freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';
import { apiFetch, fetchAs, signedInPage } from '../support/session';
import { heatmapRigs } from '../support/heatmap';

const MINERS = 12;
let browser: Browser;
let dir: ReturnType<typeof tempDir>;
let env: Record<string, string>;
let system: RunningSystem | null = null;

beforeAll(async () => {
  dir = tempDir('hashwatt-e2e-');
  env = {
    PORT: String(await freePort()),
    HASHWATT_DB: `${dir.dir}/hashwatt.db`,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: String(MINERS),
    HASHWATT_POLL_INTERVAL_S: '1',
    HASHWATT_SIM_SUBNET: '127.0.91',
  };
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (system) await system.interrupt();
  dir?.cleanup();
});

async function getJson<T>(url: string): Promise<T> {
  const res = await fetchAs(url);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe('npm start end to end', { timeout: 120_000 }, () => {
  let rigIdsBefore: [string, number][] = [];
  let sweepsBefore = 0;

  it('serves a live overview whose numbers change without reload', async () => {
    system = await startSystem(env);
    const out = system.output();
    expect(out).toMatch(/applying migrations/);
    expect(out).toMatch(/demo fleet: 12 rigs in 2 sites \(12 new, 0 updated\)/);

    const page = await signedInPage(browser, system!.baseUrl, { viewport: { width: 1440, height: 900 } });
    await page.goto(system.baseUrl);
    // A marker on window survives only while the document does: a reload would wipe it.
    await page.evaluate(() => ((window as unknown as { hashwattMarker: number }).hashwattMarker = 42));
    await page.getByTestId('heatmap').first().waitFor();
    expect(await heatmapRigs(page)).toBe(MINERS);
    await expect.poll(() => page.getByTestId('link-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');

    const first = await page.getByTestId('fleet-hashrate').getAttribute('data-value');
    await expect
      .poll(async () => page.getByTestId('fleet-hashrate').getAttribute('data-value'), { timeout: 20_000, interval: 250 })
      .not.toBe(first);
    // The number changed by a pushed delta, not a reload.
    expect(await page.evaluate(() => (window as unknown as { hashwattMarker?: number }).hashwattMarker)).toBe(42);

    // What the page shows equals what the API (and so the database) holds for the fleet, within one sweep.
    await expect
      .poll(
        async () => {
          const shown = Number(await page.getByTestId('fleet-hashrate').getAttribute('data-value'));
          const now = await getJson<{ hashrateThs: number }>(`${system!.baseUrl}/api/fleet`);
          return Math.abs(shown - now.hashrateThs);
        },
        { timeout: 10_000 },
      )
      .toBeLessThan(1e-9);
    await page.close();
  });

  it('answers the JSON API with names that carry units', async () => {
    const base = system!.baseUrl;
    const health = await getJson<{ ok: boolean; db: string; lastSweepAgeMs: number }>(`${base}/api/health`);
    expect(health.ok).toBe(true);
    expect(health.db).toBe('ok');
    expect(health.lastSweepAgeMs).toBeLessThan(10_000);
    const fleet = await getJson<{ hashrateThs: number; powerW: number; efficiencyJth: number; rigsOnline: number; rigsTotal: number }>(
      `${base}/api/fleet`,
    );
    expect(fleet.rigsTotal).toBe(MINERS);
    expect(fleet.rigsOnline).toBeGreaterThan(0);
    expect(fleet.hashrateThs).toBeGreaterThan(0);
    expect(fleet.efficiencyJth).toBeCloseTo(fleet.powerW / fleet.hashrateThs, 6);
    const rigs = await getJson<{ rigs: { id: number; name: string }[] }>(`${base}/api/rigs`);
    rigIdsBefore = rigs.rigs.map((r) => [r.name, r.id]);
  });

  it('shows live profit per kWh from the demo network and tariffs, and a tariff raise reaches the screen', async () => {
    const base = system!.baseUrl;
    const page = await signedInPage(browser, system!.baseUrl, { viewport: { width: 1440, height: 900 } });
    await page.goto(base);
    const profitKwh = page.getByTestId('fleet-profit-kwh');
    await expect.poll(() => profitKwh.getAttribute('data-value'), { timeout: 20_000 }).not.toBeNull();
    expect(Number(await page.getByTestId('power-price').getAttribute('data-value'))).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('net-price').getAttribute('data-value'))).toBeGreaterThan(0);

    // Raise one site's tariff above every rig's breakeven: after the next sweep each of its rigs loses money.
    const rigs = await getJson<{ rigs: { siteId: number; economics: { breakevenPricePerKwh: number | null } | null }[] }>(
      `${base}/api/rigs`,
    );
    const siteId = rigs.rigs[0].siteId;
    const maxBreakeven = Math.max(...rigs.rigs.filter((r) => r.siteId === siteId).map((r) => r.economics?.breakevenPricePerKwh ?? 0));
    const res = await apiFetch(base, `/api/sites/${siteId}/tariff`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'flat', pricePerKwh: Math.ceil(maxBreakeven * 100) / 100 + 0.05 }),
    });
    expect(res.status).toBe(200);
    type EcoRig = { siteId: number; connectivity: string; economics: { profitPerKwh: number | null } | null };
    const losingNow = async () => {
      const now = await getJson<{ rigs: EcoRig[] }>(`${base}/api/rigs`);
      const site = now.rigs.filter((r) => r.siteId === siteId && r.connectivity === 'online' && r.economics);
      return {
        siteAllLosing: site.length > 0 && site.every((r) => r.economics!.profitPerKwh! < 0),
        losing: now.rigs.filter((r) => r.connectivity === 'online' && (r.economics?.profitPerKwh ?? 0) < 0).length,
      };
    };
    await expect.poll(async () => (await losingNow()).siteAllLosing, { timeout: 20_000 }).toBe(true);
    // The page counts the same rigs as losing money as the API reports, live (within a sweep).
    const losingShown = async () => Number(await page.getByTestId('rigs-losing').getAttribute('data-value'));
    await expect.poll(async () => (await losingShown()) === (await losingNow()).losing, { timeout: 10_000 }).toBe(true);

    const bad = await apiFetch(base, `/api/sites/${siteId}/tariff`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'flat', pricePerKwh: -1 }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: string[] }).errors.join(' ')).toMatch(/pricePerKwh/);

    // PUE and pool fee per site: a bad value is refused with the reason, a good one stored.
    const badSite = await apiFetch(base, `/api/sites/${siteId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pue: 0.5 }),
    });
    expect(badSite.status).toBe(400);
    expect(((await badSite.json()) as { errors: string[] }).errors).toEqual(['pue must be from 1 to 3 (got 0.5)']);
    const goodSite = await apiFetch(base, `/api/sites/${siteId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pue: 1.1, poolFeePct: 1.5 }),
    });
    expect(((await goodSite.json()) as { site: { pue: number; poolFeePct: number } }).site).toMatchObject({ pue: 1.1, poolFeePct: 1.5 });

    await page.goto(`${base}/economics`);
    const merit = page.getByTestId('merit-order');
    await merit.waitFor();
    await expect.poll(async () => Number(await merit.getAttribute('data-curtail-mw')), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.close();
  });

  it('stops every process on Ctrl-C: collector, then web, then simulator, leaving no orphans', async () => {
    const pids = descendants(system!.proc.pid!);
    expect(pids.length).toBeGreaterThanOrEqual(3);
    const code = await system!.interrupt();
    const out = system!.output();
    system = null;
    expect(code).toBe(0);
    const order = ['collector stopped', 'web stopped', 'simulator stopped'].map((s) => out.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    await expect.poll(() => pids.filter(alive), { timeout: 5_000 }).toEqual([]);
    const { openDb } = await import('../../lib/db/client');
    const db = openDb(env.HASHWATT_DB);
    sweepsBefore = db.sqlite.prepare('select count(*) from sweeps').pluck().get() as number;
    db.close();
    expect(sweepsBefore).toBeGreaterThan(1);
  });

  it('continues with the same rigs and the stored history after a restart', async () => {
    system = await startSystem(env);
    expect(system.output()).toMatch(/demo fleet: 12 rigs in 2 sites \(0 new, 0 updated\)/);
    const rigs = await getJson<{ rigs: { id: number; name: string }[] }>(`${system.baseUrl}/api/rigs`);
    expect(rigs.rigs.map((r) => [r.name, r.id])).toEqual(rigIdsBefore);
    const page = await signedInPage(browser, system!.baseUrl);
    await page.goto(system.baseUrl);
    const points = Number(await page.getByTestId('fleet-chart').getAttribute('data-points'));
    expect(points).toBeGreaterThanOrEqual(sweepsBefore);
    await page.close();
  });
});
