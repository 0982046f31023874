/**
 * Signed-in access for tests that talk to a running web server. Every test that reaches the web app
 * goes through these, so the way of signing in lives in one place.
 *
 * `startSystem` starts the server with HASHWATT_ADMIN_PASSWORD=TEST_ADMIN.password, which creates the
 * admin `TEST_ADMIN.name` on start.
 */
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright';

export const TEST_ADMIN = { name: 'admin', password: 'correct-horse-battery-9' } as const;

export interface Credentials {
  name: string;
  password: string;
}

/** Signs in over HTTP and returns the session cookie pair (`hw_sess=...`), or throws with the reply. */
export async function signIn(base: string, who: Credentials = TEST_ADMIN): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify({ name: who.name, password: who.password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${who.name} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('hw_sess='));
  if (!cookie) throw new Error('sign-in answered 200 without a session cookie');
  return cookie.split(';')[0];
}

/** A browser context signed in as `who` (the test admin by default). */
export async function signedInContext(
  browser: Browser,
  base: string,
  opts: BrowserContextOptions = {},
  who: Credentials = TEST_ADMIN,
): Promise<BrowserContext> {
  const context = await browser.newContext(opts);
  const res = await context.request.post(`${base}/api/auth/login`, {
    data: { name: who.name, password: who.password },
    headers: { Origin: base },
  });
  if (res.status() !== 200) throw new Error(`sign-in as ${who.name} failed: ${res.status()} ${await res.text()}`);
  return context;
}

const cookies = new Map<string, string>();

/** fetch() against the web app as `who` (the test admin by default); `path` starts with '/'. */
export function apiFetch(base: string, path: string, init: RequestInit = {}, who: Credentials = TEST_ADMIN): Promise<Response> {
  return fetchAs(`${base}${path}`, init, who);
}

/** fetch() of a full URL on the web app as `who`, signing in on first use (and again after a 401). */
export async function fetchAs(url: string, init: RequestInit = {}, who: Credentials = TEST_ADMIN): Promise<Response> {
  const base = new URL(url).origin;
  const key = `${base} ${who.name}`;
  const send = async () => {
    let cookie = cookies.get(key);
    if (!cookie) cookies.set(key, (cookie = await signIn(base, who)));
    const headers = new Headers(init.headers);
    headers.set('Cookie', cookie);
    headers.set('Origin', base);
    return fetch(url, { ...init, headers });
  };
  const res = await send();
  if (res.status !== 401) return res;
  cookies.delete(key); // the session ended (e.g. a new database): sign in again once
  return send();
}

/** A page in a fresh context signed in as `who` (the test admin by default). */
export async function signedInPage(browser: Browser, base: string, opts: BrowserContextOptions = {}, who: Credentials = TEST_ADMIN) {
  return (await signedInContext(browser, base, opts, who)).newPage();
}
