/**
 * The overview's heat map against the whole running system (`hashwatt start`, a few hundred simulated rigs):
 * counts that add up, a cell that turns from the mining colour to the offline colour (read from the canvas's
 * pixels, as a user sees it) when its rig stops answering, without reload, the rig opened from its cell by a
 * click and by the keyboard, and the colouring switch kept in the address.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';
import { apiFetch, fetchAs, signedInPage } from '../support/session';

const MINERS = 300;
let browser: Browser;
let dir: ReturnType<typeof tempDir>;
let system: RunningSystem | null = null;

beforeAll(async () => {
  dir = tempDir('hashwatt-heatmap-');
  const env = {
    PORT: String(await freePort()),
    HASHWATT_DB: `${dir.dir}/hashwatt.db`,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: String(MINERS),
    HASHWATT_POLL_INTERVAL_S: '2',
    HASHWATT_STALE_AFTER_POLLS: '1',
    HASHWATT_OFFLINE_AFTER_POLLS: '2',
    HASHWATT_SIM_SUBNET: '127.0.97',
  };
  [system, browser] = await Promise.all([startSystem(env), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  if (system) await system.interrupt();
  dir?.cleanup();
});

type ApiRig = { id: number; name: string; siteId: number; connectivity: string; reading: { status: string } | null };

async function getJson<T>(url: string): Promise<T> {
  const res = await fetchAs(url);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/** The RGB of the canvas pixel one in from the top-left corner of the cell under the keyboard cursor. */
async function cursorPixel(page: Page, map: string): Promise<string> {
  return page.evaluate((sel) => {
    const box = document.querySelector(sel) as HTMLElement;
    const canvas = box.querySelector('canvas') as HTMLCanvasElement;
    const dpr = canvas.width / canvas.clientWidth;
    const x = Math.round((Number(box.dataset.cursorX) + 1) * dpr);
    const y = Math.round((Number(box.dataset.cursorY) + 1) * dpr);
    const [r, g, b] = canvas.getContext('2d')!.getImageData(x, y, 1, 1).data;
    return `${r},${g},${b}`;
  }, map);
}

/** Focuses the site's map and types the rig's name: the cursor goes to its cell. */
async function findRig(page: Page, map: string, rig: ApiRig): Promise<void> {
  // Drawn means hydrated: keys typed before that would reach no handler.
  await page.locator(`${map} canvas[data-draw-ms]`).waitFor();
  await page.locator(map).focus();
  await page.keyboard.type(rig.name);
  await expect.poll(() => page.locator(map).getAttribute('data-cursor-rig-id'), { timeout: 5_000 }).toBe(String(rig.id));
}

const MINING = '63,185,80'; // #3fb950
const OFFLINE = '255,123,114'; // #ff7b72

describe('heat map end to end', { timeout: 180_000 }, () => {
  let rig: ApiRig;
  let map = '';

  it('shows every rig once, with counts by state adding up to the fleet', async () => {
    const base = system!.baseUrl;
    const page = await signedInPage(browser, base, { viewport: { width: 1440, height: 900 } });
    await page.goto(base);
    await page.locator('[data-testid="heatmap"]').first().waitFor();
    await expect.poll(() => page.getByTestId('link-state').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
    const fleet = await getJson<{ rigsTotal: number }>(`${base}/api/fleet`);
    expect(fleet.rigsTotal).toBe(MINERS);
    const perSite = await page.locator('[data-testid="heatmap"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-rigs'))));
    expect(perSite.reduce((a, b) => a + b, 0)).toBe(MINERS);
    const states = ['mining', 'throttled', 'sleeping', 'error', 'stale', 'offline'];
    const counts = await Promise.all(states.map(async (s) => Number(await page.getByTestId(`count-${s}`).getAttribute('data-value'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(MINERS);
    expect(Number(await page.getByTestId('state-counts').getAttribute('data-total'))).toBe(MINERS);
    const legend = await page
      .locator('[data-testid="heatmap-legend"] li')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
    expect(legend.reduce((a, b) => a + b, 0)).toBe(MINERS);
    // The overview no longer lists every rig.
    expect(await page.getByTestId('rig-row').count()).toBe(0);
    await page.close();
  });

  it("turns a rig's cell from the mining colour to the offline colour when it stops answering, without reload", async () => {
    const base = system!.baseUrl;
    const rigs = (await getJson<{ rigs: ApiRig[] }>(`${base}/api/rigs`)).rigs;
    rig = rigs.filter((r) => r.connectivity === 'online' && r.reading?.status === 'mining').at(-1)!;
    map = `[data-testid="heatmap-site"][data-site-id="${rig.siteId}"] [data-testid="heatmap"]`;
    const page = await signedInPage(browser, base, { viewport: { width: 1440, height: 900 } });
    await page.goto(base);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
    await page.locator(map).waitFor();
    await findRig(page, map, rig);
    expect(await page.locator(map).getAttribute('data-cursor-state')).toBe('mining');
    expect(await cursorPixel(page, map)).toBe(MINING);

    // The rig stops answering: its address now points at a port nothing listens on.
    const res = await apiFetch(base, `/api/rigs/${rig.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ port: await freePort() }),
    });
    expect(res.status).toBe(200);
    await expect
      .poll(async () => (await getJson<{ rigs: ApiRig[] }>(`${base}/api/rigs`)).rigs.find((r) => r.id === rig.id)?.connectivity, {
        timeout: 30_000,
      })
      .toBe('offline');
    await expect.poll(() => page.locator(map).getAttribute('data-cursor-state'), { timeout: 15_000 }).toBe('offline');
    await expect.poll(() => page.locator(map).getAttribute('data-cursor-rig-id')).toBe(String(rig.id));
    await expect.poll(() => cursorPixel(page, map), { timeout: 5_000 }).toBe(OFFLINE);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
    // It heads the list of rigs needing attention too.
    expect(await page.locator(`[data-testid="problem-rig"][data-rig-id="${rig.id}"]`).getAttribute('data-problem')).toBe('offline');
    await page.close();
  });

  it('opens the rig from its cell, by a click and by Enter', async () => {
    const base = system!.baseUrl;
    const page = await signedInPage(browser, base, { viewport: { width: 1440, height: 900 } });
    await page.goto(base);
    await page.locator(map).waitFor();
    await findRig(page, map, rig);
    const at = await page.locator(map).evaluate((el) => ({
      x: Number(el.getAttribute('data-cursor-x')),
      y: Number(el.getAttribute('data-cursor-y')),
      s: Number(el.getAttribute('data-cell-px')),
    }));
    await page.locator(`${map} canvas`).hover({ position: { x: at.x + at.s / 2, y: at.y + at.s / 2 } });
    await expect.poll(() => page.getByTestId('heatmap-tip').textContent()).toContain(rig.name);
    await page.locator(`${map} canvas`).click({ position: { x: at.x + at.s / 2, y: at.y + at.s / 2 } });
    await page.waitForURL(`${base}/rigs/${rig.id}`);

    await page.goto(base);
    await page.locator(map).waitFor();
    await findRig(page, map, rig);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/rigs/${rig.id}`);
    await page.close();
  });

  it('colours by temperature when switched, and keeps the choice in the address across a reload', async () => {
    const base = system!.baseUrl;
    const page = await signedInPage(browser, base, { viewport: { width: 1440, height: 900 } });
    await page.goto(base);
    await page.locator(map).waitFor();
    await page.getByTestId('heatmap-mode-temp').click();
    expect(new URL(page.url()).searchParams.get('map')).toBe('temp');
    expect(await page.locator(map).getAttribute('data-mode')).toBe('temp');
    await page.reload();
    await page.locator(map).waitFor();
    expect(await page.locator(map).getAttribute('data-mode')).toBe('temp');
    expect(await page.getByTestId('heatmap-mode-temp').getAttribute('aria-checked')).toBe('true');
    await page.close();
  });
});
