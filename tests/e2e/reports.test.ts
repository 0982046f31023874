/**
 * /reports and the realized API against `hashwatt start` with the demo's two sites: after a few sweeps the
 * site rows on the page add up to the fleet row, the CSV downloads, the overview shows today and this
 * month so far; a viewer limited to Rockdale sees Rockdale's money and nothing of Baie-Comeau, on the page
 * and in the API (another site's report is a 400 as for one that does not exist). Screenshots at TV and
 * phone size go to HASHWATT_SHOTS_DIR when it is set.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { apiFetch, signedInPage, type Credentials } from '../support/session';
import { expectOnlyMine, startTwoSiteDemo, type TwoSiteDemo } from '../support/two-site-demo';

let demo: TwoSiteDemo;
let browser: Browser;

type Report = {
  rows: { period: string; kwh: number; cost: number }[];
  total: { kwh: number; cost: number; profit: number };
  sites: { id: number; name: string }[];
  currency: string;
};

beforeAll(async () => {
  demo = await startTwoSiteDemo('127.0.143');
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

const json = async (res: Response) => {
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Report;
};

async function shots(path: string, name: string, who?: Credentials) {
  const dir = process.env.HASHWATT_SHOTS_DIR;
  if (!dir) return;
  for (const [size, viewport] of [
    ['tv', { width: 1920, height: 1080 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    const page = await signedInPage(browser, demo.base, { viewport }, who);
    await page.goto(`${demo.base}${path}`, { waitUntil: 'networkidle' });
    await page.screenshot({ path: join(dir, `${name}-${size}.png`), fullPage: true });
    await page.context().close();
  }
}

describe('realized reports', { timeout: 180_000 }, () => {
  it("the fleet report has today's figures and the sites add up to the fleet on /reports", async () => {
    await expect
      .poll(async () => (await json(await demo.admin('/api/reports'))).total.kwh, { timeout: 60_000, interval: 1_000 })
      .toBeGreaterThan(0);
    const fleet = await json(await demo.admin('/api/reports'));
    expect(fleet.sites.map((s) => s.id).sort()).toEqual([demo.mine.id, demo.other.id].sort());
    const page = await signedInPage(browser, demo.base);
    await page.goto(`${demo.base}/reports`);
    const cells = async (sel: string, col: string) =>
      page.locator(`${sel} td[data-col="${col}"]`).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    for (const col of ['kwh', 'cost', 'profit']) {
      const sites = await cells('[data-testid="report-by-site"] tbody tr[data-site]', col);
      const [fleetRow] = await cells('[data-testid="report-fleet-row"]', col);
      expect(sites).toHaveLength(2);
      expect(Math.abs(sites[0] + sites[1] - fleetRow)).toBeLessThan(1e-9 * Math.max(1, Math.abs(fleetRow)));
    }
    await expect.poll(() => page.getByTestId('report-definitions').textContent()).toContain('Share of observed rig-hours');
    await page.context().close();

    const csv = await demo.admin('/api/reports?site=fleet&format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="hashwatt-fleet-day-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toMatch(/^subject,period,start,end,energy_kwh,cost_USD,/);
    expect(lines[1]).toMatch(/^Fleet,\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2}T00:00:00[-+]\d{2}:\d{2},/);

    const overview = await signedInPage(browser, demo.base);
    await overview.goto(`${demo.base}/`);
    await expect.poll(() => overview.getByTestId('realized-cost-today').getAttribute('data-value')).not.toBeNull();
    // History charts from the realized hours: 24 h, then 1 y (one point per local day).
    await expect.poll(async () => Number(await overview.getByTestId('realized-chart-rate').getAttribute('data-points'))).toBeGreaterThan(0);
    await overview.getByTestId('realized-range-1y').click();
    await expect.poll(async () => Number(await overview.getByTestId('realized-chart-money').getAttribute('data-points'))).toBe(1);
    await overview.goto(`${demo.base}/economics`);
    await expect.poll(async () => Number(await overview.getByTestId('realized-chart-rate').getAttribute('data-points'))).toBeGreaterThan(0);
    // A rig's page: its realized days, with the CSV link.
    await overview.goto(`${demo.base}/rigs/${demo.mine.rigIds[0]}`);
    await expect.poll(() => overview.getByTestId('rig-realized-table').locator('td[data-col="kwh"]').count()).toBeGreaterThan(0);
    const rigCsv = await overview.getByTestId('rig-realized').locator('a[download]').getAttribute('href');
    expect((await demo.admin(rigCsv!)).headers.get('content-type')).toContain('text/csv');
    await overview.context().close();
    await shots('/reports', 'reports');
    await shots('/', 'overview');
    await shots('/economics', 'economics');
    await shots(`/rigs/${demo.mine.rigIds[0]}`, 'rig');
  });

  it("a viewer limited to Rockdale sees Rockdale's money and nothing of Baie-Comeau, on /reports and in the API", async () => {
    const get = (path: string) => apiFetch(demo.base, path, {}, demo.viewer);
    const fleet = await json(await get('/api/reports'));
    expect(fleet.sites).toEqual([{ id: demo.mine.id, name: demo.mine.name }]);
    expectOnlyMine(fleet, demo, 'GET /api/reports');
    const mine = await json(await get(`/api/reports?site=${demo.mine.id}&period=month`));
    expect(mine.total.kwh).toBeGreaterThan(0);
    const other = await get(`/api/reports?site=${demo.other.id}`);
    expect(other.status).toBe(400);
    const missing = await get('/api/reports?site=99999');
    expect(await other.json()).toEqual({
      ok: false,
      error: `unknown site "${demo.other.id}": site must be the id of one of your sites or "fleet"`,
    });
    expect(missing.status).toBe(400);
    expect((await get(`/api/rigs/${demo.other.rigIds[0]}/realized`)).status).toBe(404);
    expect((await get(`/api/rigs/${demo.mine.rigIds[0]}/realized?format=csv`)).status).toBe(200);
    expect((await get('/api/reports?period=fortnight')).status).toBe(400);
    // The admin's fleet is larger than what the viewer's fleet report sums.
    expect((await json(await demo.admin('/api/reports'))).total.kwh).toBeGreaterThan(fleet.total.kwh);

    const page = await signedInPage(browser, demo.base, {}, demo.viewer);
    await page.goto(`${demo.base}/reports`);
    const html = await page.content();
    expect(html).toMatch(/Rockdale/);
    expectOnlyMine(html, demo, '/reports');
    await page.context().close();
    await shots('/reports', 'reports-viewer', demo.viewer);
  });
});
