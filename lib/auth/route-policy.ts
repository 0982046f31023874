/**
 * What each request needs, decided in one place (the web server checks it before Next.js or socket.io
 * see the request): nothing for the health check, the login page and what a browser fetches without
 * cookies (static assets, web app manifest, icons, service worker); 'read' for every other GET except
 * the settings, which show configuration and need 'configure'; the narrower write actions for
 * acknowledging alerts and operating rigs; 'configure' for every other change. Unknown paths fall to the
 * strictest rule. Kiosk tokens reach only the wall and what it reads. Pure.
 */
import type { Action } from './roles';

export type Requirement = 'public' | Action;

const PUBLIC_EXACT = new Set([
  '/api/health',
  '/login',
  '/api/auth/login',
  '/manifest.webmanifest',
  '/sw.js',
  '/favicon.ico',
  '/robots.txt',
]);
const PUBLIC_PREFIXES = ['/_next/static/', '/icons/'];

/**
 * Reading these shows configuration (channel addresses, users, tokens, storage) or what only admins ask
 * for (probe and scan results: addresses and raw device replies): admins only.
 */
const CONFIGURE_READS = [
  /^\/settings(\/|$)/,
  /^\/api\/settings(\/|$)/,
  /^\/api\/alerts\/channels(\/|$)/,
  /^\/api\/users(\/|$)/,
  /^\/api\/tokens(\/|$)/,
  /^\/api\/rigs\/requests(\/|$)/,
  // The rig list as CSV carries every address: the export is for admins, as the rig settings are.
  /^\/api\/rigs\/csv$/,
];
const ACKNOWLEDGE = [/^\/api\/alerts\/[^/]+\/(ack|snooze)$/];
const OPERATE_RIGS = [/^\/api\/rigs\/\d+\/maintenance$/];
/** Changes any signed-in person may make to what is their own: signing out, their password, their devices' push subscriptions (the routes refuse tokens). */
const ANY_SIGNED_IN_WRITE = ['/api/auth/logout', '/api/auth/password', '/api/push/subscriptions'];

const isRead = (m: string) => m === 'GET' || m === 'HEAD' || m === 'OPTIONS';

export function requirementFor(method: string, pathname: string): Requirement {
  const m = method.toUpperCase();
  if (PUBLIC_EXACT.has(pathname) && (m === 'GET' || m === 'HEAD' || pathname === '/api/auth/login')) return 'public';
  if ((m === 'GET' || m === 'HEAD') && PUBLIC_PREFIXES.some((p) => pathname.startsWith(p))) return 'public';
  if (isRead(m)) return CONFIGURE_READS.some((re) => re.test(pathname)) ? 'configure' : 'read';
  if (ANY_SIGNED_IN_WRITE.includes(pathname)) return 'read';
  if (ACKNOWLEDGE.some((re) => re.test(pathname))) return 'acknowledge';
  if (OPERATE_RIGS.some((re) => re.test(pathname))) return 'operate-rigs';
  return 'configure';
}

/** What a wall display needs: the wall page, its live feed, and the read APIs behind it. */
const KIOSK_READS = [/^\/wall$/, /^\/api\/(fleet|network|alerts|storage)$/, /^\/_next\//];

/** Whether a kiosk token may make this request (on top of its read-only role). */
export function kioskMayReach(method: string, pathname: string): boolean {
  return isRead(method.toUpperCase()) && KIOSK_READS.some((re) => re.test(pathname));
}
