/**
 * Screenshots of the overview, the wall and the phone view against a demo fleet of any size, for looking at
 * the screens as a user would (and the heat map's measured draw time):
 *   node --import tsx tests/support/screens-demo.ts <miners> <outDir> [subnet] [1920x1080|1280x800|390x844]
 * Starts `hashwatt start` in demo mode on a throwaway database (the web build must exist), names a location
 * (building, rack, position) for most rigs the way an operator's CSV import would, waits for a sweep, then
 * shoots 1920x1080, 1280x800 and 390x844.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser';
import { freePort, startSystem } from './system';
import { tempDir } from './temp';
import { fetchAs, signedInContext } from './session';
import { openDb } from '../../lib/db/client';

const SIZES = [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1280x800', width: 1280, height: 800 },
  { name: '390x844', width: 390, height: 844 },
];

/** Buildings of 20 racks of 24 rigs; the last rigs of each site are left without a location. */
function locate(dbPath: string): void {
  const db = openDb(dbPath);
  const rows = db.sqlite.prepare('select id, site_id as siteId from rigs order by site_id, id').all() as { id: number; siteId: number }[];
  const update = db.sqlite.prepare('update rigs set location_building = ?, location_rack = ?, location_position = ? where id = ?');
  const bySite = new Map<number, number[]>();
  for (const r of rows) bySite.set(r.siteId, [...(bySite.get(r.siteId) ?? []), r.id]);
  db.sqlite.transaction(() => {
    for (const ids of bySite.values()) {
      const placed = Math.floor(ids.length * 0.95);
      ids.slice(0, placed).forEach((id, i) => {
        const rack = Math.floor(i / 24);
        update.run(`Hall ${1 + Math.floor(rack / 20)}`, `R${1 + (rack % 20)}`, String(1 + (i % 24)), id);
      });
    }
  })();
  db.close();
}

async function main() {
  const [minersArg = '300', outDir = 'screenshots', subnet = '127.0.77', only] = process.argv.slice(2);
  const miners = Number(minersArg);
  mkdirSync(outDir, { recursive: true });
  const dir = tempDir('hashwatt-shots-');
  const env = {
    PORT: String(await freePort()),
    HASHWATT_DB: `${dir.dir}/hashwatt.db`,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: String(miners),
    HASHWATT_POLL_INTERVAL_S: miners > 2000 ? '30' : '2',
    HASHWATT_SIM_SUBNET: subnet,
  };
  const system = await startSystem(env, 600_000);
  try {
    locate(env.HASHWATT_DB);
    const base = system.baseUrl;
    for (let i = 0; i < 240; i++) {
      const fleet = (await (await fetchAs(`${base}/api/fleet`)).json()) as { updatedAtMs: number | null; rigsOnline: number };
      if (fleet.updatedAtMs !== null && fleet.rigsOnline > 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const browser = await launchBrowser();
    for (const size of SIZES.filter((s) => !only || s.name === only)) {
      const context = await signedInContext(browser, base, { viewport: { width: size.width, height: size.height }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      // At 10,000 rigs the snapshot in the page is large until the live contract slims it.
      page.setDefaultTimeout(300_000);
      for (const [name, path] of [
        ['overview', '/'],
        ['wall', '/wall?rotate=0'],
        ['wall-site', '/wall?rotate=0&site=1'],
      ] as const) {
        const started = Date.now();
        await page.goto(`${base}${path}`, { waitUntil: 'load' });
        await page.locator('canvas.heatmap-canvas').first().waitFor({ timeout: 120_000 });
        await page.waitForFunction(
          () => document.querySelector('canvas.heatmap-canvas')?.getAttribute('data-draw-ms') !== null,
          undefined,
          {
            timeout: 120_000,
          },
        );
        const tillMapMs = Date.now() - started;
        await page.waitForTimeout(1500);
        const drawMs = await page.evaluate(() =>
          [...document.querySelectorAll('canvas.heatmap-canvas')].map((c) => Number((c as HTMLElement).dataset.drawMs)),
        );
        const overflowX = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        const file = join(outDir, `${name}-${miners}-${size.name}.png`);
        await page.screenshot({ path: file, fullPage: name === 'overview' && size.width >= 1000 });
        if (name === 'overview' && size.width < 1000) {
          // A phone page is long: its problem list and heat map as a second picture.
          await page.getByTestId('problem-rigs').scrollIntoViewIfNeeded();
          await page.evaluate(() => window.scrollBy(0, -8));
          await page.screenshot({ path: file.replace('.png', '-lower.png') });
        }
        console.log(JSON.stringify({ file, miners, tillMapMs, drawMs, overflowX }));
      }
      await context.close();
    }
    await browser.close();
  } finally {
    await system.interrupt();
    dir.cleanup();
  }
}

void main();
