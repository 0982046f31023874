/**
 * /rigs in real Chromium against `hashwatt start` with a 12-rig demo fleet: every rig the API knows is
 * listed, a site filter shows exactly that site's rigs, sorting by hash rate follows the API's values, the
 * filter and sort live in the URL and survive a reload, a phone never scrolls sideways, and values update
 * without a reload.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';
import { apiFetch, signedInPage } from '../support/session';

const MINERS = 12;
/** How long a poll waits for rows the server filters, sorts and pages (a fetch on a busy test machine). */
const SERVER_ROUND_TRIP = { timeout: 10_000, interval: 100 };
let browser: Browser;
let dir: ReturnType<typeof tempDir>;
let system: RunningSystem;
let base: string;

interface ApiRig {
  id: number;
  name: string;
  siteId: number;
  siteName: string;
  reading: { hashrateThs: number } | null;
}

beforeAll(async () => {
  dir = tempDir('hashwatt-rigs-e2e-');
  system = await startSystem({
    PORT: String(await freePort()),
    HASHWATT_DB: `${dir.dir}/hashwatt.db`,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: String(MINERS),
    HASHWATT_POLL_INTERVAL_S: '1',
    HASHWATT_SIM_SUBNET: '127.0.89',
  });
  base = system.baseUrl;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await system?.interrupt();
  dir?.cleanup();
});

async function apiRigs(): Promise<ApiRig[]> {
  const res = await apiFetch(base, '/api/rigs');
  expect(res.status).toBe(200);
  return ((await res.json()) as { rigs: ApiRig[] }).rigs;
}

/** The rows as shown, top to bottom: name and the exact hash rate behind the cell. */
async function shownRows(page: Page): Promise<{ name: string; hashrateThs: number | null }[]> {
  return page.$$eval('[data-testid="rig-row"]', (rows) =>
    rows.map((row) => {
      const v = row.querySelector('[data-testid="rig-hashrate"]')?.getAttribute('data-value');
      return { name: row.getAttribute('data-rig-name') ?? '', hashrateThs: v == null ? null : Number(v) };
    }),
  );
}

async function horizontalOverflowPx(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('/rigs end to end', { timeout: 120_000 }, () => {
  it('lists every rig the API knows, each linking to its own page', async () => {
    const page = await signedInPage(browser, base, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}/rigs`);
    await page.getByTestId('rig-row').first().waitFor();
    const api = await apiRigs();
    expect(api).toHaveLength(MINERS);
    expect((await shownRows(page)).map((r) => r.name).sort()).toEqual(api.map((r) => r.name).sort());
    const count = page.getByTestId('rigs-count');
    expect(await count.getAttribute('data-shown')).toBe(String(MINERS));
    expect(await count.textContent()).toBe(`${MINERS} of ${MINERS} rigs`);
    expect(await page.getByTestId('nav-rigs').getAttribute('aria-current')).toBe('page');
    const first = api[0];
    const link = page.locator(`[data-testid="rig-row"][data-rig-name="${first.name}"] [data-testid="rig-link"]`);
    expect(await link.getAttribute('href')).toBe(`/rigs/${first.id}`);
    // Problems first until a header is clicked.
    expect(await page.getByTestId('sort-state').locator('xpath=..').getAttribute('aria-sort')).toBe('ascending');
    await page.close();
  });

  it("filters by site to exactly that site's rigs, keeps the filter in the URL and across a reload", async () => {
    const page = await signedInPage(browser, base, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}/rigs`);
    await page.getByTestId('rig-row').first().waitFor();
    const api = await apiRigs();
    const site = api[api.length - 1];
    const expected = api
      .filter((r) => r.siteId === site.siteId)
      .map((r) => r.name)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(MINERS);

    await page.evaluate(() => ((window as unknown as { rigsMarker: number }).rigsMarker = 7));
    await page.getByTestId('rigs-filter-site').selectOption(String(site.siteId));
    // The server filters: the rows follow after a round trip.
    await expect.poll(async () => (await shownRows(page)).map((r) => r.name).sort(), SERVER_ROUND_TRIP).toEqual(expected);
    expect(await page.getByTestId('rigs-count').textContent()).toBe(`${expected.length} of ${MINERS} rigs`);
    await expect.poll(() => new URL(page.url()).searchParams.get('site')).toBe(String(site.siteId));
    // Filtering rewrote the URL in place: the same document, no navigation.
    expect(await page.evaluate(() => (window as unknown as { rigsMarker?: number }).rigsMarker)).toBe(7);

    await page.reload();
    await page.getByTestId('rig-row').first().waitFor();
    expect(await page.getByTestId('rigs-filter-site').inputValue()).toBe(String(site.siteId));
    expect((await shownRows(page)).map((r) => r.name).sort()).toEqual(expected);

    // A shared link with every filter at once, and a search that matches nothing shows the empty state.
    await page.goto(`${base}/rigs?site=${site.siteId}&state=online&kind=asic&q=no-such-rig-anywhere`);
    await page.getByTestId('rigs-empty').waitFor();
    expect(await page.getByTestId('rigs-count').textContent()).toBe(`0 of ${MINERS} rigs`);
    expect(await page.getByTestId('rigs-search').inputValue()).toBe('no-such-rig-anywhere');
    expect(await page.getByTestId('rigs-filter-state').inputValue()).toBe('online');
    expect(await page.getByTestId('rigs-filter-kind').inputValue()).toBe('asic');
    await page.getByTestId('rigs-clear').click();
    await expect.poll(async () => (await shownRows(page)).length, SERVER_ROUND_TRIP).toBe(MINERS);
    await expect.poll(() => new URL(page.url()).search).toBe('');

    // Malformed values fall back to their defaults instead of emptying the table.
    await page.goto(`${base}/rigs?site=abc&state=sideways&sort=nonsense&dir=up`);
    await page.getByTestId('rig-row').first().waitFor();
    expect((await shownRows(page)).length).toBe(MINERS);
    expect(await page.getByTestId('rigs-filter-state').inputValue()).toBe('all');
    await page.close();
  });

  it("sorts by hash rate in the API's order, and a second click reverses it", async () => {
    const page = await signedInPage(browser, base, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}/rigs`);
    await page.getByTestId('rig-row').first().waitFor();
    const header = page.getByTestId('sort-hashrate');
    const th = header.locator('xpath=..');

    // The page's order and values against the API's: equal within one sweep (the demo sweeps every second).
    const matchesApi = async (dir: 'asc' | 'desc') => {
      const shown = await shownRows(page);
      const api = await apiRigs();
      const byApi = [...api]
        .filter((r) => r.reading)
        .sort((a, b) =>
          dir === 'desc' ? b.reading!.hashrateThs - a.reading!.hashrateThs : a.reading!.hashrateThs - b.reading!.hashrateThs,
        );
      const valuesAgree = shown.every((row) => {
        const rig = api.find((r) => r.name === row.name)!;
        return rig.reading ? Math.abs(rig.reading.hashrateThs - row.hashrateThs!) < 1e-9 : row.hashrateThs === null;
      });
      const readRows = shown.filter((r) => r.hashrateThs !== null).map((r) => r.name);
      return valuesAgree && JSON.stringify(readRows) === JSON.stringify(byApi.map((r) => r.name));
    };

    await header.click();
    await expect.poll(() => th.getAttribute('aria-sort')).toBe('descending');
    expect(await page.getByTestId('sort-state').locator('xpath=..').getAttribute('aria-sort')).toBeNull();
    await expect.poll(() => matchesApi('desc'), { timeout: 15_000, interval: 200 }).toBe(true);
    await expect.poll(() => new URL(page.url()).search).toBe('?sort=hashrate&dir=desc');

    await header.click();
    await expect.poll(() => th.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => matchesApi('asc'), { timeout: 15_000, interval: 200 }).toBe(true);
    await expect.poll(() => new URL(page.url()).search).toBe('?sort=hashrate&dir=asc');

    await page.reload();
    await page.getByTestId('rig-row').first().waitFor();
    expect(await page.getByTestId('sort-hashrate').locator('xpath=..').getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => matchesApi('asc'), { timeout: 15_000, interval: 200 }).toBe(true);
    await page.close();
  });

  it('fits a 390 px phone without sideways scrolling, filters included', async () => {
    const page = await signedInPage(browser, base, { viewport: { width: 390, height: 844 } });
    const siteId = (await apiRigs())[0].siteId;
    await page.goto(`${base}/rigs?site=${siteId}&q=a&sort=profit&dir=asc`);
    await page.getByTestId('rig-row').first().waitFor();
    expect(await horizontalOverflowPx(page)).toBeLessThanOrEqual(0);
    // Column headers are hidden on cards; the sort picker says what the order is.
    expect(await page.getByTestId('rigs-sort-select').isVisible()).toBe(true);
    expect(await page.getByTestId('rigs-sort-select').inputValue()).toBe('profit');
    await page.goto(`${base}/rigs`);
    await page.getByTestId('rig-row').first().waitFor();
    expect(await horizontalOverflowPx(page)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('updates values live, without a reload', async () => {
    const page = await signedInPage(browser, base, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}/rigs?sort=name&dir=asc`);
    await page.getByTestId('rig-row').first().waitFor();
    await expect.poll(() => page.getByTestId('link-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
    await page.evaluate(() => ((window as unknown as { rigsMarker: number }).rigsMarker = 42));
    const before = JSON.stringify(await shownRows(page));
    await expect.poll(async () => JSON.stringify(await shownRows(page)), { timeout: 20_000, interval: 250 }).not.toBe(before);
    expect(await page.evaluate(() => (window as unknown as { rigsMarker?: number }).rigsMarker)).toBe(42);
    await page.close();
  });
});
