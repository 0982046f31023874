/**
 * The rig page (/rigs/[id]) in real Chromium against `hashwatt start` with the demo fleet: the live figures
 * are the API's, the 1 h chart draws what the tiered history holds, a range switch lands in the URL and
 * fetches that range, unknown rigs are a 404, and a phone never scrolls sideways.
 */
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';
import { apiFetch, signedInPage } from '../support/session';

interface ApiRig {
  id: number;
  name: string;
  connectivity: string;
  reading: { hashrateThs: number } | null;
}
interface ApiHistory {
  fromMs: number;
  toMs: number;
  points: { tsMs: number; hashrateThs: unknown }[];
}

let browser: Browser;
let dir: ReturnType<typeof tempDir>;
let system: RunningSystem | null = null;
let base = '';
let rig: ApiRig;

async function getJson<T>(path: string): Promise<T> {
  const res = await apiFetch(base, path);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

async function hashratePoints(range: string): Promise<number> {
  const h = await getJson<ApiHistory>(`/api/rigs/${rig.id}/history?range=${range}`);
  return h.points.filter((p) => p.hashrateThs !== null).length;
}

/** Polls `check` until it holds (expect.poll only works inside a test). */
async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  dir = tempDir('hashwatt-rig-detail-');
  system = await startSystem({
    PORT: String(await freePort()),
    HASHWATT_DB: `${dir.dir}/hashwatt.db`,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: '6',
    HASHWATT_POLL_INTERVAL_S: '1',
    HASHWATT_SIM_SUBNET: '127.0.87',
  });
  base = system.baseUrl;
  browser = await launchBrowser();
  // The first rig the API lists, once it has answered a sweep and its history has a point.
  await until(async () => ((await getJson<{ rigs: ApiRig[] }>('/api/rigs')).rigs[0]?.reading ?? null) !== null);
  rig = (await getJson<{ rigs: ApiRig[] }>('/api/rigs')).rigs[0];
  await until(async () => (await hashratePoints('1h')) > 0);
});

afterAll(async () => {
  await browser?.close();
  if (system) await system.interrupt();
  dir?.cleanup();
});

describe('rig detail page', { timeout: 90_000 }, () => {
  it('shows the rig named by the API with its live hash rate, and a 1 h chart of what the history holds', async () => {
    const page = await signedInPage(browser, base, { viewport: { width: 1440, height: 900 } });
    const res = await page.goto(`${base}/rigs/${rig.id}?range=1h`);
    expect(res?.status()).toBe(200);
    expect(await page.getByTestId('rig-name').textContent()).toBe(rig.name);
    expect(await page.title()).toBe(`${rig.name} · Hashwatt`);
    await expect.poll(() => page.getByTestId('link-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');

    // The tile equals what the API (and so the database) holds for the rig, within one sweep.
    await expect
      .poll(
        async () => {
          const shown = Number(await page.getByTestId('rig-now-hashrate').getAttribute('data-value'));
          const now = await getJson<{ rigs: ApiRig[] }>('/api/rigs');
          return Math.abs(shown - now.rigs.find((r) => r.id === rig.id)!.reading!.hashrateThs);
        },
        { timeout: 10_000 },
      )
      .toBeLessThan(1e-9);

    expect(await page.getByTestId('range-1h').getAttribute('aria-pressed')).toBe('true');
    const chart = page.getByTestId('chart-hashrate');
    const shown = Number(await chart.getAttribute('data-points'));
    expect(shown).toBeGreaterThan(0);
    // Rendered a moment before this request: a minute boundary in between adds at most one bucket.
    expect(Math.abs(shown - (await hashratePoints('1h')))).toBeLessThanOrEqual(1);
    expect(Number(await chart.getAttribute('data-to-ms')) - Number(await chart.getAttribute('data-from-ms'))).toBe(3_600_000);
    for (const id of ['chart-power', 'chart-temp', 'chart-profit']) await page.getByTestId(id).waitFor();
    expect(Number(await page.getByTestId('chart-power').getAttribute('data-points'))).toBeGreaterThan(0);

    // Events: the route answers, and what it lists is what the timeline shows.
    const { events } = await getJson<{ events: unknown[] }>(`/api/rigs/${rig.id}/events?limit=100`);
    await expect.poll(() => page.getByTestId('rig-events').getAttribute('data-status'), { timeout: 10_000 }).toBe('ok');
    expect(await page.getByTestId('rig-event').count()).toBe(events.length);
    await page.close();
  });

  it('switches to 7 days: the URL says so and that range is fetched', async () => {
    const page = await signedInPage(browser, base, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}/rigs/${rig.id}`);
    expect(await page.getByTestId('range-24h').getAttribute('aria-pressed')).toBe('true');
    await page.evaluate(() => ((window as unknown as { hashwattMarker: number }).hashwattMarker = 7));

    const fetched = page.waitForResponse((r) => r.url().includes(`/api/rigs/${rig.id}/history?range=7d`));
    await page.getByTestId('range-7d').click();
    expect((await fetched).status()).toBe(200);
    await expect.poll(() => new URL(page.url()).searchParams.get('range')).toBe('7d');
    expect(await page.getByTestId('range-7d').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('range-24h').getAttribute('aria-pressed')).toBe('false');
    const chart = page.getByTestId('chart-hashrate');
    await expect
      .poll(async () => Number(await chart.getAttribute('data-to-ms')) - Number(await chart.getAttribute('data-from-ms')))
      .toBe(7 * 24 * 3_600_000);
    // Still the same document: the range changed without a reload.
    expect(await page.evaluate(() => (window as unknown as { hashwattMarker?: number }).hashwattMarker)).toBe(7);

    // A reload (or a shared link) opens on the range in the URL.
    await page.reload();
    expect(await page.getByTestId('range-7d').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('rig-history').getAttribute('data-range')).toBe('7d');
    await page.close();
  });

  it('answers 404 for a rig that does not exist or an id that is not one', async () => {
    for (const path of ['/rigs/999999', '/rigs/abc', '/rigs/0', '/rigs/1.5']) {
      const res = await apiFetch(base, path);
      expect(res.status, path).toBe(404);
    }
  });

  it('fits a 390 px phone without sideways scrolling, charts stacked', async () => {
    const page = await signedInPage(browser, base, { viewport: { width: 390, height: 844 } });
    await page.goto(`${base}/rigs/${rig.id}?range=1h`);
    await page.getByTestId('chart-profit').waitFor();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const [hash, power] = await Promise.all([
      page.getByTestId('chart-hashrate').boundingBox(),
      page.getByTestId('chart-power').boundingBox(),
    ]);
    expect(power!.y).toBeGreaterThanOrEqual(hash!.y + hash!.height);
    await page.close();
  });
});
