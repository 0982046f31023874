/**
 * POST /api/auth/login and /api/auth/logout, answered by the web server itself (plain node:http) so the
 * limiter, the session cookie and the password check live beside the gate. Both accept JSON (answer
 * JSON) or the login page's HTML form (answer with a redirect), so signing in works without JavaScript.
 * A successful sign-in whose stored hash is weaker than today's cost stores a new one of the same password.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KIOSK_COOKIE, SESSION_COOKIE, parseCookies, serializeCookie } from '../auth/cookies';
import { parseLoginBody } from '../auth/login-input';
import { hashPassword, needsRehash } from '../auth/password';
import type { SessionLifetime } from '../auth/session-lifetime';
import type { Db } from '../db/client';
import { createSession, endSession, replacePasswordHash } from '../db/mutations/users';
import { getUserByName } from '../db/queries/users';
import type { UserRow } from '../db/schema';
import { bodyLimitFor } from './body-limits';
import { limitedPasswordCheck, refusalMessage } from './limited-password-check';
import { readSmallBody, redirect, sendJson } from './replies';
import type { RequestFacts } from './request-facts';

export interface AuthEndpointDeps {
  db: Db;
  session: SessionLifetime;
  now: () => number;
}

const wantsJson = (req: IncomingMessage) => (req.headers['content-type'] ?? '').startsWith('application/json');

function loginFailed(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  error: string,
  code: string,
  next: string,
  headers: Record<string, string> = {},
) {
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
  const user = getUserByName(deps.db, input.name);
  const check = await limitedPasswordCheck(
    deps.db,
    { kind: 'login', name: input.name, clientAddress: facts.clientAddress },
    input.password,
    user && !user.disabled ? user.passwordHash : null,
    deps.now,
  );
  if (check.outcome === 'refused') {
    return loginFailed(req, res, 429, refusalMessage(check, 'sign-ins'), check.reason === 'busy' ? 'busy' : 'rate', input.next, {
      'Retry-After': String(check.retryAfterS),
    });
  }
  if (check.outcome === 'wrong' || !user) return loginFailed(req, res, 401, 'wrong user name or password', 'invalid', input.next);
  await rehashIfWeaker(deps.db, user, input.password);
  const nowMs = deps.now();
  const token = createSession(deps.db, user.id, nowMs, deps.session);
  const cookie = serializeCookie(SESSION_COOKIE, token, {
    maxAgeS: Math.min(deps.session.idleMs, deps.session.maxAgeMs) / 1000,
    secure: facts.https,
  });
  if (wantsJson(req)) return sendJson(res, 200, { ok: true, user: { name: user.name, role: user.role } }, { 'Set-Cookie': cookie });
  redirect(res, input.next, { 'Set-Cookie': cookie });
}

/** Stores the password again at today's cost when its hash was made with less; a failure only costs a log line. */
async function rehashIfWeaker(db: Db, user: UserRow, password: string): Promise<void> {
  if (!needsRehash(user.passwordHash)) return;
  try {
    if (replacePasswordHash(db, user.id, user.passwordHash, await hashPassword(password)))
      console.log(`web: password hash of ${user.name} raised to today's cost`);
  } catch (err) {
    console.error(`web: could not raise the password hash of ${user.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
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
