/**
 * The wall display against the whole running system (`hashwatt start` in demo mode): it fits a 1080p TV
 * without scrolling, shows what the API holds within a sweep and updates without reload, rotates
 * Fleet -> sites -> Fleet, pins a site, and turns red when the system stops and green again after a
 * restart on the same database and port, on the same page, without reload. The display signs in the way a
 * TV does: a kiosk link (`/wall?kiosk=<token>` from `hashwatt token create --kiosk`) traded once for a
 * cookie; the token leaves the address bar, and a revoked token stops the display.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';
import { runHashwatt } from '../support/run-cli';
import { fetchAs } from '../support/session';

let browser: Browser;
let dir: ReturnType<typeof tempDir>;
let env: Record<string, string>;
let system: RunningSystem | null = null;
let kioskToken = '';

beforeAll(async () => {
  dir = tempDir('hashwatt-wall-');
  env = {
    PORT: String(await freePort()),
    HASHWATT_DB: `${dir.dir}/hashwatt.db`,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: '8',
    HASHWATT_POLL_INTERVAL_S: '1',
    HASHWATT_SIM_SUBNET: '127.0.85',
  };
  [system, browser] = await Promise.all([startSystem(env), launchBrowser()]);
  const created = await runHashwatt(['token', 'create', '--kiosk', '--name', 'control room TV'], { HASHWATT_DB: env.HASHWATT_DB });
  expect(created.code, created.stderr).toBe(0);
  kioskToken = created.stdout.trim();
});

afterAll(async () => {
  await browser?.close();
  if (system) await system.interrupt();
  dir?.cleanup();
});

type ApiRig = { id: number; siteId: number; siteName: string; connectivity: string; reading: { hashrateThs: number } | null };

async function getJson<T>(url: string): Promise<T> {
  const res = await fetchAs(url);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

async function openWall(query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  await page.goto(`${system!.baseUrl}/wall${query}${query ? '&' : '?'}kiosk=${kioskToken}`);
  // The token was traded for a cookie: the address bar no longer holds it.
  expect(page.url()).not.toContain('kiosk=');
  expect(new URL(page.url()).pathname).toBe('/wall');
  // A marker on window survives only while the document does: a reload would wipe it.
  await page.evaluate(() => ((window as unknown as { wallMarker: number }).wallMarker = 7));
  return page;
}

const marker = (page: Page) => page.evaluate(() => (window as unknown as { wallMarker?: number }).wallMarker);
const status = (page: Page) => page.getByTestId('wall-status').getAttribute('data-state');
const view = (page: Page) => page.getByTestId('wall').getAttribute('data-view');

describe('wall display end to end', { timeout: 120_000 }, () => {
  it('fits 1920x1080 without scrollbars, matches /api/fleet within a sweep, and updates without reload', async () => {
    const page = await openWall('?rotate=0');
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('live');
    expect(await view(page)).toBe('fleet');
    const overflow = await page.evaluate(() => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
    }));
    expect(overflow).toEqual({ x: 0, y: 0 });

    const hashrate = page.getByTestId('wall-hashrate');
    await expect
      .poll(
        async () => {
          const shown = Number(await hashrate.getAttribute('data-value'));
          const api = await getJson<{ hashrateThs: number }>(`${system!.baseUrl}/api/fleet`);
          return Math.abs(shown - api.hashrateThs);
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBeLessThan(1e-9);
    await expect
      .poll(
        async () => {
          const api = await getJson<{ powerW: number; rigsTotal: number; rigsOffline: number }>(`${system!.baseUrl}/api/fleet`);
          const shownPower = Number(await page.getByTestId('wall-power').getAttribute('data-value'));
          const shownTotal = Number(await page.getByTestId('wall-count-total').textContent());
          const shownOffline = Number(await page.getByTestId('wall-count-offline').textContent());
          return Math.abs(shownPower - api.powerW) < 1e-6 && shownTotal === api.rigsTotal && shownOffline === api.rigsOffline;
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBe(true);

    const first = await hashrate.getAttribute('data-value');
    await expect.poll(() => hashrate.getAttribute('data-value'), { timeout: 20_000, interval: 250 }).not.toBe(first);
    await expect.poll(() => page.getByTestId('wall-profit-kwh').getAttribute('data-value'), { timeout: 20_000 }).not.toBeNull();
    // Read from five metres: no text on the wall is smaller than 32 px at 1080p.
    const smallest = await page.evaluate(() => {
      let min = Infinity;
      for (const el of document.querySelectorAll('.wall *')) {
        const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
        if (hasText && (el as HTMLElement).offsetParent !== null) min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
      }
      return min;
    });
    expect(smallest).toBeGreaterThanOrEqual(32);
    // The heat map draws every rig; the list shows the worst (at most eight) of those with a problem.
    expect(Number(await page.getByTestId('heatmap').getAttribute('data-rigs'))).toBe(8);
    const problems = Number(await page.getByTestId('wall-problems').getAttribute('data-total'));
    expect(await page.getByTestId('wall-worst').count()).toBe(Math.min(8, problems));
    expect(await marker(page)).toBe(7);
    await page.close();
  });

  it('rotates from the fleet to each site and back to the fleet', async () => {
    const api = await getJson<{ rigs: ApiRig[] }>(`${system!.baseUrl}/api/rigs`);
    const siteIds = [...new Set(api.rigs.map((r) => r.siteId))].sort((a, b) => a - b);
    expect(siteIds.length).toBeGreaterThan(1);
    const page = await openWall('?rotate=2');
    await expect.poll(() => view(page), { timeout: 10_000 }).toBe('fleet');
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          seen.add((await view(page)) ?? '');
          return seen.size;
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe(siteIds.length + 1);
    expect([...seen].sort()).toEqual(['fleet', ...siteIds.map((id) => `site-${id}`)].sort());
    await expect.poll(() => view(page), { timeout: 10_000, interval: 250 }).toBe('fleet');
    expect(await marker(page)).toBe(7);
    await page.close();
  });

  it('pins ?site=<id> and shows that site alone, summed from its own rigs', async () => {
    const api = await getJson<{ rigs: ApiRig[] }>(`${system!.baseUrl}/api/rigs`);
    const site = api.rigs[api.rigs.length - 1];
    const page = await openWall(`?site=${site.siteId}&rotate=2`);
    expect(await view(page)).toBe(`site-${site.siteId}`);
    expect(await page.getByTestId('wall-view').textContent()).toBe(site.siteName);
    // One clock, in the site's zone, named.
    const zone = await page.getByTestId('wall-clock').getAttribute('data-zone');
    expect(zone).toMatch(/^[A-Za-z_]+\/[A-Za-z_]+/);
    expect(await page.getByTestId('wall-clock').textContent()).toContain(zone!.replace(/_/g, ' '));
    expect(Number(await page.getByTestId('heatmap').getAttribute('data-rigs'))).toBe(
      api.rigs.filter((r) => r.siteId === site.siteId).length,
    );
    await expect
      .poll(
        async () => {
          const now = await getJson<{ rigs: ApiRig[] }>(`${system!.baseUrl}/api/rigs`);
          const sum = now.rigs
            .filter((r) => r.siteId === site.siteId && r.connectivity === 'online' && r.reading)
            .reduce((s, r) => s + r.reading!.hashrateThs, 0);
          return Math.abs(Number(await page.getByTestId('wall-hashrate').getAttribute('data-value')) - sum);
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBeLessThan(1e-6);
    await page.waitForTimeout(4500); // two rotation periods: a pinned site stays
    expect(await view(page)).toBe(`site-${site.siteId}`);
    await page.close();
  });

  it('turns red when the system stops and live again after a restart, without reloading', async () => {
    const page = await openWall('?rotate=0');
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('live');
    expect(await system!.interrupt()).toBe(0);
    system = null;
    await expect.poll(() => status(page), { timeout: 15_000, interval: 200 }).toBe('down');
    system = await startSystem(env);
    await expect.poll(() => status(page), { timeout: 30_000, interval: 250 }).toBe('live');
    // Backfilled after the restart: the figures follow the new sweeps.
    const before = await page.getByTestId('wall').getAttribute('data-cursor');
    await expect.poll(() => page.getByTestId('wall').getAttribute('data-cursor'), { timeout: 15_000 }).not.toBe(before);
    expect(await marker(page)).toBe(7);
    await page.close();
  });
});
