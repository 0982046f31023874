/**
 * The web app's locks as a browser meets them, against `hashwatt start`: every main page runs under a
 * Content-Security-Policy without 'unsafe-inline' scripts (Next.js's own inline scripts carry the reply's
 * nonce) and breaks no rule of it, while a script injected into the page is blocked; the live socket still
 * connects; Next's image optimizer fetches nothing for a viewer or a kiosk; and signing in or opening a
 * kiosk link never leaves the site, whatever the link says.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { runHashwatt } from '../support/run-cli';
import { TEST_ADMIN, fetchAs, signedInPage } from '../support/session';
import { freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';

let dir: ReturnType<typeof tempDir>;
let system: RunningSystem;
let browser: Browser;
let base: string;
let kiosk: string;
const VIEWER = { name: 'vera', password: 'viewer-password-789' };

beforeAll(async () => {
  dir = tempDir('hashwatt-lockdown-');
  const db = `${dir.dir}/hashwatt.db`;
  [system, browser] = await Promise.all([
    startSystem({
      PORT: String(await freePort()),
      HASHWATT_DB: db,
      HASHWATT_DEMO: '1',
      HASHWATT_DEMO_MINERS: '4',
      HASHWATT_POLL_INTERVAL_S: '1',
      HASHWATT_SIM_SUBNET: '127.0.231',
    }),
    launchBrowser(),
  ]);
  base = system.baseUrl;
  const user = await runHashwatt(['user', 'add', VIEWER.name, '--role', 'viewer'], {
    HASHWATT_DB: db,
    HASHWATT_USER_PASSWORD: VIEWER.password,
  });
  expect(user.code, user.stderr).toBe(0);
  const token = await runHashwatt(['token', 'create', '--kiosk', '--name', 'lockdown wall'], { HASHWATT_DB: db });
  expect(token.code, token.stderr).toBe(0);
  kiosk = token.stdout.trim();
});

afterAll(async () => {
  await browser?.close();
  await system?.interrupt();
  dir?.cleanup();
});

/** CSP violations and console errors of a page, collected from before its first script. */
function watchCsp(page: Page): { violations: string[]; console: string[] } {
  const seen = { violations: [] as string[], console: [] as string[] };
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) seen.console.push(m.text());
  });
  page.on('pageerror', (e) => seen.console.push(`pageerror: ${e.message}`));
  void page.exposeFunction('hashwattCspViolation', (line: string) => seen.violations.push(line));
  void page.addInitScript(() => {
    const seenHere: string[] = ((window as unknown as { hashwattViolations: string[] }).hashwattViolations = []);
    document.addEventListener('securitypolicyviolation', (e) => {
      const line = `${e.violatedDirective} ${e.blockedURI} ${e.sample} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} on ${location.pathname}`;
      seenHere.push(line);
      void (window as unknown as { hashwattCspViolation: (l: string) => void }).hashwattCspViolation(line);
    });
    // Next.js's inline scripts push its payload onto self.__next_f; its bundle takes push over, before or
    // after them. Count every call, whoever handles it.
    const w = window as unknown as { __next_f: unknown[]; hashwattInlinePushes: number };
    const payload: unknown[] = [];
    let handler: (...items: unknown[]) => number = Array.prototype.push.bind(payload);
    Object.defineProperty(payload, 'push', {
      get:
        () =>
        (...items: unknown[]) => {
          w.hashwattInlinePushes = (w.hashwattInlinePushes ?? 0) + 1;
          return handler(...items);
        },
      set: (fn: (...items: unknown[]) => number) => {
        handler = fn;
      },
    });
    w.__next_f = payload;
  });
  return seen;
}

/** True when Next.js's inline payload scripts ran on the page now shown (they carry the nonce, or are blocked). */
const nextInlineScriptsRan = (page: Page) =>
  page.evaluate(() => ((window as unknown as { hashwattInlinePushes?: number }).hashwattInlinePushes ?? 0) > 0);

describe('Content-Security-Policy with nonces', { timeout: 120_000 }, () => {
  it('sends a fresh nonce per reply, no unsafe-inline for scripts and no ws: wildcard', async () => {
    const [a, b] = await Promise.all([fetchAs(`${base}/`), fetchAs(`${base}/`)]);
    const csp = a.headers.get('content-security-policy') ?? '';
    const script = csp.split('; ').find((d) => d.startsWith('script-src ')) ?? '';
    expect(script).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/]+=*'$/);
    expect(b.headers.get('content-security-policy')).not.toBe(csp);
    expect(csp.split('; ').find((d) => d.startsWith('connect-src '))).toBe(`connect-src 'self' ${base.replace(/^http/, 'ws')}`);
    const nonce = /'nonce-([^']+)'/.exec(script)![1];
    const html = await a.text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const [, attrs] of inline) expect(attrs).toContain(`nonce="${nonce}"`);
  });

  it('a client cannot pick the nonce by sending its own CSP header', async () => {
    const res = await fetchAs(`${base}/`, { headers: { 'Content-Security-Policy': "script-src 'nonce-chosenbyclient'" } });
    expect(res.headers.get('content-security-policy')).not.toContain('chosenbyclient');
    expect(await res.text()).not.toContain('chosenbyclient');
  });

  it('every main page renders and runs with no CSP violation, the overview goes live over its socket', async () => {
    const page = await signedInPage(browser, base, { viewport: { width: 1280, height: 800 } });
    const seen = watchCsp(page);
    await page.goto(`${base}/`);
    await expect.poll(() => page.getByTestId('link-state').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
    const rigId = ((await (await fetchAs(`${base}/api/rigs`)).json()) as { rigs: { id: number }[] }).rigs[0].id;
    const paths = [
      '/',
      '/rigs',
      `/rigs/${rigId}`,
      '/economics',
      '/alerts',
      '/account',
      '/settings',
      '/settings/sites',
      '/settings/rigs',
      '/settings/pools',
      '/settings/network',
      '/settings/alerts',
      '/settings/users',
      '/settings/storage',
      '/wall',
    ];
    for (const path of paths) {
      await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      expect(await nextInlineScriptsRan(page), path).toBe(true);
    }
    expect(seen.violations).toEqual([]);
    expect(seen.console.filter((l) => /Content Security Policy|Refused to/i.test(l))).toEqual([]);
    await page.context().close();
  });

  it('the login page and a kiosk wall run with no CSP violation', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = watchCsp(page);
    await page.goto(`${base}/login`, { waitUntil: 'networkidle' });
    expect(await nextInlineScriptsRan(page)).toBe(true);
    await page.goto(`${base}/wall?kiosk=${kiosk}`, { waitUntil: 'networkidle' });
    expect(new URL(page.url()).pathname).toBe('/wall');
    expect(await nextInlineScriptsRan(page)).toBe(true);
    expect(seen.violations).toEqual([]);
    await context.close();
  });

  it('blocks an inline script injected into a page', async () => {
    const page = await signedInPage(browser, base);
    watchCsp(page);
    await page.goto(`${base}/rigs`, { waitUntil: 'networkidle' });
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = 1';
      document.body.appendChild(s);
    });
    const violationsHere = () => page.evaluate(() => (window as unknown as { hashwattViolations: string[] }).hashwattViolations);
    await expect.poll(async () => (await violationsHere()).length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
    expect((await violationsHere())[0]).toMatch(/^script-src(-elem)? inline /);
    await page.context().close();
  });
});

describe("Next's image optimizer", { timeout: 60_000 }, () => {
  // Before, the optimizer fetched the URL from inside the server, past the gate, with the caller's
  // principal: 400 "isn't a valid image" for an API route (after running it), an optimized copy for an image.
  const optimizerUrl = '/_next/image?url=%2Fapi%2Fusers&w=64&q=75';
  const iconUrl = '/_next/image?url=%2Ficons%2Ficon-192.png&w=64&q=75';

  it('is off for a viewer: it fetches nothing, not even an image of the site', async () => {
    for (const url of [optimizerUrl, iconUrl]) {
      const res = await fetchAs(`${base}${url}`, {}, VIEWER);
      const body = await res.text();
      expect([url, res.status]).toEqual([url, 404]);
      expect(body).not.toContain('"users"');
      expect(body).not.toContain(`"name":"${TEST_ADMIN.name}"`);
    }
  });

  it('is off for a kiosk cookie', async () => {
    const exchange = await fetch(`${base}/wall?kiosk=${kiosk}`, { redirect: 'manual' });
    const cookie = exchange.headers
      .getSetCookie()
      .find((c) => c.startsWith('hw_kiosk='))!
      .split(';')[0];
    for (const url of [optimizerUrl, iconUrl]) {
      const res = await fetch(`${base}${url}`, { headers: { cookie } });
      const body = await res.text();
      expect([url, res.status]).toEqual([url, 404]);
      expect(body).not.toContain('"users"');
    }
  });
});

describe('redirects in a browser', { timeout: 60_000 }, () => {
  it.each([['/login?next=%2F%09%2Fevil'], ['/login?next=%2F%5Cevil'], ['/login?next=%2F.%2F%2Fevil%2Fx']])(
    'signing in from %s lands on the site',
    async (path) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}${path}`);
      await page.getByLabel('User name').fill(VIEWER.name);
      await page.getByLabel('Password').fill(VIEWER.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForLoadState('load');
      expect(new URL(page.url()).origin).toBe(base);
      await context.close();
    },
  );

  it.each([['/.//evil/x'], ['/%2e//evil/x'], ['//evil/x']])('a kiosk link at %s stays on the site', async (path) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}${path}?kiosk=${kiosk}`).catch(() => undefined);
    expect(new URL(page.url()).origin).toBe(base);
    await context.close();
  });
});
