/**
 * The alerts screens in real Chromium against `hashwatt start`: a webhook channel added through the
 * settings form and tested with "Send test" (a signed POST reaches a loopback receiver and the page says
 * delivered), the form's specific refusals, a global rule and the policy changed through the forms and
 * read back from the API, then alerts on the overview banner (no sideways scroll on a phone) and
 * acknowledged on /alerts.
 */
import { createHmac } from 'node:crypto';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelView, RulesView } from '../../lib/views/alert-contracts';
import { startDemoWithReceiver, type DemoWithReceiver } from '../support/demo-with-receiver';
import type { Receiver } from '../integration/notify/receiver';
import { apiFetch, signedInPage } from '../support/session';

const SECRET = 'ui-e2e-webhook-secret-42';
let env: DemoWithReceiver;
let browser: Browser;
let hook: Receiver;
let base: string;

beforeAll(async () => {
  env = await startDemoWithReceiver({ subnet: '127.0.95', miners: 8 });
  ({ browser, hook, base } = env);
});

afterAll(async () => {
  await env?.stop();
});

async function getJson<T>(path: string): Promise<T> {
  const res = await apiFetch(base, path);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

async function horizontalOverflowPx(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

const signed = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

describe('alerts UI end to end', { timeout: 120_000 }, () => {
  it('adds a webhook channel through the form and "Send test" delivers a signed POST', async () => {
    const page = await signedInPage(browser, base, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}/settings/alerts`);
    const form = page.getByTestId('add-channel-form');
    await form.waitFor();
    expect(await form.getByTestId('channel-kind-select').inputValue()).toBe('webhook');
    await form.locator('[data-field="name"]').fill('Ops webhook');
    await form.locator('[data-field="url"]').fill(`${hook.baseUrl}/hook`);
    await form.locator('[data-field="secret"]').fill(SECRET);
    await form.getByTestId('channel-save').click();

    const row = page.locator('[data-testid="channel-row"][data-channel-name="Ops webhook"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getAttribute('data-kind')).toBe('webhook');
    // The API never shows the secret back.
    const { channels } = await getJson<{ channels: ChannelView[] }>('/api/alerts/channels');
    expect(channels).toHaveLength(1);
    expect(channels[0].config).toMatchObject({ kind: 'webhook', url: `${hook.baseUrl}/hook`, secret: '<redacted>' });

    const before = hook.requests.length;
    await row.getByTestId('channel-test-button').click();
    const result = row.getByTestId('channel-test-result');
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect(await result.textContent()).toContain('Test delivered');
    const sent = hook.requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/hook' });
    expect(sent[0].headers['x-hashwatt-signature']).toBe(signed(sent[0].body));

    // Editing without retyping the secret keeps it: the next test is still signed with it.
    await row.getByTestId('channel-edit-button').click();
    const edit = page.getByTestId('edit-channel-form');
    expect(await edit.locator('[data-field="secret"]').inputValue()).toBe('');
    await edit.locator('[data-field="name"]').fill('Ops hook');
    await edit.getByTestId('channel-save').click();
    const renamed = page.locator('[data-testid="channel-row"][data-channel-name="Ops hook"]');
    await renamed.waitFor({ timeout: 10_000 });
    const beforeSecond = hook.requests.length;
    await renamed.getByTestId('channel-test-button').click();
    await expect.poll(() => renamed.getByTestId('channel-test-result').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    const second = hook.requests[beforeSecond];
    expect(second.headers['x-hashwatt-signature']).toBe(signed(second.body));
    await page.close();
  });

  it('shows the specific reasons an invalid channel is refused, beside the form', async () => {
    const page = await signedInPage(browser, base, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}/settings/alerts`);
    const form = page.getByTestId('add-channel-form');
    await form.locator('[data-field="name"]').fill('Broken');
    await form.locator('[data-field="url"]').fill('not a url');
    await form.locator('[data-field="secret"]').fill('short');
    await form.getByTestId('channel-save').click();
    const errors = form.getByTestId('channel-errors');
    await errors.waitFor();
    expect(await errors.getAttribute('role')).toBe('alert');
    const text = await errors.textContent();
    expect(text).toContain('the webhook url must be an http or https URL');
    expect(text).toContain('the webhook secret must be at least 16 characters');
    expect(await form.locator('[data-field="url"]').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('[data-field="secret"]').getAttribute('aria-invalid')).toBe('true');
    expect((await getJson<{ channels: ChannelView[] }>('/api/alerts/channels')).channels.map((c) => c.name)).toEqual(['Ops hook']);
    await page.close();
  });

  it('changes a global rule and the notification policy through the forms', async () => {
    const page = await signedInPage(browser, base, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}/settings/alerts`);
    expect(await page.getByTestId('rules-scope-select').inputValue()).toBe('global');
    const unprofitable = page.locator('[data-testid="rule-row"][data-rule="unprofitable-rig"]');
    // Empty fields show what they inherit: the 15-minute default.
    expect(await unprofitable.locator('[data-field="forMs"]').getAttribute('placeholder')).toBe('15');
    await unprofitable.locator('[data-field="forMs"]').fill('0');
    await page.locator('[data-testid="rule-row"][data-rule="temp-high"] [data-field="maxC"]').fill('90');
    await page.getByTestId('rules-save').click();
    await expect.poll(() => page.getByTestId('rules-status').textContent(), { timeout: 10_000 }).toBe('Saved.');
    const rules = await getJson<RulesView>('/api/alerts/rules');
    expect(rules.global).toEqual({ 'unprofitable-rig': { forMs: 0 }, 'temp-high': { maxC: 90 } });

    // A site inherits the global value now, shown as its placeholder.
    const siteOption = await page.locator('[data-testid="rules-scope-select"] option[value^="site:"]').first().getAttribute('value');
    await page.getByTestId('rules-scope-select').selectOption(siteOption!);
    expect(
      await page.locator('[data-testid="rule-row"][data-rule="unprofitable-rig"] [data-field="forMs"]').getAttribute('placeholder'),
    ).toBe('0');
    expect(await page.locator('[data-testid="rule-row"][data-rule="pool-gap"]').count()).toBe(0);

    const policy = page.getByTestId('policy-form');
    await policy.locator('[data-field="groupWaitMs"]').fill('0');
    await policy.locator('[data-field="renotifyMs"]').fill('0');
    await policy.getByTestId('policy-save').click();
    await expect
      .poll(async () => (await getJson<RulesView>('/api/alerts/rules')).policy, { timeout: 10_000 })
      .toMatchObject({ groupWaitMs: 0, renotifyMs: 0 });
    await page.close();
  });

  it('shows firing alerts in the overview banner without sideways scroll on a phone, and acknowledges one on /alerts', async () => {
    const rigs = await getJson<{ rigs: { siteId: number }[] }>('/api/rigs');
    const siteId = rigs.rigs[0].siteId;
    const res = await apiFetch(base, `/api/sites/${siteId}/tariff`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'flat', pricePerKwh: 1 }),
    });
    expect(res.status).toBe(200);

    const phone = await signedInPage(browser, base, { viewport: { width: 390, height: 844 } });
    await phone.goto(base);
    const banner = phone.getByTestId('alert-banner');
    await banner.waitFor({ timeout: 30_000 });
    await expect.poll(async () => Number(await banner.getAttribute('data-count')), { timeout: 20_000 }).toBeGreaterThan(0);
    const items = banner.getByTestId('alert-banner-item');
    expect(await items.count()).toBeGreaterThan(0);
    expect(await items.count()).toBeLessThanOrEqual(3);
    // Most severe first: the site-wide loss is critical, a rig's is a warning.
    const rank = { Critical: 2, Warning: 1, Info: 0 } as Record<string, number>;
    const ranks = (await banner.locator('.sev-tag').allTextContents()).map((t) => rank[t]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(await horizontalOverflowPx(phone)).toBeLessThanOrEqual(0);

    await phone.goto(`${base}/alerts`);
    const rows = phone.getByTestId('active-alert-row');
    await rows.first().waitFor();
    expect(await horizontalOverflowPx(phone)).toBeLessThanOrEqual(0);
    await phone.close();

    const page = await signedInPage(browser, base, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}/alerts`);
    const row = page.locator('[data-testid="active-alert-row"][data-rule="unprofitable-rig"]').first();
    await row.waitFor();
    const alertId = (await row.getAttribute('data-alert-id'))!;
    expect(await row.getAttribute('data-acked')).toBe('false');
    await row.getByTestId('ack-button').click();
    const same = page.locator(`[data-testid="active-alert-row"][data-alert-id="${alertId}"]`);
    await expect.poll(() => same.getAttribute('data-acked'), { timeout: 15_000 }).toBe('true');
    const active = await getJson<{ alerts: { id: string; ackedAtMs: number | null }[] }>('/api/alerts?status=active');
    expect(active.alerts.find((a) => a.id === alertId)?.ackedAtMs).not.toBeNull();

    // The channel added above heard about the firing alerts (group wait 0), signed.
    await expect
      .poll(
        () => hook.requests.some((r) => r.path === '/hook' && (r.headers['x-hashwatt-alert-id'] as string | undefined)?.includes(alertId)),
        { timeout: 20_000 },
      )
      .toBe(true);
    await page.close();
  });
});
