/**
 * What each request needs, decided in one place (the web server checks it before Next.js or socket.io
 * see the request): nothing for the health check, the login page and what a browser fetches without
 * cookies (static assets, web app manifest, icons, service worker); 'read' for every other GET; the
 * narrower write actions for acknowledging alerts and operating rigs; 'configure' for every other change.
 * Unknown paths fall to the strictest rule. Pure.
 */
import type { Action } from './roles';

export type Requirement = 'public' | Action;

const PUBLIC_EXACT = new Set(['/api/health', '/login', '/api/auth/login', '/manifest.webmanifest', '/sw.js', '/favicon.ico', '/robots.txt']);
const PUBLIC_PREFIXES = ['/_next/static/', '/icons/'];

const ACKNOWLEDGE = [/^\/api\/alerts\/[^/]+\/(ack|snooze)$/];
const OPERATE_RIGS = [/^\/api\/rigs\/\d+\/maintenance$/];
// Writes about the caller only: signing out, and a viewer's own phone subscribing to push (the route refuses tokens).
const ANY_SIGNED_IN_WRITE = ['/api/auth/logout', '/api/push/subscriptions'];

export function requirementFor(method: string, pathname: string): Requirement {
  const m = method.toUpperCase();
  if (PUBLIC_EXACT.has(pathname) && (m === 'GET' || m === 'HEAD' || pathname === '/api/auth/login')) return 'public';
  if ((m === 'GET' || m === 'HEAD') && PUBLIC_PREFIXES.some((p) => pathname.startsWith(p))) return 'public';
  if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS') return 'read';
  if (ANY_SIGNED_IN_WRITE.includes(pathname)) return 'read';
  if (ACKNOWLEDGE.some((re) => re.test(pathname))) return 'acknowledge';
  if (OPERATE_RIGS.some((re) => re.test(pathname))) return 'operate-rigs';
  return 'configure';
}
