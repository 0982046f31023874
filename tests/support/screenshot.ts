/**
 * Screenshots a page at desktop, TV and phone sizes, for looking at a screen as a user would:
 *   HASHWATT_USER=admin HASHWATT_PASSWORD=... node --import tsx tests/support/screenshot.ts http://localhost:3000/ /tmp/shots
 * signs in first when HASHWATT_USER and HASHWATT_PASSWORD are set (a kiosk link needs neither).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser';

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'tv', width: 1920, height: 1080 },
  { name: 'phone', width: 390, height: 844 },
];

async function main() {
  const [url = 'http://localhost:3000/', outDir = 'screenshots'] = process.argv.slice(2);
  mkdirSync(outDir, { recursive: true });
  const browser = await launchBrowser();
  for (const size of SIZES) {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: 1 });
    const { HASHWATT_USER: name, HASHWATT_PASSWORD: password } = process.env;
    if (name && password) {
      const origin = new URL(url).origin;
      const res = await context.request.post(`${origin}/api/auth/login`, { data: { name, password }, headers: { Origin: origin } });
      if (res.status() !== 200) throw new Error(`sign-in as ${name} failed: ${res.status()} ${await res.text()}`);
    }
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(1500);
    const scrollX = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const file = join(outDir, `${size.name}.png`);
    await page.screenshot({ path: file });
    console.log(`${file} (${size.width}x${size.height}, horizontal overflow ${scrollX} px)`);
    await context.close();
  }
  await browser.close();
}

void main();
