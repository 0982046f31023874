/**
 * The settings screens in real Chromium against `hashwatt start` with a 6-rig demo fleet: the tabs, a
 * site added through the form with a flat tariff, the form's specific refusals (time zone, PUE, tariff
 * gap, duplicate name), a site with rigs refused removal with its rig count, a pool account added with
 * its secret redacted, source settings saved through the form and applied by the collector, the storage
 * figures, and no sideways scroll on a phone.
 */
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteSettingsView } from '../../lib/db/queries/sites';
import type { PoolView } from '../../lib/db/queries/pools';
import type { SourcesSettingsView } from '../../lib/db/queries/sources-settings';
import { launchBrowser } from '../support/browser';
import { apiFetch, signedInContext } from '../support/session';
import { freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';

let browser: Browser;
let context: BrowserContext;
let dir: ReturnType<typeof tempDir>;
let system: RunningSystem;
let base: string;

beforeAll(async () => {
  dir = tempDir('hashwatt-settings-e2e-');
  system = await startSystem({
    PORT: String(await freePort()),
    HASHWATT_DB: `${dir.dir}/hashwatt.db`,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: '6',
    HASHWATT_POLL_INTERVAL_S: '2',
    HASHWATT_SOURCE_INTERVAL_S: '5',
    HASHWATT_SIM_SUBNET: '127.0.71',
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

async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await apiFetch(base, path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

const sites = async () => (await api<{ sites: SiteSettingsView[] }>('GET', '/api/sites')).json.sites;

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  return page;
}

describe('settings screens end to end', { timeout: 120_000 }, () => {
  it('/settings opens Sites; the tabs come in order with the current one marked', async () => {
    const page = await open('/settings');
    await page.waitForURL(/\/settings\/sites$/);
    const tabs = page.getByRole('navigation', { name: 'Settings' }).getByRole('link');
    expect(await tabs.allTextContents()).toEqual(['Sites', 'Rigs', 'Pools', 'Network', 'Alerts', 'Users & tokens', 'Storage']);
    expect(await page.getByTestId('settings-tab-sites').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('nav-settings').getAttribute('aria-current')).toBe('page');
    await page.getByTestId('settings-tab-alerts').click();
    await page.getByTestId('add-channel-form').waitFor();
    expect(await page.getByTestId('settings-tab-alerts').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('settings-tab-sites').getAttribute('aria-current')).toBeNull();
    await page.close();
  });

  it('adds a site with a flat tariff through the form, and refuses bad input with specific reasons', async () => {
    const page = await open('/settings/sites');
    const form = page.getByTestId('add-site-form');
    await form.locator('[data-field="name"]').fill('Lakeside');
    await form.locator('[data-field="timeZone"]').fill('Mars/Olympus');
    await form.locator('[data-field="pue"]').fill('5');
    await form.getByTestId('site-save').click();
    const errors = form.getByTestId('site-errors');
    await errors.waitFor();
    expect(await errors.locator('li').allTextContents()).toEqual([
      'timeZone must be an IANA time zone such as Europe/Berlin, America/Chicago or UTC (got "Mars/Olympus")',
      'pue must be from 1 to 3 (got 5)',
    ]);
    expect(await form.locator('[data-field="timeZone"]').getAttribute('aria-invalid')).toBe('true');

    // A tariff with a negative price stops before the site is written.
    await form.locator('[data-field="timeZone"]').fill('europe/oslo');
    await form.locator('[data-field="pue"]').fill('1.2');
    await form.locator('[data-field="currency"]').selectOption('EUR');
    await form.locator('[data-field="tariffMode"]').selectOption('flat');
    await form.locator('[data-field="flatPrice"]').fill('-0.05');
    await form.getByTestId('site-save').click();
    await expect.poll(() => errors.locator('li').allTextContents()).toEqual(['tariff: pricePerKwh must be >= 0 (got -0.05)']);
    expect((await sites()).map((s) => s.name)).not.toContain('Lakeside');

    // A price above 1 per kWh is said to look like a unit slip as it is typed (kept if saved), and the
    // warning goes once the price is plausible.
    await form.locator('[data-field="flatPrice"]').fill('71');
    await expect
      .poll(() => form.getByTestId('tariff-warning').allTextContents())
      .toEqual(['pricePerKwh is 71 EUR/kWh: above 1 per kWh, is it a price per MWh or in cents? Kept as given.']);
    await form.locator('[data-field="flatPrice"]').fill('0.071');
    expect(await form.getByTestId('tariff-warning').count()).toBe(0);
    await form.getByTestId('site-save').click();
    const row = page.locator('[data-testid="site-row"][data-site-name="Lakeside"]');
    await row.waitFor();
    expect(await row.getByTestId('site-tariff').textContent()).toBe('Flat 0.071 EUR/kWh');
    expect((await sites()).find((s) => s.name === 'Lakeside')).toMatchObject({
      timeZone: 'Europe/Oslo',
      currency: 'EUR',
      pue: 1.2,
      tariff: { kind: 'flat', pricePerKwh: 0.071 },
      rigCount: 0,
    });

    // The same name again is a conflict, said beside the form.
    await form.locator('[data-field="name"]').fill('Lakeside');
    await form.locator('[data-field="tariffMode"]').selectOption('none');
    await form.getByTestId('site-save').click();
    await expect.poll(() => errors.locator('li').allTextContents()).toEqual(['a site named "Lakeside" already exists']);
    await page.close();
  });

  it('edits a site to time-of-use bands, naming uncovered hours, then removes it; a site with rigs is refused', async () => {
    const page = await open('/settings/sites');
    const row = page.locator('[data-testid="site-row"][data-site-name="Lakeside"]');
    await row.getByTestId('site-edit-button').click();
    const form = page.getByTestId('edit-site-form');
    await form.locator('[data-field="tariffMode"]').selectOption('tou');
    const bands = form.getByTestId('tou-band');
    expect(await bands.count()).toBe(4);
    for (let i = 0; i < 4; i++)
      await bands
        .nth(i)
        .locator('[data-field="pricePerKwh"]')
        .fill(String(0.04 + i / 100));
    await bands.nth(3).locator('[data-day="sun"]').uncheck();
    await form.getByTestId('site-save').click();
    const errors = form.getByTestId('site-errors');
    await expect
      .poll(() => errors.locator('li').allTextContents())
      .toEqual(['tariff: hours 00:00-24:00 on Sun are not covered by any band']);
    await bands.nth(3).locator('[data-day="sun"]').check();
    await form.getByTestId('site-save').click();
    await expect.poll(() => row.getByTestId('site-tariff').textContent()).toBe('Time of use, 4 bands (0.04-0.07 EUR/kWh)');
    expect((await sites()).find((s) => s.name === 'Lakeside')?.tariff).toMatchObject({
      kind: 'tou',
      bands: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], fromHour: 0, toHour: 7, pricePerKwh: 0.04 }, {}, {}, {}],
    });

    // A stored tariff can be removed again: "None" deletes it.
    await row.getByTestId('site-edit-button').click();
    await form.locator('[data-field="tariffMode"]').selectOption('none');
    await form.getByTestId('site-save').click();
    await expect.poll(async () => (await sites()).find((s) => s.name === 'Lakeside')?.tariff).toBeNull();
    expect((await api('DELETE', '/api/sites/9999/tariff')).status).toBe(404);

    // A demo site has rigs: removal is refused with their count.
    const withRigs = (await sites()).find((s) => s.rigCount > 0)!;
    const demoRow = page.locator(`[data-testid="site-row"][data-site-id="${withRigs.id}"]`);
    await demoRow.getByTestId('site-delete-button').click();
    await demoRow.getByTestId('site-delete-confirm').click();
    await expect
      .poll(() => demoRow.getByTestId('site-row-error').textContent())
      .toBe(
        `site ${JSON.stringify(withRigs.name)} still has ${withRigs.rigCount} rig${withRigs.rigCount === 1 ? '' : 's'}: move or remove them first`,
      );

    await row.getByTestId('site-delete-button').click();
    await row.getByTestId('site-delete-confirm').click();
    await row.waitFor({ state: 'detached' });
    expect((await sites()).map((s) => s.name)).not.toContain('Lakeside');
    await page.close();
  });

  it('the sites API answers 400 naming each field, 404 and 409', async () => {
    const bad = await api<{ errors: string[] }>('POST', '/api/sites', { name: '', currency: 'XYZ' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual(['name must not be empty', 'currency must be one of USD, EUR, GBP, CAD, CHF, AUD, JPY (got "XYZ")']);
    expect((await api('PATCH', '/api/sites/9999', { pue: 1.1 })).status).toBe(404);
    expect((await api('DELETE', '/api/sites/9999')).status).toBe(404);
    const [first, second] = await sites();
    const dup = await api<{ error: string }>('PATCH', `/api/sites/${second.id}`, { name: first.name });
    expect(dup).toEqual({ status: 409, json: { ok: false, error: `a site named ${JSON.stringify(first.name)} already exists` } });
    const tz = await api<{ site: SiteSettingsView }>('PATCH', `/api/sites/${second.id}`, { timeZone: 'asia/tokyo' });
    expect(tz.json.site.timeZone).toBe('Asia/Tokyo');
  });

  it('adds a pool account through the form: errors by field, then the secret redacted', async () => {
    const page = await open('/settings/pools');
    const form = page.getByTestId('add-pool-form');
    await form.locator('[data-field="name"]').fill('Luxor sub');
    await form.locator('[data-field="kind"]').selectOption('luxor');
    await form.locator('[data-field="baseUrl"]').fill('luxor.tech');
    await form.getByTestId('pool-save').click();
    const errors = form.getByTestId('pool-errors');
    await errors.waitFor();
    expect(await errors.locator('li').allTextContents()).toEqual([
      'baseUrl must be an http:// or https:// URL, or empty for the pool\'s public API (got "luxor.tech")',
      'credentials.apiKey is required for luxor (API key)',
      'credentials.subaccount is required for luxor (Subaccount)',
      'matchUrl must not be empty',
    ]);
    expect(await form.locator('[data-field="credentials.apiKey"]').getAttribute('aria-invalid')).toBe('true');
    await form.locator('[data-field="baseUrl"]').fill('http://127.0.0.1:9/api');
    await form.locator('[data-field="credentials.apiKey"]').fill('lxk-secret-123');
    await form.locator('[data-field="credentials.subaccount"]').fill('site-a');
    await form.locator('[data-field="matchUrl"]').fill('luxor.tech');
    await form.getByTestId('pool-save').click();
    await page.locator('[data-testid="pool-row"][data-pool-name="Luxor sub"]').waitFor();
    const { pools } = (await api<{ pools: PoolView[] }>('GET', '/api/pools')).json;
    expect(pools.find((p) => p.name === 'Luxor sub')).toMatchObject({
      kind: 'luxor',
      credentials: { apiKey: '<redacted>', subaccount: 'site-a' },
      feePct: 2,
    });
    await page.close();
  });

  it('saves source settings through the form and the collector applies them at its next refresh', async () => {
    const page = await open('/settings/network');
    const form = page.getByTestId('network-form');
    expect(await page.getByTestId('network-from').getAttribute('data-from')).toBe('environment');
    await form.locator('[data-field="intervalS"]').fill('1');
    await form.getByTestId('network-save').click();
    await expect
      .poll(() => form.getByTestId('network-errors').locator('li').allTextContents())
      .toEqual(['intervalS must be a whole number from 5 to 86400 (got 1)']);

    await form.locator('[data-field="intervalS"]').fill('5');
    await form.locator('[data-field="fixedBtcPrice"]').fill('12345');
    await form.locator('[data-field="currency"]').selectOption('EUR');
    await form.getByTestId('network-save').click();
    await form.getByTestId('network-status').waitFor();
    const saved = (await api<SourcesSettingsView>('GET', '/api/settings/sources')).json;
    expect(saved).toMatchObject({ from: 'stored', settings: { fixedBtcPrice: 12345, currency: 'EUR', intervalS: 5 } });
    await expect
      .poll(
        async () => (await api<SourcesSettingsView>('GET', '/api/settings/sources')).json.states.find((s) => s.key === 'price')?.source,
        { timeout: 20_000 },
      )
      .toBe('config');

    const reset = await api<SourcesSettingsView>('DELETE', '/api/settings/sources');
    expect(reset.json.from).toBe('environment');
    await page.close();
  });

  it('shows the database size and the steady-state estimate with each tier kept', async () => {
    const page = await open('/settings/storage');
    expect(await page.getByTestId('storage-file').textContent()).toMatch(/^[\d.,]+ (B|KiB|MiB)/);
    expect(await page.getByTestId('storage-rigs').textContent()).toMatch(/^6polled every 2 s$/);
    expect(await page.getByTestId('storage-kept').allTextContents()).toEqual(['24 h', '7 d', '90 d', '730 d']);
    expect(await page.getByTestId('storage-total').textContent()).toMatch(/^[\d.,]+ (KiB|MiB|GiB)$/);
    const report = (await api<{ rigs: number; diskFreeBytes: number }>('GET', '/api/settings/storage')).json;
    expect(report.rigs).toBe(6);
    expect(report.diskFreeBytes).toBeGreaterThan(0);
    await page.close();
  });

  it('no settings screen scrolls sideways on a 390 px phone', async () => {
    const phone = await signedInContext(browser, base, { viewport: { width: 390, height: 844 } });
    for (const path of ['/settings/sites', '/settings/pools', '/settings/network', '/settings/storage', '/settings/alerts']) {
      const page = await phone.newPage();
      await page.goto(`${base}${path}`);
      await page.locator('.settings-main .panel').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBe(0);
      await page.close();
    }
    await phone.close();
  });
});
