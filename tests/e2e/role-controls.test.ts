/**
 * Controls match the role, in Chromium against `hashwatt start` with alerts firing at both demo sites: a
 * viewer's /alerts has no Acknowledge or Snooze (they answered 403) and no Actions column, an operator's
 * has them for their site's alerts; the users form offers no sites for an admin; a page open while its
 * user is narrowed to one site reloads by itself and shows only that site.
 */
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { signedInPage } from '../support/session';
import { BAIE_COMEAU, startTwoSiteDemo, type TwoSiteDemo } from '../support/two-site-demo';
import { heatmapRigs } from '../support/heatmap';

let demo: TwoSiteDemo;
let browser: Browser;
const WIDE = { name: 'wide-browser', password: 'every-site-viewer-2' };

beforeAll(async () => {
  [demo, browser] = await Promise.all([startTwoSiteDemo('127.0.103', [WIDE]), launchBrowser()]);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('controls by role', { timeout: 120_000 }, () => {
  it('a viewer sees the active alerts without Acknowledge, Snooze or an Actions column; an operator sees them', async () => {
    const viewer = await signedInPage(browser, demo.base, { viewport: { width: 1920, height: 1080 } }, demo.viewer);
    await viewer.goto(`${demo.base}/alerts`);
    await viewer.getByTestId('active-alert-row').first().waitFor();
    expect(await viewer.getByTestId('active-alert-row').count()).toBeGreaterThan(0);
    expect(await viewer.getByTestId('ack-button').count()).toBe(0);
    expect(await viewer.getByTestId('snooze-button').count()).toBe(0);
    expect(await viewer.getByTestId('snooze-select').count()).toBe(0);
    expect(await viewer.getByRole('columnheader', { name: 'Actions' }).count()).toBe(0);
    expect(await viewer.getByTestId('nav-settings').count()).toBe(0);
    expect(BAIE_COMEAU.test((await viewer.textContent('body')) ?? '')).toBe(false);
    await viewer.context().close();

    const operator = await signedInPage(browser, demo.base, { viewport: { width: 390, height: 844 } }, demo.operator);
    await operator.goto(`${demo.base}/alerts`);
    await operator.getByTestId('active-alert-row').first().waitFor();
    const rows = await operator.getByTestId('active-alert-row').count();
    expect(await operator.getByTestId('ack-button').count()).toBe(rows);
    expect(await operator.getByTestId('snooze-button').count()).toBe(rows);
    expect(BAIE_COMEAU.test((await operator.textContent('body')) ?? '')).toBe(false);
    await operator.context().close();
  });

  it('the users form offers no sites for an admin, and does for an operator or viewer', async () => {
    const page = await signedInPage(browser, demo.base, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${demo.base}/settings/users`);
    const form = page.getByTestId('add-user-form');
    await form.waitFor();
    const sites = form.locator('[data-field="siteIds"]');
    expect(await sites.count()).toBe(1); // viewer by default
    await form.locator('[data-field="role"]').selectOption('admin');
    await expect.poll(() => sites.count()).toBe(0);
    await form.locator('[data-field="role"]').selectOption('operator');
    await expect.poll(() => sites.count()).toBe(1);
    await page.context().close();
  });
});

describe('a page open while its user is narrowed', { timeout: 120_000 }, () => {
  it('reloads by itself and shows only the site that is left', async () => {
    const page = await signedInPage(browser, demo.base, { viewport: { width: 1440, height: 900 } }, WIDE);
    await page.goto(`${demo.base}/`);
    await expect.poll(() => heatmapRigs(page), { timeout: 20_000 }).toBe(4);
    // The page's socket must be connected as the wide user first: one that connects after the change is
    // already narrow, and has nothing to reload for (on a loaded machine the socket comes after the rows).
    await expect.poll(() => page.getByTestId('link-state').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
    const users = ((await (await demo.admin('/api/users')).json()) as { users: { id: number; name: string }[] }).users;
    const reloaded = page.waitForEvent('load', { timeout: 20_000 });
    expect(
      (await demo.admin(`/api/users/${users.find((u) => u.name === WIDE.name)!.id}`, 'PATCH', { siteIds: [demo.mine.id] })).status,
    ).toBe(200);
    await reloaded;
    await expect.poll(() => heatmapRigs(page), { timeout: 20_000 }).toBe(2);
    expect(BAIE_COMEAU.test((await page.textContent('body')) ?? '')).toBe(false);
    await page.context().close();
  });
});
