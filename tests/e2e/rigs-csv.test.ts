/**
 * /rigs paged on the server and the rig CSV, in real Chromium against `hashwatt start` with a 60-miner
 * demo on 127.0.105: the table shows one page of 50, the pager moves to the rest and the URL keeps it; the
 * export downloads every rig as CSV; an import previews new, updated and refused rows (line and field
 * named), refuses to apply while a row is refused, and applies a clean file in one go.
 */
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { apiFetch, signedInContext } from '../support/session';
import { freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';

const MINERS = 60;
let browser: Browser;
let context: BrowserContext;
let dir: ReturnType<typeof tempDir>;
let system: RunningSystem;
let base: string;

beforeAll(async () => {
  dir = tempDir('hashwatt-rigs-csv-e2e-');
  system = await startSystem({
    PORT: String(await freePort()),
    HASHWATT_DB: `${dir.dir}/hashwatt.db`,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: String(MINERS),
    HASHWATT_POLL_INTERVAL_S: '2',
    HASHWATT_SIM_SUBNET: '127.0.105',
  });
  base = system.baseUrl;
  browser = await launchBrowser();
  context = await signedInContext(browser, base, { viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await system?.interrupt();
  dir?.cleanup();
});

async function exportCsv(): Promise<string> {
  const res = await apiFetch(base, '/api/rigs/csv');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/csv');
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="hashwatt-rigs-\d{4}-\d{2}-\d{2}\.csv"$/);
  return res.text();
}

async function upload(page: Page, text: string): Promise<void> {
  await page.getByTestId('rig-csv-file').setInputFiles({ name: 'rigs.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByTestId('csv-preview').waitFor();
}

const count = async (page: Page, action: string) => Number(await page.getByTestId(`csv-count-${action}`).getAttribute('data-count'));

describe('/rigs paged and the rig CSV, end to end', { timeout: 180_000 }, () => {
  it('shows one page of 50 rows, pages on, and keeps the page in the URL', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/rigs?sort=name&dir=asc`);
    await page.getByTestId('rig-row').first().waitFor();
    expect(await page.getByTestId('rig-row').count()).toBe(50);
    expect(await page.getByTestId('rigs-count').getAttribute('data-shown')).toBe(String(MINERS));
    const firstPage = await page.$$eval('[data-testid="rig-row"]', (rows) => rows.map((r) => r.getAttribute('data-rig-name')));
    await page.getByTestId('rigs-page-next').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="rig-row"]').length === 10);
    expect(page.url()).toContain('page=2');
    const secondPage = await page.$$eval('[data-testid="rig-row"]', (rows) => rows.map((r) => r.getAttribute('data-rig-name')));
    expect(secondPage.filter((n) => firstPage.includes(n))).toEqual([]);
    await page.reload();
    await page.getByTestId('rig-row').first().waitFor();
    expect(await page.getByTestId('rig-row').count()).toBe(10);
    await page.close();
  });

  it('exports every rig, then previews and applies an import that adds one and locates another', async () => {
    const text = await exportCsv();
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('name,address,port,driver,site,building,rack,position');
    expect(lines).toHaveLength(MINERS + 1);
    const [name, address, port, driver, site] = lines[1].split(',');
    const located = `${name},${address},${port},${driver},${site},Hall B,R7,U12`;
    const added = `csv-new-01,10.99.0.1,4028,antminer,${site},Hall B,R8,U1`;

    const page = await context.newPage();
    await page.goto(`${base}/settings/rigs`);
    // A refused row blocks the import and says where and why.
    await upload(page, [lines[0], located, `bad-01,10.99.0.2,4028,antminer,No Such Site,,,`].join('\r\n'));
    expect(await count(page, 'refused')).toBe(1);
    expect(await page.getByTestId('csv-group-refused').textContent()).toContain('line 3, field site: unknown site "No Such Site"');
    expect(await page.getByTestId('rig-csv-apply').isDisabled()).toBe(true);
    await page.getByTestId('rig-csv-cancel').click();

    await upload(page, [lines[0], located, added, ...lines.slice(2)].join('\r\n'));
    expect([await count(page, 'new'), await count(page, 'updated'), await count(page, 'unchanged'), await count(page, 'refused')]).toEqual([
      1,
      1,
      MINERS - 1,
      0,
    ]);
    expect(await page.getByTestId('csv-group-updated').textContent()).toContain('building: none → "Hall B"');
    await page.getByTestId('rig-csv-apply').click();
    await page.getByTestId('rig-csv-done').waitFor();
    expect(await page.getByTestId('rig-csv-done').textContent()).toContain('1 new, 1 updated');

    const after = await exportCsv();
    expect(after).toContain(`${located}\r\n`);
    expect(after).toContain(`${added}\r\n`);
    await page.close();
  });
});
