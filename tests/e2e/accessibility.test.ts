/**
 * Accessibility: axe-core (the engine behind Lighthouse's and Deque's checks) run inside real Chromium on
 * the overview, the wall display, the rigs list and a rig's page, at desktop and phone sizes, against
 * `hashwatt start` with live data. No serious or critical violation may remain. Also the manager's phone:
 * the overview from 360 to 430 px wide, with no sideways scroll, shows today's profit, profit per kWh
 * against the power price, hash rate, power, how many rigs lose money (matching the API), and alerts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { apiFetch, signedInPage } from '../support/session';
import { freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let dir: ReturnType<typeof tempDir>;
let system: RunningSystem;
let browser: Browser;

beforeAll(async () => {
  dir = tempDir('hashwatt-a11y-');
  [system, browser] = await Promise.all([
    startSystem({
      PORT: String(await freePort()),
      HASHWATT_DB: `${dir.dir}/hashwatt.db`,
      HASHWATT_DEMO: '1',
      HASHWATT_DEMO_MINERS: '8',
      HASHWATT_POLL_INTERVAL_S: '1',
      HASHWATT_SIM_SUBNET: '127.0.69',
    }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await system?.interrupt();
  dir?.cleanup();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe's own source, run through the debugging protocol: the page's CSP (nonces only) refuses a script tag. */
const AXE_SOURCE = readFileSync(AXE_PATH, 'utf8');

/** axe's serious and critical findings on the page as it is now, one readable line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

const PAGES: { path: string; ready: string }[] = [
  { path: '/', ready: 'canvas.heatmap-canvas[data-draw-ms]' },
  { path: '/wall?rotate=0', ready: '[data-testid="wall-status"][data-state="live"]' },
  { path: '/rigs', ready: '[data-testid="rig-row"]' },
  { path: '/rigs/1', ready: 'canvas' },
  { path: '/login', ready: 'form' },
];

describe('accessibility (axe-core)', { timeout: 120_000 }, () => {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    for (const { path, ready } of PAGES) {
      it(`${path} at ${viewport.width}x${viewport.height} has no serious or critical violations`, async () => {
        const page = await signedInPage(browser, system.baseUrl, { viewport });
        await page.goto(`${system.baseUrl}${path}`);
        await page.locator(ready).first().waitFor({ timeout: 20_000 });
        expect(await seriousViolations(page)).toEqual([]);
        await page.context().close();
      });
    }
  }

  it('catches a real violation (the check itself works)', async () => {
    const page = await signedInPage(browser, system.baseUrl);
    await page.goto(`${system.baseUrl}/login`);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = '/icons/icon-192.png';
      document.body.append(img); // an image without alt text: a critical violation
    });
    expect((await seriousViolations(page)).join('\n')).toMatch(/critical image-alt/);
    await page.context().close();
  });
});

describe('the overview on a phone', { timeout: 120_000 }, () => {
  for (const width of [360, 390, 414, 430]) {
    it(`at ${width} px wide shows the margins at a glance with no sideways scroll`, async () => {
      const page = await signedInPage(browser, system.baseUrl, { viewport: { width, height: 844 }, isMobile: true, hasTouch: true });
      await page.goto(`${system.baseUrl}/`);
      await page.locator('[data-testid="fleet-profit-day"][data-value]').waitFor({ timeout: 30_000 });
      // The losing count comes from the heat-map cells, which arrive with the live subscription (not in the HTML).
      await page.getByTestId('rigs-losing').waitFor({ timeout: 30_000 });
      for (const id of ['fleet-profit-day', 'fleet-profit-kwh', 'power-price', 'fleet-hashrate', 'fleet-power', 'rigs-losing']) {
        expect(await page.getByTestId(id).isVisible(), id).toBe(true);
      }
      // The losing count is the API's: rigs hashing now whose latest profit per kWh is below zero.
      const api = (await (await apiFetch(system.baseUrl, '/api/rigs')).json()) as {
        rigs: { connectivity: string; economics: { profitPerKwh: number | null } | null }[];
      };
      const losing = api.rigs.filter(
        (r) => r.connectivity === 'online' && r.economics?.profitPerKwh != null && r.economics.profitPerKwh < 0,
      ).length;
      await expect
        .poll(async () => Number(await page.getByTestId('rigs-losing').getAttribute('data-value')), { timeout: 5_000 })
        .toBe(losing);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBe(0);
      await page.context().close();
    });
  }
});
