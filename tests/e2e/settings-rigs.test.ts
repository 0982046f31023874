/**
 * /settings/rigs in real Chromium against `hashwatt start` with a 4-miner demo on 127.0.73: a rig removed
 * through the table (the confirmation says its history goes too) is found again by scanning a range, with
 * visible progress; "Add selected" registers it, the collector polls it, it is renamed through the edit
 * form; refusals (bad range, bad port, a taken name, nothing at an address) say exactly what is wrong; a
 * phone never scrolls sideways.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { apiFetch, signedInContext } from '../support/session';
import { freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';

const SUBNET = '127.0.73';
let browser: Browser;
let context: BrowserContext;
let dir: ReturnType<typeof tempDir>;
let system: RunningSystem;
let base: string;
let silent: Server;
const sockets = new Set<Socket>();

interface ApiRig {
  id: number;
  name: string;
  siteName: string;
  address: string;
  port: number;
  driver: string;
  model: string | null;
  connectivity: string;
}

async function apiRigs(): Promise<ApiRig[]> {
  const res = await apiFetch(base, '/api/rigs');
  expect(res.status).toBe(200);
  return ((await res.json()) as { rigs: ApiRig[] }).rigs;
}

async function post(path: string, body: unknown): Promise<{ status: number; json: { error?: string; errors?: string[] } }> {
  const res = await apiFetch(base, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as { error?: string; errors?: string[] } };
}

beforeAll(async () => {
  // Accepts on 127.0.73.30:4028 and never answers: it holds a scan for a probe timeout, so progress shows.
  silent = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => silent.listen(4028, `${SUBNET}.30`, resolve));
  dir = tempDir('hashwatt-settings-rigs-e2e-');
  system = await startSystem({
    PORT: String(await freePort()),
    HASHWATT_DB: `${dir.dir}/hashwatt.db`,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: '4',
    HASHWATT_POLL_INTERVAL_S: '1',
    HASHWATT_SIM_SUBNET: SUBNET,
  });
  base = system.baseUrl;
  browser = await launchBrowser();
  context = await signedInContext(browser, base, { viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await system?.interrupt();
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => silent?.close(resolve));
  dir?.cleanup();
});

const row = (page: Page, name: string) => page.locator(`[data-testid="rig-settings-row"][data-rig-name="${name}"]`);

describe('rig settings end to end', { timeout: 120_000 }, () => {
  it('removes a rig, rediscovers it by scanning with progress, adds it, sees it polled, renames it', async () => {
    const before = await apiRigs();
    expect(before).toHaveLength(4);
    const gone = before.find((r) => r.address === `${SUBNET}.4`)!;
    expect(gone).toMatchObject({ port: 4028, driver: 'whatsminer' });

    const page = await context.newPage();
    await page.goto(`${base}/settings/rigs`);
    await expect.poll(() => page.getByTestId('rig-settings-row').count()).toBe(4);

    // Remove, with a confirmation that says what goes with the rig.
    await row(page, gone.name).getByTestId('rig-remove').click();
    const confirm = row(page, gone.name).getByTestId('rig-remove-confirm-box');
    expect(await confirm.textContent()).toContain(
      `Remove ${gone.name} and delete its history (samples, charts and timeline)? Past alerts stay in the alerts log.`,
    );
    await row(page, gone.name).getByTestId('rig-remove-confirm').click();
    await expect.poll(() => row(page, gone.name).count()).toBe(0);
    expect((await apiRigs()).map((r) => r.name)).not.toContain(gone.name);

    // Scan: progress while the silent listener holds it, then the four miners, one of them new.
    const scan = page.getByTestId('scan-form');
    await scan.locator('[data-field="range"]').fill(`${SUBNET}.1-${SUBNET}.40`);
    await scan.locator('[data-field="ports"]').fill('4028');
    await scan.locator('[data-field="siteId"]').selectOption({ label: gone.siteName });
    await scan.getByTestId('scan-submit').click();
    const progress = page.getByTestId('scan-progress');
    await expect.poll(() => progress.getAttribute('data-total'), { timeout: 10_000 }).toBe('40');
    const done = Number(await progress.getAttribute('data-done'));
    expect(done).toBeLessThan(40);
    expect(await progress.textContent()).toMatch(/^\d+ of 40 addresses · \d+ answered$/);

    const result = page.getByTestId('scan-result');
    await result.waitFor({ timeout: 20_000 });
    const hits = page.getByTestId('scan-hit');
    expect(await hits.evaluateAll((els) => els.map((e) => [e.getAttribute('data-endpoint'), e.getAttribute('data-known')]))).toEqual([
      [`${SUBNET}.1:4028`, 'true'],
      [`${SUBNET}.2:4028`, 'true'],
      [`${SUBNET}.3:4028`, 'true'],
      [`${SUBNET}.4:4028`, 'false'],
    ]);
    expect(await page.getByTestId('scan-summary').textContent()).toMatch(
      /Scanned 40 addresses on port 4028 in [\d.]+ s: 4 recognised \(3 already rigs\), 0 answered but not recognised, 36 silent\./,
    );
    const newHit = page.locator(`[data-testid="scan-hit"][data-endpoint="${SUBNET}.4:4028"]`);
    expect(await newHit.getByTestId('scan-hit-check').isChecked()).toBe(true);
    expect(await newHit.textContent()).toContain(gone.model!);
    const knownHit = page.locator(`[data-testid="scan-hit"][data-endpoint="${SUBNET}.1:4028"]`);
    expect(await knownHit.getByTestId('scan-hit-check').isChecked()).toBe(false);
    expect(await knownHit.getByTestId('scan-hit-check').isDisabled()).toBe(true);

    await page.getByTestId('scan-add-selected').click();
    const expectedName = 'baie-comeau-qc-127-0-73-4';
    expect(gone.siteName).toBe('Baie-Comeau QC');
    await expect.poll(() => page.getByTestId('scan-added').textContent()).toBe(`Added 1 rig: ${expectedName}`);
    expect(await newHit.getAttribute('data-known')).toBe('true');

    // The table hears of it live, and the collector polls it.
    await row(page, expectedName).waitFor({ timeout: 10_000 });
    await expect
      .poll(() => row(page, expectedName).getByTestId('rig-settings-state').getAttribute('data-connectivity'), { timeout: 15_000 })
      .toBe('online');
    const added = (await apiRigs()).find((r) => r.name === expectedName)!;
    expect(added).toMatchObject({
      address: `${SUBNET}.4`,
      port: 4028,
      driver: 'whatsminer',
      siteName: 'Baie-Comeau QC',
      connectivity: 'online',
    });

    // Rename through the edit form; a taken name and a bad port are refused with the reason.
    await row(page, expectedName).getByTestId('rig-edit').click();
    const form = page.getByTestId('rig-edit-form');
    await form.locator('[data-field="port"]').fill('70000');
    await form.getByTestId('rig-edit-save').click();
    expect(await form.getByTestId('rig-edit-errors').textContent()).toBe('port: "70000" is not a port from 1 to 65535');
    await form.locator('[data-field="port"]').fill('4028');
    await form.locator('[data-field="name"]').fill('rockdale-a01');
    await form.getByTestId('rig-edit-save').click();
    await expect.poll(() => form.getByTestId('rig-edit-errors').textContent()).toBe('name: another rig is already called "rockdale-a01"');
    await form.locator('[data-field="name"]').fill('Rack B 04');
    await form.getByTestId('rig-edit-save').click();
    await row(page, 'Rack B 04').waitFor({ timeout: 10_000 });
    expect((await apiRigs()).find((r) => r.id === added.id)?.name).toBe('Rack B 04');
    await page.close();
  });

  it('says what is wrong with a malformed or over-large range, and what a probe found or why it failed', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/settings/rigs`);
    const scan = page.getByTestId('scan-form');
    await scan.locator('[data-field="range"]').fill('10.0.0.300/24');
    await scan.getByTestId('scan-submit').click();
    expect(await scan.getByTestId('scan-errors').textContent()).toBe('range: "10.0.0.300/24": 10.0.0.300 has an octet above 255');
    expect(await scan.locator('[data-field="range"]').getAttribute('aria-invalid')).toBe('true');
    await scan.locator('[data-field="range"]').fill('10.0.0.0/16');
    await scan.getByTestId('scan-submit').click();
    expect(await scan.getByTestId('scan-errors').textContent()).toBe(
      'range: "10.0.0.0/16" has 65536 addresses; scan at most 4096 (a /20) at a time',
    );

    const probe = page.getByTestId('probe-form');
    await probe.locator('[data-field="address"]').fill(`${SUBNET}.99`);
    await probe.getByTestId('probe-submit').click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('probe-failed')
            .textContent()
            .catch(() => null),
        { timeout: 15_000 },
      )
      .toBe(`${SUBNET}.99: refused: nothing answers on ${SUBNET}.99 ports 4028, 4433, 80 (connection refused)`);
    await probe.locator('[data-field="address"]').fill(`${SUBNET}.1`);
    await probe.locator('[data-field="port"]').fill('4028');
    await probe.getByTestId('probe-submit').click();
    await page.getByTestId('probe-found').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('probe-found').getAttribute('data-address')).toBe(`${SUBNET}.1:4028`);
    expect(await page.getByTestId('probe-known').textContent()).toBe('Already registered as rockdale-a01.');
    await page.close();
  });

  it('the API refuses bad requests naming the field, and a duplicate rig naming its address', async () => {
    const bad = await post('/api/rigs/requests', { kind: 'scan', range: '10.0.0.0/19', ports: [4028], siteId: 1 });
    expect(bad).toEqual({
      status: 400,
      json: {
        ok: false,
        error: expect.any(String),
        errors: ['range: "10.0.0.0/19" has 8192 addresses; scan at most 4096 (a /20) at a time'],
      },
    });
    const site = await post('/api/rigs/requests', { kind: 'probe', address: '10.0.0.5', siteId: 999 });
    expect(site.json.errors).toEqual(['siteId: there is no site 999']);
    const dup = await post('/api/rigs', { siteId: 1, rigs: [{ address: `${SUBNET}.1`, port: 4028, driver: 'antminer' }] });
    expect(dup).toEqual({
      status: 409,
      json: {
        ok: false,
        error: `${SUBNET}.1:4028: already registered as rockdale-a01`,
        errors: [`${SUBNET}.1:4028: already registered as rockdale-a01`],
      },
    });
    const patch = await apiFetch(base, '/api/rigs/1', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nameplatePowerW: -5 }),
    });
    expect(patch.status).toBe(400);
    expect(((await patch.json()) as { errors: string[] }).errors).toEqual([
      'nameplatePowerW: -5 is not a W figure above 0 and at most 1000000 (empty clears it)',
    ]);
  });

  it('a phone never scrolls sideways', async () => {
    const phone = await signedInContext(browser, base, { viewport: { width: 390, height: 844 } });
    const page = await phone.newPage();
    await page.goto(`${base}/settings/rigs`);
    await page.getByTestId('rig-settings-row').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await phone.close();
  });
});
