/**
 * Issue 5's "done when", as a user runs it: `hashwatt start` with the demo fleet, a webhook channel and a
 * 5-second sustained window set through the REST API, a site's tariff raised until some rigs lose money.
 * Exactly the rigs whose breakeven is below the new price alert, after the sustained window, on screen and
 * at the webhook (signed); maintenance resolves one; dropping the tariff resolves the rest, on screen and
 * at the webhook with the same ids. The REST API's refusals of malformed input are checked on the way.
 */
import { createHmac } from 'node:crypto';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWithReceiver, type DemoWithReceiver } from '../support/demo-with-receiver';
import type { Receiver, RecordedRequest } from '../integration/notify/receiver';
import { apiFetch, signedInPage } from '../support/session';

const SECRET = 'e2e-webhook-secret-0123456789';
const FOR_MS = 5_000;
let env: DemoWithReceiver;
let browser: Browser;
let hook: Receiver;
let base: string;

beforeAll(async () => {
  env = await startDemoWithReceiver({ subnet: '127.0.98', miners: 12, env: { HASHWATT_PUBLIC_URL: 'http://hashwatt.example:3000' } });
  ({ browser, hook, base } = env);
});

afterAll(async () => {
  await env?.stop();
});

async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await apiFetch(base, path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

interface WebhookAlert {
  alertId: string;
  state: 'firing' | 'resolved';
  rule: string;
  dashboardUrl?: string;
}
function hookAlerts(req: RecordedRequest): WebhookAlert[] {
  expect(req.headers['x-hashwatt-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(req.body).digest('hex')}`);
  return (JSON.parse(req.body) as { alerts: WebhookAlert[] }).alerts;
}
const hookIds = (state: 'firing' | 'resolved') =>
  new Set(
    hook.requests
      .flatMap(hookAlerts)
      .filter((a) => a.state === state && a.rule === 'unprofitable-rig')
      .map((a) => a.alertId),
  );

type EcoRig = { id: number; siteId: number; economics: { breakevenPricePerKwh: number | null; pricePerKwh: number | null } | null };
interface Alert {
  id: string;
  rule: string;
  subjectId: number;
  siteId: number | null;
  startedAtMs: number;
  firingAtMs: number;
  resolvedAtMs: number | null;
  resolveReason: string | null;
}
const active = async () =>
  (await api<{ alerts: Alert[] }>('GET', '/api/alerts?status=active')).json.alerts.filter((a) => a.rule === 'unprofitable-rig');
const shownRigIds = async (page: Page) =>
  (
    await page
      .locator('[data-testid="active-alert-row"][data-rule="unprofitable-rig"]')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-subject-id'))))
  ).sort((a, b) => a - b);
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe('raising a site tariff alerts exactly the rigs that lose money', { timeout: 180_000 }, () => {
  let siteId = 0;
  let price = 0;
  let losers: number[] = [];
  let page: Page;

  it('refuses malformed settings with specific errors', async () => {
    const bad = await api<{ errors: string[] }>('POST', '/api/alerts/channels', {
      name: 'x',
      config: { kind: 'webhook', url: 'not a url', secret: 'short' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([
      'webhook channel: url: the webhook url must be an http or https URL',
      'webhook channel: secret: the webhook secret must be at least 16 characters',
    ]);
    expect((await api('POST', '/api/alerts/channels', '{"name":')).status).toBe(400);
    const rule = await api<{ errors: string[] }>('PUT', '/api/alerts/rules/global', { 'temp-high': { maxC: 500 }, 'no-such-rule': {} });
    expect(rule.status).toBe(400);
    expect(rule.json.errors.join('\n')).toMatch(/unknown rule "no-such-rule"/);
    expect((await api('PUT', '/api/alerts/rules/site/999', {})).status).toBe(404);
    expect((await api('PUT', '/api/alerts/rules/planet/1', {})).status).toBe(404);
    expect((await api('POST', '/api/alerts/no-such-alert/ack', {})).status).toBe(404);
    expect((await api('GET', '/api/alerts?status=bogus')).status).toBe(400);
    expect((await api<{ errors: string[] }>('PUT', '/api/alerts/policy', { cooldownMs: -5 })).json.errors).toEqual([
      'cooldownMs must be 0 or more milliseconds',
    ]);
    expect((await api('PUT', '/api/rigs/1/maintenance', { untilMs: 5 })).status).toBe(400);
  });

  it('sets up a webhook channel and a 5-second sustained window through the REST API', async () => {
    const created = await api<{ channel: { id: number; config: { secret: string } } }>('POST', '/api/alerts/channels', {
      name: 'ops webhook',
      config: { kind: 'webhook', url: `${hook.baseUrl}/hashwatt`, secret: SECRET },
    });
    expect(created.status).toBe(201);
    expect(created.json.channel.config.secret).toBe('<redacted>');
    const rules = await api('PUT', '/api/alerts/rules/global', { 'unprofitable-rig': { forMs: FOR_MS, clearForMs: 3_000 } });
    expect(rules.status).toBe(200);
    expect((await api('PUT', '/api/alerts/policy', { groupWaitMs: 0, cooldownMs: 0 })).status).toBe(200);
    const view = await api<{ global: unknown; policy: { cooldownMs: number } }>('GET', '/api/alerts/rules');
    expect(view.json.global).toEqual({ 'unprofitable-rig': { forMs: FOR_MS, clearForMs: 3_000 } });
    expect(view.json.policy.cooldownMs).toBe(0);
  });

  it('fires after the sustained window for exactly the rigs whose breakeven is below the new price, on screen and at the webhook', async () => {
    page = await signedInPage(browser, base, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}/alerts`);
    // Economics for every rig of a site first.
    let rigs: EcoRig[] = [];
    await expect
      .poll(
        async () => {
          rigs = (await api<{ rigs: EcoRig[] }>('GET', '/api/rigs')).json.rigs;
          siteId = rigs[0].siteId;
          return rigs.filter((r) => r.siteId === siteId && r.economics?.breakevenPricePerKwh != null).length;
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThan(2);
    // The middle of the widest gap between two breakevens: some rigs lose money, some do not, and sweep-to-sweep noise cannot cross it.
    const breakevens = rigs
      .filter((r) => r.siteId === siteId && r.economics?.breakevenPricePerKwh != null)
      .map((r) => r.economics!.breakevenPricePerKwh!)
      .sort((a, b) => a - b);
    let gap = 0;
    for (let i = 1; i < breakevens.length; i++) {
      if (breakevens[i] - breakevens[i - 1] > gap)
        [gap, price] = [breakevens[i] - breakevens[i - 1], Number(((breakevens[i] + breakevens[i - 1]) / 2).toFixed(4))];
    }
    const raisedAtMs = Date.now();
    expect((await api('PUT', `/api/sites/${siteId}/tariff`, { kind: 'flat', pricePerKwh: price })).status).toBe(200);
    losers = sorted(rigs.filter((r) => r.siteId === siteId && (r.economics?.breakevenPricePerKwh ?? Infinity) < price).map((r) => r.id));
    expect(losers.length).toBeGreaterThan(0);
    expect(losers.length).toBeLessThan(breakevens.length);

    await expect
      .poll(async () => sorted((await active()).filter((a) => a.siteId === siteId).map((a) => a.subjectId)), { timeout: 30_000 })
      .toEqual(losers);
    const fired = (await active()).filter((a) => a.siteId === siteId);
    for (const a of fired) {
      expect(a.firingAtMs - a.startedAtMs).toBeGreaterThanOrEqual(FOR_MS); // held for the sustained window
      expect(a.startedAtMs).toBeGreaterThanOrEqual(raisedAtMs - 1_000);
    }
    // The other site's rigs are judged by their own tariff: any alert there is a rig whose breakeven is below its price.
    const now = (await api<{ rigs: EcoRig[] }>('GET', '/api/rigs')).json.rigs;
    for (const a of (await active()).filter((x) => x.siteId !== siteId)) {
      const rig = now.find((r) => r.id === a.subjectId)!;
      expect(rig.economics!.breakevenPricePerKwh!).toBeLessThan(rig.economics!.pricePerKwh! + 0.002);
    }

    // On screen, live (no reload), and at the webhook, signed, with a link to the dashboard.
    await expect.poll(() => shownRigIds(page), { timeout: 15_000 }).toEqual(expect.arrayContaining(losers));
    await expect.poll(() => fired.every((a) => hookIds('firing').has(a.id)), { timeout: 15_000 }).toBe(true);
    const link = hook.requests.flatMap(hookAlerts).find((a) => a.alertId === fired[0].id)!.dashboardUrl;
    expect(link).toBe('http://hashwatt.example:3000/alerts');
    await page.goto(base);
    await expect
      .poll(async () => Number(await page.getByTestId('alert-banner').getAttribute('data-count')), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(losers.length);
  });

  it('resolves a losing rig put in maintenance, with the reason', async () => {
    const rigId = losers[0];
    const alertId = (await active()).find((a) => a.subjectId === rigId)!.id;
    expect((await api('PUT', `/api/rigs/${rigId}/maintenance`, { note: 'swapping PSU' })).status).toBe(200);
    await expect
      .poll(
        async () =>
          (await api<{ alerts: Alert[] }>('GET', '/api/alerts?status=resolved')).json.alerts.find((a) => a.id === alertId)?.resolveReason,
        { timeout: 15_000 },
      )
      .toBe('maintenance');
    await expect.poll(() => hookIds('resolved').has(alertId), { timeout: 15_000 }).toBe(true);
    expect((await api('DELETE', `/api/rigs/${rigId}/maintenance`)).status).toBe(200);
  });

  it('resolves every alert of the site when the tariff drops, on screen and at the webhook with the same ids', async () => {
    const firing = (await active()).filter((a) => a.siteId === siteId).map((a) => a.id);
    expect((await api('PUT', `/api/sites/${siteId}/tariff`, { kind: 'flat', pricePerKwh: 0.001 })).status).toBe(200);
    await expect.poll(async () => (await active()).filter((a) => a.siteId === siteId).length, { timeout: 30_000 }).toBe(0);
    await page.goto(`${base}/alerts`);
    await expect.poll(async () => (await shownRigIds(page)).filter((id) => losers.includes(id)), { timeout: 15_000 }).toEqual([]);
    await expect.poll(() => firing.every((id) => hookIds('resolved').has(id)), { timeout: 15_000 }).toBe(true);
    await page.close();
  });
});
