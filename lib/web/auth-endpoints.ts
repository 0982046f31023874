/**
 * POST /api/auth/login and /api/auth/logout, answered by the web server itself (plain node:http) so the
 * rate limiter, the session cookie and the password check live beside the gate. Both accept JSON (answer
 * JSON) or the login page's HTML form (answer with a redirect), so signing in works without JavaScript.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KIOSK_COOKIE, SESSION_COOKIE, parseCookies, serializeCookie } from '../auth/cookies';
import { parseLoginBody } from '../auth/login-input';
import { hashPassword, verifyPassword } from '../auth/password';
import type { RateLimiter } from '../auth/rate-limit';
import type { SessionLifetime } from '../auth/session-lifetime';
import type { Db } from '../db/client';
import { createSession, endSession } from '../db/mutations/users';
import { getUserByName } from '../db/queries/users';
import { bodyLimitFor } from './body-limits';
import { readSmallBody, redirect, sendJson } from './replies';
import type { RequestFacts } from './request-facts';

export interface AuthEndpointDeps {
  db: Db;
  /** Failed sign-ins counted per user name and per client address, each with its own limit. */
  limiters: { user: RateLimiter; address: RateLimiter };
  session: SessionLifetime;
  now: () => number;
}

const wantsJson = (req: IncomingMessage) => (req.headers['content-type'] ?? '').startsWith('application/json');

/** A hash nobody's password matches, verified when the user is unknown so both cases take as long. */
let decoyHash: Promise<string> | null = null;

function loginFailed(req: IncomingMessage, res: ServerResponse, status: number, error: string, code: string, next: string, headers: Record<string, string> = {}) {
  if (wantsJson(req)) return sendJson(res, status, { ok: false, error }, headers);
  redirect(res, `/login?error=${code}&next=${encodeURIComponent(next)}`, headers);
}

export async function handleLogin(req: IncomingMessage, res: ServerResponse, facts: RequestFacts, deps: AuthEndpointDeps): Promise<void> {
  let body: string;
  try {
    body = await readSmallBody(req, bodyLimitFor('POST', '/api/auth/login'));
  } catch (err) {
    return sendJson(res, 413, { ok: false, error: err instanceof Error ? err.message : String(err) });
  }
  const input = parseLoginBody(req.headers['content-type'], body);
  if ('error' in input) return loginFailed(req, res, 400, input.error, 'malformed', '/');
  const nowMs = deps.now();
  const counted = [
    { limiter: deps.limiters.address, key: facts.clientAddress },
    { limiter: deps.limiters.user, key: input.name.toLowerCase() },
  ];
  const waitMs = Math.max(...counted.map((c) => c.limiter.retryAfterMs(c.key, nowMs)));
  if (waitMs > 0) {
    const waitS = Math.ceil(waitMs / 1000);
    return loginFailed(req, res, 429, `too many failed sign-ins: try again in ${waitS} s`, 'rate', input.next, { 'Retry-After': String(waitS) });
  }
  const user = getUserByName(deps.db, input.name);
  decoyHash ??= hashPassword('decoy password that matches nothing');
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash));
  if (!user || !matches || user.disabled) {
    for (const c of counted) c.limiter.fail(c.key, nowMs);
    return loginFailed(req, res, 401, 'wrong user name or password', 'invalid', input.next);
  }
  for (const c of counted) c.limiter.succeed(c.key);
  const token = createSession(deps.db, user.id, nowMs, deps.session);
  const cookie = serializeCookie(SESSION_COOKIE, token, { maxAgeS: Math.min(deps.session.idleMs, deps.session.maxAgeMs) / 1000, secure: facts.https });
  if (wantsJson(req)) return sendJson(res, 200, { ok: true, user: { name: user.name, role: user.role } }, { 'Set-Cookie': cookie });
  redirect(res, input.next, { 'Set-Cookie': cookie });
}

/** Ends the session (and forgets a kiosk cookie on this browser). */
export function handleLogout(req: IncomingMessage, res: ServerResponse, facts: RequestFacts, deps: AuthEndpointDeps): void {
  const cookies = parseCookies(req.headers.cookie);
  const token = cookies.get(SESSION_COOKIE);
  if (token) endSession(deps.db, token);
  const clear = [SESSION_COOKIE, KIOSK_COOKIE].map((name) => serializeCookie(name, '', { maxAgeS: 0, secure: facts.https }));
  req.resume();
  if (wantsJson(req)) return sendJson(res, 200, { ok: true }, { 'Set-Cookie': clear });
  redirect(res, '/login?signedOut=1', { 'Set-Cookie': clear });
}
