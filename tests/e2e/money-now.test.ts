/**
 * One basis for "now" across every screen, against `hashwatt start` with the demo in real Chromium: the
 * overview's "needs attention" lines and losing count, the wall's losing lines and count, /economics' "Curtail now" and
 * /rigs?losing=1 name the same rigs as the API (price now > breakeven), the three figures shown side by
 * side (breakeven, price now, profit per kWh now) add up on the overview, the wall and a rig's page, and
 * a change of the time-of-use band in force flips the rigs it should on every open screen without reload.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hourOfWeek } from '../../lib/economics/tariffs/tou';
import { launchBrowser } from '../support/browser';
import { apiFetch, signedInPage } from '../support/session';
import { freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';

let browser: Browser;
let dir: ReturnType<typeof tempDir>;
let system: RunningSystem;
let base: string;

interface ApiEconomics {
  currency: string;
  profitPerKwh: number | null;
  breakevenPricePerKwh: number | null;
  pricePerKwh: number | null;
}
interface ApiRig {
  id: number;
  name: string;
  siteId: number;
  siteName: string;
  connectivity: string;
  economics: ApiEconomics | null;
}

beforeAll(async () => {
  dir = tempDir('hashwatt-money-now-');
  system = await startSystem({
    PORT: String(await freePort()),
    HASHWATT_DB: `${dir.dir}/hashwatt.db`,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: '8',
    HASHWATT_POLL_INTERVAL_S: '1',
    HASHWATT_SIM_SUBNET: '127.0.157',
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

/** The rigs losing money now by the API, as a sorted id list: online, with economics, profit per kWh now < 0. */
async function losingByApi(): Promise<string> {
  const rigs = await apiRigs();
  for (const r of rigs) {
    const e = r.economics;
    if (!e || e.profitPerKwh === null || e.breakevenPricePerKwh === null || e.pricePerKwh === null) continue;
    // The API's own figures are on one basis: profit per kWh now = breakeven - price now.
    expect(Math.abs(e.profitPerKwh - (e.breakevenPricePerKwh - e.pricePerKwh))).toBeLessThan(1e-12);
    expect(e.profitPerKwh < 0).toBe(e.pricePerKwh > e.breakevenPricePerKwh);
  }
  return ids(rigs.filter((r) => r.connectivity === 'online' && (r.economics?.profitPerKwh ?? 0) < 0).map((r) => r.id));
}

const ids = (list: (number | string | null)[]) =>
  list
    .map(Number)
    .sort((a, b) => a - b)
    .join(',');

const attrIds = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => e.getAttribute('data-rig-id')));

/** Each screen's losing rigs, read the way it shows them. */
const SCREENS: Record<string, (page: Page) => Promise<string>> = {
  overview: async (page) => ids(await attrIds(page, '[data-testid="problem-rig"][data-problem="losing"]')),
  wall: async (page) => ids(await attrIds(page, '[data-testid="wall-worst"][data-reason="losing"]')),
  economics: async (page) => (await page.getByTestId('merit-order').getAttribute('data-curtail-rigs')) ?? '',
  rigsLosing: async (page) => ids(await attrIds(page, '[data-testid="rig-row"][data-connectivity="online"]')),
};

/** "$0.0860/kWh", "-CA$0.0012" -> 0.086, -0.0012. */
function shownNumber(text: string | null): number {
  const m = /(-?)[^\d-]*([\d,]+\.\d+)/.exec(text ?? '');
  if (!m) throw new Error(`no number in ${JSON.stringify(text)}`);
  return Number(`${m[1]}${m[2].replace(/,/g, '')}`);
}

/** Breakeven - price = profit per kWh, to the 4 decimals shown. */
async function addsUp(page: Page, ids: { profit: string; breakeven: string; price: string }): Promise<[number, number]> {
  const [profit, breakeven, price] = await Promise.all(
    [ids.profit, ids.breakeven, ids.price].map((id) => page.getByTestId(id).textContent()),
  );
  const [p, b, c] = [shownNumber(profit), shownNumber(breakeven), shownNumber(price)];
  return [Math.round(p * 1e4), Math.round((b - c) * 1e4)];
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const HOUR_MS = 3_600_000;

/**
 * A time-of-use tariff whose band in force now (this hour and the next, in the site's zone, so the test
 * never straddles a band boundary) costs `nowPrice` and every other hour of the week `restPrice`: the price
 * now and the day's mean then differ, as they do on a real peak tariff.
 */
function touNow(timeZone: string, nowPrice: number, restPrice: number) {
  const now = Date.now();
  const peak = new Set([hourOfWeek(now, timeZone), hourOfWeek(now + HOUR_MS, timeZone)]);
  const bands: { days: string[]; fromHour: number; toHour: number; pricePerKwh: number }[] = [];
  DAYS.forEach((day, d) => {
    for (let h = 0; h < 24;) {
      const isPeak = peak.has(d * 24 + h);
      let end = h + 1;
      while (end < 24 && peak.has(d * 24 + end) === isPeak) end++;
      bands.push({ days: [day], fromHour: h, toHour: end, pricePerKwh: isPeak ? nowPrice : restPrice });
      h = end;
    }
  });
  return { kind: 'tou', bands };
}

describe('"now" agrees on every screen', { timeout: 300_000 }, () => {
  it('overview, wall, /economics and /rigs?losing=1 name the same losing rigs; the figures add up; a band change flips them live', async () => {
    // Every online SHA-256 rig of Rockdale has economics with a breakeven.
    let rock: ApiRig[] = [];
    await expect
      .poll(
        async () => {
          rock = (await apiRigs()).filter(
            (r) => /rockdale/i.test(r.siteName) && r.connectivity === 'online' && r.economics?.breakevenPricePerKwh != null,
          );
          return rock.length;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBeGreaterThanOrEqual(2);
    const site = rock[0].siteId;
    // A price in the widest gap between breakevens: the rigs below it lose money, whatever a sweep's noise.
    const be = rock.map((r) => r.economics!.breakevenPricePerKwh!).sort((a, b) => a - b);
    let gap = 0;
    for (let i = 1; i < be.length - 1; i++) if (be[i + 1] - be[i] > be[gap + 1] - be[gap]) gap = i;
    const cheap = be[0] / 2;
    const dear = (be[gap] + be[gap + 1]) / 2;
    const sites = (await (await apiFetch(base, '/api/sites')).json()) as { sites: { id: number; timeZone: string }[] };
    const timeZone = sites.sites.find((s) => s.id === site)!.timeZone;

    // Cheap now, dear the rest of the day (a mean above every breakeven); then dear now, free the rest.
    const put = (nowPrice: number, restPrice: number) =>
      apiFetch(base, `/api/sites/${site}/tariff`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(touNow(timeZone, nowPrice, restPrice)),
      });
    expect((await put(cheap, be[be.length - 1] * 2)).status).toBe(200);

    const view = { viewport: { width: 1920, height: 1080 } };
    const pages: Record<string, Page> = {
      overview: await signedInPage(browser, base, view),
      wall: await signedInPage(browser, base, view),
      economics: await signedInPage(browser, base, view),
      rigsLosing: await signedInPage(browser, base, view),
    };
    const flipping = rock.find((r) => r.economics!.breakevenPricePerKwh! < dear)!;
    const rigPage = await signedInPage(browser, base, view);
    await Promise.all([
      pages.overview.goto(`${base}/`),
      pages.wall.goto(`${base}/wall?rotate=0`),
      pages.economics.goto(`${base}/economics`),
      pages.rigsLosing.goto(`${base}/rigs?losing=1`),
      rigPage.goto(`${base}/rigs/${flipping.id}`),
    ]);
    // A marker on window survives only while the document does: a reload would wipe it.
    for (const page of [...Object.values(pages), rigPage])
      await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));

    // 'agree', or every screen's list beside the API's (what the poll's failure then shows).
    const agree = async (): Promise<string> => {
      const api = await losingByApi();
      const shown: Record<string, string> = {};
      for (const [name, read] of Object.entries(SCREENS)) shown[name] = await read(pages[name]);
      return Object.values(shown).every((v) => v === api) ? 'agree' : JSON.stringify({ api, ...shown });
    };

    // Cheap power at Rockdale: the screens agree, and the rig that will flip is not losing.
    await expect.poll(agree, { timeout: 30_000, interval: 500 }).toBe('agree');
    expect((await losingByApi()).split(',')).not.toContain(String(flipping.id));
    await expect.poll(() => rigPage.getByTestId('rig-now-profit-kwh').getAttribute('class'), { timeout: 15_000 }).not.toMatch(/is-loss/);

    // The band in force now turns dear: the rigs below it flip on every open screen, without reload.
    expect((await put(dear, 0)).status).toBe(200);
    await expect.poll(async () => (await losingByApi()).split(','), { timeout: 20_000, interval: 500 }).toContain(String(flipping.id));
    await expect.poll(agree, { timeout: 30_000, interval: 500 }).toBe('agree');
    await expect.poll(() => rigPage.getByTestId('rig-now-profit-kwh').getAttribute('class'), { timeout: 15_000 }).toMatch(/is-loss/);
    const losingCount = (await losingByApi()).split(',').filter(Boolean).length;
    await expect
      .poll(() => pages.overview.getByTestId('rigs-losing').getAttribute('data-value'), { timeout: 15_000 })
      .toBe(String(losingCount));
    await expect.poll(() => pages.wall.getByTestId('wall-count-losing').textContent(), { timeout: 15_000 }).toBe(String(losingCount));

    // Breakeven - price now = profit per kWh now, as shown.
    const [op, ob] = await addsUp(pages.overview, { profit: 'fleet-profit-kwh', breakeven: 'fleet-breakeven', price: 'power-price' });
    expect(op).toBe(ob);
    const [wp, wb] = await addsUp(pages.wall, { profit: 'wall-profit-kwh', breakeven: 'wall-breakeven', price: 'wall-power-price' });
    expect(wp).toBe(wb);
    const [rp, rb] = await addsUp(rigPage, { profit: 'rig-now-profit-kwh', breakeven: 'rig-now-breakeven', price: 'rig-now-price' });
    expect(rp).toBe(rb);
    expect(rp).toBeLessThan(0);
    expect(await pages.overview.getByTestId('fleet-profit-day-basis').textContent()).toBe("at today's tariff");

    for (const page of [...Object.values(pages), rigPage])
      expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
  });
});
