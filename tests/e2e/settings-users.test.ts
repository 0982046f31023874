/**
 * Users & tokens as an admin meets them, in Chromium against `hashwatt start`: adding a viewer through the
 * form (a short password and a taken name each refused with their own message), who can then sign in but
 * not open the settings; disabling ends their session at once and removing takes them off the list; a
 * kiosk link made in the form opens the wall and stops when revoked from the table; an API token made in
 * the form works as Bearer with its role until revoked; the guard rails keep an admin from demoting
 * themself and the last enabled admin from going; anyone signed in changes their own password.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { TEST_ADMIN, apiFetch, signIn, signedInPage } from '../support/session';
import { freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';

let dir: ReturnType<typeof tempDir>;
let system: RunningSystem;
let browser: Browser;
let base: string;
const VIEWER = { name: 'vic', password: 'viewer-pass-123' };
type ApiRig = { siteId: number; siteName: string };
type ApiToken = { id: number; name: string; lastUsedMs: number | null; revokedAtMs: number | null };

beforeAll(async () => {
  dir = tempDir('hashwatt-settings-users-');
  [system, browser] = await Promise.all([
    startSystem({
      PORT: String(await freePort()),
      HASHWATT_DB: `${dir.dir}/hashwatt.db`,
      HASHWATT_DEMO: '1',
      HASHWATT_DEMO_MINERS: '4',
      HASHWATT_POLL_INTERVAL_S: '2',
      HASHWATT_SIM_SUBNET: '127.0.67',
    }),
    launchBrowser(),
  ]);
  base = system.baseUrl;
});

afterAll(async () => {
  await browser?.close();
  await system?.interrupt();
  dir?.cleanup();
});

/** A plain fetch with exactly this cookie (no re-sign-in on 401, unlike apiFetch). */
function withCookie(cookie: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${base}${path}`, {
    ...init,
    headers: { Cookie: cookie, Origin: base, 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
  });
}

async function usersPage(width = 1440): Promise<Page> {
  const page = await signedInPage(browser, base, { viewport: { width, height: 900 } });
  await page.goto(`${base}/settings/users`);
  await page.getByTestId('users-table').waitFor();
  return page;
}

const row = (page: Page, name: string) => page.locator(`[data-testid="user-row"][data-user-name="${name}"]`);
const tokenRow = (page: Page, name: string) => page.locator(`[data-testid="token-row"][data-token-name="${name}"]`);

describe('users', { timeout: 90_000 }, () => {
  it('adds a viewer through the form, naming a short password and a taken name; the viewer signs in and is refused settings', async () => {
    const page = await usersPage(390);
    const form = page.getByTestId('add-user-form');
    await form.getByLabel('User name').fill(VIEWER.name);
    await form.getByLabel('Role').selectOption('viewer');
    await form.getByLabel('Password').fill('short');
    await page.getByTestId('add-user-submit').click();
    await expect.poll(() => page.getByTestId('add-user-errors').textContent()).toBe('password must be at least 10 characters');
    expect(await form.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Password').fill(VIEWER.password);
    await page.getByTestId('add-user-submit').click();
    await expect.poll(() => page.getByTestId('add-user-status').textContent()).toBe('vic added as viewer.');
    await row(page, 'vic').waitFor();
    expect(await row(page, 'vic').getByTestId('user-role').textContent()).toBe('viewer');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

    await form.getByLabel('User name').fill('vic');
    await form.getByLabel('Password').fill('another-long-pw');
    await page.getByTestId('add-user-submit').click();
    await expect.poll(() => page.getByTestId('add-user-errors').textContent()).toBe('name: a user named "vic" already exists');
    expect(await form.getByLabel('User name').getAttribute('aria-invalid')).toBe('true');
    await page.context().close();

    const viewer = await signedInPage(browser, base, { viewport: { width: 1440, height: 900 } }, VIEWER);
    const refused = await viewer.goto(`${base}/settings/users`);
    expect(refused?.status()).toBe(403);
    expect((await apiFetch(base, '/api/users', {}, VIEWER)).status).toBe(403);
    await viewer.context().close();
  });

  it('disabling a user through the form ends their session at once; removing takes them off', async () => {
    const dora = { name: 'dora', password: 'operator-pw-123' };
    const name = dora.name;
    const created = await apiFetch(base, '/api/users', { method: 'POST', body: JSON.stringify({ ...dora, role: 'operator' }) });
    expect(created.status).toBe(201);
    const cookie = await signIn(base, dora);
    expect((await withCookie(cookie, '/api/rigs')).status).toBe(200);

    const page = await usersPage();
    await row(page, name).getByTestId('user-edit').click();
    await page
      .getByTestId('user-edit-form')
      .getByLabel(/Disabled/)
      .check();
    await page.getByTestId('user-edit-save').click();
    await expect.poll(() => row(page, name).getByTestId('user-state').textContent()).toBe('Disabled');
    expect((await withCookie(cookie, '/api/rigs')).status).toBe(401);
    await expect(signIn(base, dora)).rejects.toThrow(/401/);

    await row(page, name).getByTestId('user-remove').click();
    await page.getByTestId('user-remove-confirm').click();
    await expect.poll(() => row(page, name).count()).toBe(0);
    const users = ((await (await apiFetch(base, '/api/users')).json()) as { users: { name: string }[] }).users.map((u) => u.name);
    expect(users).not.toContain(name);
    await page.context().close();
  });

  it('keeps an admin from demoting or removing themself, and the last enabled admin from being disabled', async () => {
    const page = await usersPage();
    await row(page, TEST_ADMIN.name).getByTestId('user-edit').click();
    await page.getByTestId('user-edit-form').getByLabel('Role').selectOption('viewer');
    await page.getByTestId('user-edit-save').click();
    await expect
      .poll(() => page.getByTestId('user-edit-errors').textContent())
      .toBe('you cannot demote yourself: another admin has to do it');
    await row(page, TEST_ADMIN.name).getByTestId('user-remove').click();
    await page.getByTestId('user-remove-confirm').click();
    await expect
      .poll(() => row(page, TEST_ADMIN.name).getByTestId('user-row-error').textContent())
      .toBe('you cannot remove yourself: another admin has to do it');
    await page.context().close();

    // An admin API token belongs to no user: only the last-admin rule can stop it.
    const made = await apiFetch(base, '/api/tokens', {
      method: 'POST',
      body: JSON.stringify({ kind: 'api', name: 'ops script', role: 'admin' }),
    });
    const { secret } = (await made.json()) as { secret: string };
    const asToken = (path: string, init: RequestInit) =>
      fetch(`${base}${path}`, { ...init, headers: { Authorization: `Bearer ${secret}`, 'content-type': 'application/json' } });
    const adminId = ((await (await apiFetch(base, '/api/users')).json()) as { users: { id: number; name: string }[] }).users.find(
      (u) => u.name === TEST_ADMIN.name,
    )!.id;
    const lastAdmin = await asToken(`/api/users/${adminId}`, { method: 'PATCH', body: '{"disabled":true}' });
    expect(lastAdmin.status).toBe(409);
    expect(((await lastAdmin.json()) as { error: string }).error).toBe(
      'admin is the last enabled admin and cannot be disabled: make another user an admin first',
    );
    expect((await asToken(`/api/users/${adminId}`, { method: 'DELETE' })).status).toBe(409);
    expect((await apiFetch(base, '/api/users')).status).toBe(200); // still an admin, still signed in
  });
});

describe('tokens', { timeout: 90_000 }, () => {
  it("a kiosk link made in the form opens that site's wall, and stops when revoked from the table", async () => {
    const site = ((await (await apiFetch(base, '/api/rigs')).json()) as { rigs: ApiRig[] }).rigs[0];
    const page = await usersPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const form = page.getByTestId('new-kiosk-form');
    await form.getByLabel('Name').fill('lobby TV');
    await form.getByLabel('Shows').selectOption({ label: site.siteName });
    await page.getByTestId('new-kiosk-submit').click();
    const box = page.getByTestId('new-secret');
    await box.waitFor();
    expect(await box.textContent()).toMatch(/Shown once\./);
    const url = await page.getByTestId('new-secret-value').inputValue();
    expect(url).toMatch(new RegExp(`^${base.replace(/\./g, '\\.')}/wall\\?kiosk=hw_kiosk_[A-Za-z0-9_-]{43}$`));
    await page.getByTestId('copy-secret').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const wall = await tv.newPage();
    await wall.goto(url);
    expect(wall.url()).toBe(`${base}/wall`);
    await wall.getByTestId('wall').waitFor();
    expect(await wall.getByTestId('wall').getAttribute('data-view')).toBe(`site-${site.siteId}`);

    await tokenRow(page, 'lobby TV').getByTestId('token-revoke').click();
    await page.getByTestId('token-revoke-confirm').click();
    await expect.poll(() => tokenRow(page, 'lobby TV').getByTestId('token-state').textContent()).toMatch(/^Revoked/);
    // The open wall's socket is closed at the revocation and the page reloads by itself to sign-in.
    await expect.poll(() => new URL(wall.url()).pathname, { timeout: 20_000 }).toBe('/login');
    const fresh = await browser.newContext();
    const stale = await (await fresh.newPage()).goto(url);
    expect(stale?.status()).toBe(401);
    await Promise.all([tv.close(), fresh.close(), page.context().close()]);
  });

  it('an API token made in the form works as Bearer with its role until revoked from the table', async () => {
    const page = await usersPage();
    const form = page.getByTestId('new-api-form');
    await form.getByLabel('Name').fill('grafana');
    await form.getByLabel('Role').selectOption('operator');
    await page.getByTestId('new-api-submit').click();
    await page.getByTestId('new-secret').waitFor();
    const token = await page.getByTestId('new-secret-value').inputValue();
    expect(token).toMatch(/^hw_api_[A-Za-z0-9_-]{43}$/);
    const bearer = (path: string, init: RequestInit = {}) =>
      fetch(`${base}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
    expect((await bearer('/api/rigs')).status).toBe(200);
    expect((await bearer('/api/users')).status).toBe(403); // an operator does not manage users
    const listed = ((await (await apiFetch(base, '/api/tokens')).json()) as { tokens: ApiToken[] }).tokens.find(
      (t) => t.name === 'grafana',
    )!;
    expect(listed.lastUsedMs).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(token.slice(7));

    await page.reload();
    await tokenRow(page, 'grafana').getByTestId('token-revoke').click();
    await page.getByTestId('token-revoke-confirm').click();
    await expect.poll(() => tokenRow(page, 'grafana').getByTestId('token-state').textContent()).toMatch(/^Revoked/);
    expect((await bearer('/api/rigs')).status).toBe(401);
    const again = await apiFetch(base, `/api/tokens/${listed.id}`, { method: 'DELETE' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toBe(`token ${listed.id} (grafana) was already revoked`);
    await page.context().close();
  });

  it('an API token for one site made in the form reads that site only; an admin token offers no site', async () => {
    const rigs = ((await (await apiFetch(base, '/api/rigs')).json()) as { rigs: ApiRig[] }).rigs;
    const site = rigs[0];
    expect(rigs.some((r) => r.siteId !== site.siteId)).toBe(true); // the demo has another site to keep out
    const page = await usersPage();
    const form = page.getByTestId('new-api-form');
    await form.getByLabel('Role').selectOption('admin');
    expect(await form.getByLabel('Sites').count()).toBe(0);
    await form.getByLabel('Role').selectOption('viewer');
    await form.getByLabel('Name').fill('prometheus one site');
    await form.getByLabel('Sites').selectOption({ label: site.siteName });
    await page.getByTestId('new-api-submit').click();
    await page.getByTestId('new-secret').waitFor();
    const token = await page.getByTestId('new-secret-value').inputValue();
    const mine = ((await (await fetch(`${base}/api/rigs`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { rigs: ApiRig[] })
      .rigs;
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((r) => r.siteId))).toEqual(new Set([site.siteId]));
    await expect
      .poll(() => tokenRow(page, 'prometheus one site').locator('td[data-label="Reaches"]').textContent())
      .toBe(`viewer, ${site.siteName} only`);
    await page.context().close();
  });
});

describe('own password', { timeout: 60_000 }, () => {
  it('any signed-in user changes it with the current one; their other sessions end, this one stays', async () => {
    const otto = { name: 'otto', password: 'first-pw-12345' };
    expect((await apiFetch(base, '/api/users', { method: 'POST', body: JSON.stringify({ ...otto, role: 'viewer' }) })).status).toBe(201);
    const here = await signIn(base, otto);
    const elsewhere = await signIn(base, otto);
    const change = (body: object) => withCookie(here, '/api/auth/password', { method: 'POST', body: JSON.stringify(body) });

    const wrong = await change({ currentPassword: 'not-my-password', newPassword: 'second-pw-12345' });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { errors: string[] }).errors).toEqual(['currentPassword: that is not your current password']);
    const short = await change({ currentPassword: otto.password, newPassword: 'short' });
    expect(((await short.json()) as { errors: string[] }).errors).toEqual(['newPassword must be at least 10 characters']);

    const newPassword = 'second-pw-12345';
    expect((await change({ currentPassword: otto.password, newPassword })).status).toBe(200);
    expect((await withCookie(here, '/api/rigs')).status).toBe(200);
    expect((await withCookie(elsewhere, '/api/rigs')).status).toBe(401);
    await expect(signIn(base, otto)).rejects.toThrow(/401/);
    await signIn(base, { name: otto.name, password: newPassword });

    const made = await apiFetch(base, '/api/tokens', {
      method: 'POST',
      body: JSON.stringify({ kind: 'api', name: 'script', role: 'viewer' }),
    });
    const { secret } = (await made.json()) as { secret: string };
    const byToken = await fetch(`${base}/api/auth/password`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(byToken.status).toBe(403);
    expect(
      (await fetch(`${base}/api/auth/password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status,
    ).toBe(401);
  });
});
