/**
 * Screenshots of /rigs (located rigs, a page of many) and of the rig CSV import preview at desktop, TV and
 * phone sizes, against a throwaway `hashwatt start` with a 240-miner demo (run inside a network namespace):
 *   node --import tsx tests/support/rigs-screenshots.ts /tmp/shots
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser';
import { apiFetch, signedInContext } from './session';
import { freePort, startSystem } from './system';
import { tempDir } from './temp';

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'tv', width: 1920, height: 1080 },
  { name: 'phone', width: 390, height: 844 },
];

async function main() {
  const outDir = process.argv[2] ?? 'screenshots';
  mkdirSync(outDir, { recursive: true });
  const dir = tempDir('hashwatt-rigs-shots-');
  const system = await startSystem({
    PORT: String(await freePort()),
    HASHWATT_DB: `${dir.dir}/hashwatt.db`,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: '240',
    HASHWATT_POLL_INTERVAL_S: '5',
    HASHWATT_SIM_SUBNET: '127.0.107',
  });
  const base = system.baseUrl;
  try {
    const csv = await (await apiFetch(base, '/api/rigs/csv')).text();
    const lines = csv.trimEnd().split('\r\n');
    // Locate the first 40 rigs by import, so the list shows locations.
    const located = lines
      .slice(1, 41)
      .map((l, i) => `${l.split(',').slice(0, 5).join(',')},Hall ${i < 20 ? 'A' : 'B'},R${1 + Math.floor(i / 8)},U${1 + (i % 8) * 3}`);
    const res = await apiFetch(base, '/api/rigs/csv?apply=1', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: [lines[0], ...located].join('\r\n'),
    });
    if (res.status !== 200) throw new Error(`import failed: ${res.status} ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 12_000)); // a couple of sweeps
    const preview = [
      lines[0],
      lines[41].replace(/,,,$/, ',Hall C,R1,U1'),
      `new-s21-01,10.99.0.1,4028,antminer,${lines[1].split(',')[4]},Hall C,R1,U4`,
      `new-s21-01,10.99.0.2,4028,antminer,${lines[1].split(',')[4]},Hall C,R1,U7`,
      `bad-rig,10.99.0.3,70000,antminer,Nowhere,,,`,
      ...lines.slice(42, 60),
    ].join('\r\n');
    const browser = await launchBrowser();
    for (const size of SIZES) {
      const context = await signedInContext(browser, base, { viewport: { width: size.width, height: size.height }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${base}/rigs?sort=name&dir=asc`, { waitUntil: 'networkidle' });
      await page.getByTestId('link-state').waitFor();
      await page.waitForTimeout(4000);
      await page.screenshot({ path: join(outDir, `rigs-${size.name}.png`) });
      await page.goto(`${base}/settings/rigs`, { waitUntil: 'networkidle' });
      await page.getByTestId('rig-csv-file').setInputFiles({ name: 'site-map.csv', mimeType: 'text/csv', buffer: Buffer.from(preview) });
      await page.getByTestId('csv-preview').waitFor();
      await page.getByTestId('rig-csv').scrollIntoViewIfNeeded();
      await page.locator('#csv-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
      const scrollX = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await page.screenshot({ path: join(outDir, `import-${size.name}.png`) });
      console.log(`${size.name}: horizontal overflow ${scrollX} px`);
      await context.close();
    }
    await browser.close();
  } finally {
    await system.interrupt();
    dir.cleanup();
  }
}

void main();
