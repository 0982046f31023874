/**
 * The storage banner against `hashwatt start`, in Chromium:
 * - the database on a 96 MiB tmpfs (less than 1 GiB free: low; needs root): every role sees the banner,
 *   the kiosk wall included, at 1920x1080, 1280x800 and 390x844 (screenshots in $HASHWATT_SHOTS when set).
 * - the database file deleted under the running system: the web notices (within its 10 s check, or at
 *   the next write), a write answers 503 naming the file, and the banner says so.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { runHashwatt } from '../support/run-cli';
import { apiFetch, signedInPage } from '../support/session';
import { CAN_MOUNT, smallDisk, type SmallDisk } from '../support/small-disk';
import { freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';

let disk: SmallDisk | null = null;
let dir: ReturnType<typeof tempDir> | null = null;
let system: RunningSystem;
let browser: Browser;
let dbPath: string;
let kioskToken: string;
const SHOTS = process.env.HASHWATT_SHOTS;

beforeAll(async () => {
  if (CAN_MOUNT) disk = smallDisk(96 * 1024);
  else dir = tempDir('hashwatt-banner-');
  dbPath = join(disk?.dir ?? dir!.dir, 'hashwatt.db');
  system = await startSystem({
    PORT: String(await freePort()),
    HASHWATT_DB: dbPath,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: '6',
    HASHWATT_POLL_INTERVAL_S: '2',
    HASHWATT_SIM_SUBNET: '127.0.215',
  });
  const created = await runHashwatt(['token', 'create', '--kiosk', '--name', 'control room TV'], { HASHWATT_DB: dbPath });
  expect(created.code, created.stderr).toBe(0);
  kioskToken = created.stdout.trim();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await system?.interrupt();
  disk?.cleanup();
  dir?.cleanup();
});

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

const SIZES = [
  { name: 'tv', width: 1920, height: 1080 },
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

describe.runIf(CAN_MOUNT)('low disk space', { timeout: 120_000 }, () => {
  it('shows the banner on every page, to an admin and on the kiosk wall, at TV, desktop and phone sizes', async () => {
    for (const size of SIZES) {
      const page = await signedInPage(browser, system.baseUrl, { viewport: size });
      for (const path of ['/', '/rigs', '/settings/sites']) {
        await page.goto(`${system.baseUrl}${path}`);
        const banner = page.getByTestId('storage-banner');
        await expect.poll(() => banner.count()).toBe(1);
        expect(await banner.getAttribute('data-level')).toBe('low');
        expect(await banner.innerText()).toMatch(
          new RegExp(`Low disk space: [\\d.]+ MiB \\([\\d.]+ %\\) free of 96\\.0 MiB on the disk holding ${dbPath}`),
        );
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      }
      await page.goto(`${system.baseUrl}/`);
      await shot(page, `overview-${size.name}`);
      await page.context().close();

      const wall = await (await browser.newContext({ viewport: size })).newPage();
      await wall.goto(`${system.baseUrl}/wall?kiosk=${kioskToken}`);
      await expect.poll(() => wall.getByTestId('storage-banner').count()).toBe(1);
      await shot(wall, `wall-${size.name}`);
      await wall.context().close();
    }
  });

  it('GET /api/storage gives the verdict to any signed-in role', async () => {
    const res = await apiFetch(system.baseUrl, '/api/storage');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ level: 'low' });
  });
});

describe('a database file deleted under the running system', { timeout: 120_000 }, () => {
  it('stops the web’s writes with 503 naming the file, and the banner says so', async () => {
    const sites = (await (await apiFetch(system.baseUrl, '/api/sites')).json()) as { sites: { id: number }[] };
    const page = await signedInPage(browser, system.baseUrl, { viewport: { width: 1280, height: 800 } }); // signing in writes a session
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
    const message = `database file ${dbPath} was deleted or replaced while running; stopping writes: restore it or restart`;
    const res = await apiFetch(system.baseUrl, `/api/sites/${sites.sites[0].id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pue: 1.2 }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(await res.json()).toEqual({ ok: false, error: message });

    await page.goto(`${system.baseUrl}/`);
    const banner = page.getByTestId('storage-banner');
    await expect.poll(() => banner.getAttribute('data-level'), { timeout: 15_000 }).toBe('replaced');
    expect(await banner.innerText()).toContain(message);
    await shot(page, 'replaced-desktop');
    await page.context().close();
    await expect.poll(() => system.output(), { timeout: 10_000 }).toContain(`collector: storage failing: ${message}`);
  });
});
