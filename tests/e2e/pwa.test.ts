/**
 * The installable app against `hashwatt start` (demo on 127.0.75.x, 4 miners) in real Chromium: the
 * manifest and its icons as a browser fetches them, the service worker served for a root scope,
 * registering and activating on the overview, the cached shell rendering (styled) after going offline
 * while the API stays network-only, an offline page for pages never visited, a push event shown as a
 * notification, and the VAPID key the subscribe button uses.
 */
import type { Browser, BrowserContext } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { apiFetch, signedInContext } from '../support/session';
import { freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';
import { runHashwatt } from '../support/run-cli';
import { browserKeys } from '../integration/notify/push-endpoint';

let browser: Browser;
let dir: ReturnType<typeof tempDir>;
let system: RunningSystem | null = null;
let base = '';
let dbPath = '';

beforeAll(async () => {
  dir = tempDir('hashwatt-pwa-');
  const env = {
    PORT: String(await freePort()),
    HASHWATT_DB: (dbPath = `${dir.dir}/hashwatt.db`),
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: '4',
    HASHWATT_POLL_INTERVAL_S: '1',
    HASHWATT_SIM_SUBNET: '127.0.75',
  };
  [system, browser] = await Promise.all([startSystem(env), launchBrowser()]);
  base = system.baseUrl;
});

afterAll(async () => {
  await browser?.close();
  if (system) await system.interrupt();
  dir?.cleanup();
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

interface Manifest {
  name: string;
  short_name: string;
  start_url: string;
  display: string;
  background_color: string;
  theme_color: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

describe('installable app', { timeout: 120_000 }, () => {
  it('serves a manifest whose icons load at the sizes it states', async () => {
    const res = await apiFetch(base, '/manifest.webmanifest');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/manifest+json');
    const manifest = (await res.json()) as Manifest;
    expect(manifest).toMatchObject({
      name: 'Hashwatt',
      start_url: '/',
      display: 'standalone',
      background_color: '#0a0e14',
      theme_color: '#0a0e14',
    });
    expect(manifest.short_name.length).toBeGreaterThan(0);
    const declared = manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort();
    expect(declared).toEqual(['192x192 any', '192x192 maskable', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      const img = await apiFetch(base, icon.src);
      expect([icon.src, img.status, img.headers.get('content-type')]).toEqual([icon.src, 200, 'image/png']);
      expect(pngSize(Buffer.from(await img.arrayBuffer()))).toBe(icon.sizes);
    }
    const favicon = await apiFetch(base, '/favicon.ico');
    expect(favicon.status).toBe(200);
    expect(Buffer.from(await favicon.arrayBuffer()).readUInt16LE(2)).toBe(1); // ICO type: icon
  });

  it('serves the service worker uncached for the root scope', async () => {
    const res = await apiFetch(base, '/sw.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('service-worker-allowed')).toBe('/');
    expect(await res.text()).toContain("addEventListener('push'");
  });

  it('links the manifest and icons from every page head', async () => {
    const html = await (await apiFetch(base, '/')).text();
    expect(html).toMatch(/<link rel="manifest" href="\/manifest.webmanifest"/);
    expect(html).toContain('/icons/apple-touch-icon.png');
  });

  it('the VAPID public key is a P-256 point and stays the same', async () => {
    const first = (await (await apiFetch(base, '/api/push/vapid-public-key')).json()) as { publicKey: string };
    const key = Buffer.from(first.publicKey, 'base64url');
    expect([key.length, key[0]]).toEqual([65, 0x04]);
    const again = (await (await apiFetch(base, '/api/push/vapid-public-key')).json()) as { publicKey: string };
    expect(again.publicKey).toBe(first.publicKey);
  });
});

describe('push subscriptions over HTTP', { timeout: 60_000 }, () => {
  const VIEWER = { name: 'phoebe', password: 'phone-viewer-pass-1' };
  const json = { 'content-type': 'application/json' };

  it("a viewer saves, lists and removes this phone's subscription; a bad one is refused field by field; tokens get none", async () => {
    const added = await runHashwatt(['user', 'add', VIEWER.name, '--role', 'viewer'], {
      HASHWATT_DB: dbPath,
      HASHWATT_USER_PASSWORD: VIEWER.password,
    });
    expect(added.code, added.stderr).toBe(0);
    const keys = browserKeys();
    // An address, not a name: nothing resolves names here, and a name that does not resolve is refused.
    const endpoint = 'https://142.250.74.42/fcm/send/abc123';
    const sub = { endpoint, expirationTime: null, keys: { p256dh: keys.p256dh, auth: keys.auth } };
    const post = await apiFetch(base, '/api/push/subscriptions', { method: 'POST', headers: json, body: JSON.stringify(sub) }, VIEWER);
    expect(post.status).toBe(201);
    const list = (await (await apiFetch(base, '/api/push/subscriptions', {}, VIEWER)).json()) as { subscriptions: { endpoint: string }[] };
    expect(list.subscriptions.map((s) => s.endpoint)).toEqual([endpoint]);
    // The admin has subscribed nothing: lists are per user.
    expect(((await (await apiFetch(base, '/api/push/subscriptions')).json()) as { subscriptions: unknown[] }).subscriptions).toEqual([]);

    const bad = await apiFetch(
      base,
      '/api/push/subscriptions',
      { method: 'POST', headers: json, body: JSON.stringify({ endpoint: 'ftp://x', keys: { p256dh: 'AAAA', auth: '' } }) },
      VIEWER,
    );
    expect(bad.status).toBe(400);
    const errors = ((await bad.json()) as { errors: string[] }).errors.join(' | ');
    expect(errors).toMatch(/endpoint/);
    expect(errors).toMatch(/p256dh/);
    expect(errors).toMatch(/auth/);

    const del = await apiFetch(
      base,
      '/api/push/subscriptions',
      { method: 'DELETE', headers: json, body: JSON.stringify({ endpoint }) },
      VIEWER,
    );
    expect(del.status).toBe(200);
    expect(
      (await apiFetch(base, '/api/push/subscriptions', { method: 'DELETE', headers: json, body: JSON.stringify({ endpoint }) }, VIEWER))
        .status,
    ).toBe(404);

    const token = await runHashwatt(['token', 'create', '--role', 'admin', '--name', 'script'], { HASHWATT_DB: dbPath });
    const asToken = await fetch(`${base}/api/push/subscriptions`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${token.stdout.trim()}` },
      body: JSON.stringify(sub),
    });
    expect(asToken.status).toBe(403);
    expect(((await asToken.json()) as { error: string }).error).toMatch(/belong to a signed-in user/);
  });

  it.each([
    ['https://127.0.0.1:8443/push/1', '127.0.0.1 is a loopback address'],
    ['https://10.20.30.40/push/1', '10.20.30.40 is a private (RFC 1918) address'],
    ['https://169.254.169.254/latest/meta-data/', '169.254.169.254 is a cloud metadata service address'],
    ['https://[::1]:8443/push/1', '::1 is a loopback address'],
    ['https://[::ffff:127.0.0.1]/push/1', '::ffff:7f00:1 is a loopback address'],
    ['https://localhost:8443/push/1', 'localhost is this machine'],
    ['http://push.example.net/push/1', 'endpoint must be an https URL'],
  ])('refuses a subscription to %s and stores nothing', async (endpoint, why) => {
    const keys = browserKeys();
    const res = await apiFetch(
      base,
      '/api/push/subscriptions',
      { method: 'POST', headers: json, body: JSON.stringify({ endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } }) },
      VIEWER,
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: string[] }).errors.join(' | ')).toContain(why);
    const list = (await (await apiFetch(base, '/api/push/subscriptions', {}, VIEWER)).json()) as { subscriptions: { endpoint: string }[] };
    expect(list.subscriptions).toEqual([]);
  });
});

describe('service worker in Chromium', { timeout: 120_000 }, () => {
  let context: BrowserContext;

  beforeAll(async () => {
    context = await signedInContext(browser, base, { viewport: { width: 390, height: 844 }, serviceWorkers: 'allow' });
    await context.grantPermissions(['notifications'], { origin: base });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('registers and activates on the overview; offline, a reload still renders the cached shell, styled', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const sw = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const worker = reg.active!;
      // ready resolves once a worker is active, which may still be finishing its activate step.
      if (worker.state === 'activating') await new Promise((resolve) => worker.addEventListener('statechange', resolve, { once: true }));
      return { scope: reg.scope, state: worker.state, cached: (await caches.match('/')) !== undefined };
    });
    expect(sw).toEqual({ scope: `${base}/`, state: 'activated', cached: true });
    await page
      .waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 10_000 })
      .catch(() => page.reload());
    const onlineKpis = await page.getByTestId('rigs-total').count();
    expect(onlineKpis).toBe(1);

    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByTestId('rigs-total').waitFor({ timeout: 10_000 });
      expect(await page.title()).toContain('Hashwatt');
      expect(await page.locator('body').textContent()).not.toContain('Hashwatt is offline');
      // The stylesheet came from the cache too: the dark theme is applied.
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(10, 14, 20)');
      // Live data is never served from a cache.
      const api = await page.evaluate(() =>
        fetch('/api/health').then(
          (r) => `status ${r.status}`,
          () => 'network error',
        ),
      );
      expect(api).toBe('network error');

      const other = await context.newPage();
      await other.goto(`${base}/economics`);
      expect(await other.locator('h1').textContent()).toBe('Hashwatt is offline');
      await other.close();
    } finally {
      await context.setOffline(false);
    }
    await page.close();
  });

  it('shows a push message as a notification with its title, body, tag and link', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    const cdp = await context.newCDPSession(page);
    const registered = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r: { scopeURL: string; isDeleted: boolean }) => r.scopeURL === scope && !r.isDeleted);
        if (ours) resolve(ours.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const registrationId = await registered;
    const payload = {
      title: '[FIRING] S19-07 is losing money',
      body: 'profit -0.012/kWh',
      url: '/alerts',
      tag: 'hashwatt:a-1',
      firing: true,
    };
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: base, registrationId, data: JSON.stringify(payload) });
    const shown = () =>
      page.evaluate(async () => {
        const list = await (await navigator.serviceWorker.ready).getNotifications();
        return list.map((n) => ({ title: n.title, body: n.body, tag: n.tag, url: (n.data as { url: string }).url }));
      });
    await expect.poll(shown, { timeout: 10_000 }).toEqual([{ title: payload.title, body: payload.body, tag: payload.tag, url: '/alerts' }]);
    await page.close();
  });

  it('offers "Notifications on this device" on /alerts, which every signed-in person can open', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/alerts`);
    const control = page.getByTestId('push-control');
    await control.getByRole('button', { name: 'Turn on notifications' }).waitFor({ timeout: 10_000 });
    expect(await control.textContent()).toContain('This device gets no alert notifications.');
    await page.close();
  });
});
