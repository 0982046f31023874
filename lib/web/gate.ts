/**
 * The one door in front of Next.js: every HTTP request passes here first. It sets the security headers,
 * deletes any principal header a client sent, normalises the path, answers sign-in and sign-out, trades a
 * kiosk link for a cookie, authenticates (Bearer token, session cookie, kiosk cookie), applies the route
 * policy, the role, the kiosk limits and the CSRF check, and hands the principal (and the origin the
 * browser addressed) to Next in headers.
 * socket.io connections are checked by `authenticateUpgrade` with the same credentials.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { KIOSK_COOKIE, SESSION_COOKIE, parseCookies, serializeCookie } from '../auth/cookies';
import { csrfProblem } from '../auth/csrf';
import { PRINCIPAL_HEADER, encodePrincipal } from '../auth/principal-header';
import { can } from '../auth/roles';
import { kioskMayReach, requirementFor } from '../auth/route-policy';
import { sameOriginPath } from '../auth/same-origin-path';
import { newScriptNonce, securityHeaders } from '../auth/security-headers';
import { tokenKind } from '../auth/tokens';
import type { Db } from '../db/client';
import { markTokenUsed, renewSession } from '../db/mutations/users';
import type { Authenticated } from '../auth/roles';
import { authenticate } from '../db/queries/users';
import { handleLogin, handleLogout } from './auth-endpoints';
import { refuseDeclaredOversizedBody } from './body-limits';
import { redirect, sendJson, sendPage } from './replies';
import { storageReplyFor } from './storage-reply';
import { CLIENT_ADDRESS_HEADER, ORIGIN_HEADER, requestFacts, type RequestFacts } from './request-facts';
import type { WebConfig } from '../config/web';

export interface GateDeps {
  db: Db;
  web: WebConfig;
  dev: boolean;
  /** HASHWATT_PUBLIC_URL: an origin browsers may also send. */
  publicUrl: string | null;
  now?: () => number;
}

/** What authenticated a request, or why it failed. */
type Credential = { principal: Authenticated; cookie: boolean; sessionToken?: string } | { principal: null; error: string | null };

/** Answered as an API (JSON errors, 401 rather than a redirect to the sign-in page): /api/ and the Prometheus scrape target. */
const isApi = (path: string) => path.startsWith('/api/') || path === '/metrics';

/** How often a session in use is renewed (each renewal is one write). */
export const SESSION_RENEW_EVERY_MS = 3_600_000;

export function createGate(deps: GateDeps) {
  const now = deps.now ?? Date.now;
  const authDeps = { db: deps.db, session: deps.web.session, now };
  const publicOrigin = deps.publicUrl ? new URL(deps.publicUrl).origin : null;
  /** Origins a browser on this site sends: the one the request was addressed to, and HASHWATT_PUBLIC_URL's. */
  const originsFor = (facts: RequestFacts) => (publicOrigin ? [facts.origin, publicOrigin] : [facts.origin]);
  const tokenUsedAt = new Map<number, number>();

  const factsOf = (req: IncomingMessage): RequestFacts =>
    requestFacts(
      { remoteAddress: req.socket.remoteAddress, encrypted: (req.socket as TLSSocket).encrypted === true, headers: req.headers },
      deps.web.trustedProxies,
    );

  function check(token: string): Authenticated | null {
    const who = authenticate(deps.db, token, now(), deps.web.session.maxAgeMs);
    if (who?.tokenId != null && now() - (tokenUsedAt.get(who.tokenId) ?? 0) > 60_000) {
      tokenUsedAt.set(who.tokenId, now());
      try {
        markTokenUsed(deps.db, who.tokenId, now());
      } catch (err) {
        // "Last used" is a convenience: a busy database must not refuse (or crash) the request.
        console.error(`web: could not record the use of token ${who.tokenId}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return who;
  }

  /** Bearer header first (a wrong one is an error, never a fallback), then the session, then the kiosk cookie. */
  function credential(req: IncomingMessage): Credential {
    const authz = req.headers.authorization;
    if (authz !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      if (!m) return { principal: null, error: 'the Authorization header must be "Bearer <token>"' };
      const who = tokenKind(m[1]) === 'sess' ? null : check(m[1]);
      return who ? { principal: who, cookie: false } : { principal: null, error: 'the Bearer token is unknown, revoked or malformed' };
    }
    const cookies = parseCookies(req.headers.cookie);
    for (const name of [SESSION_COOKIE, KIOSK_COOKIE]) {
      const value = cookies.get(name);
      const who = value ? check(value) : null;
      if (who && (name === SESSION_COOKIE) === (who.via === 'session'))
        return { principal: who, cookie: true, sessionToken: who.via === 'session' ? value : undefined };
    }
    return { principal: null, error: null };
  }

  function deny(req: IncomingMessage, res: ServerResponse, path: string, status: number, error: string) {
    if (isApi(path) || req.method !== 'GET') return sendJson(res, status, { ok: false, error });
    return sendPage(res, status, status === 401 ? 'Sign in needed' : 'Not allowed', error);
  }

  /** Trades `?kiosk=<token>` for a cookie and redirects to the same URL without it. */
  function exchangeKiosk(req: IncomingMessage, res: ServerResponse, url: URL, facts: RequestFacts) {
    const token = url.searchParams.get('kiosk') ?? '';
    const who = tokenKind(token) === 'kiosk' ? check(token) : null;
    if (!who)
      return sendPage(
        res,
        401,
        'Kiosk link not valid',
        'This kiosk link was revoked or mistyped. Ask an admin for a new one (Settings → Users & tokens).',
      );
    url.searchParams.delete('kiosk');
    const cookie = serializeCookie(KIOSK_COOKIE, token, { maxAgeS: 400 * 86_400, secure: facts.https });
    // Only to a path on this site: `/.//evil/x?kiosk=` parses to the path `//evil/x`, another host to a browser.
    redirect(res, sameOriginPath(`${url.pathname}${url.search}`) ?? '/wall', { 'Set-Cookie': cookie });
  }

  /**
   * A session in use lasts another full term, up to its absolute lifetime: renewed at most hourly, in the
   * database and the cookie.
   */
  function renewSessionCookie(token: string, res: ServerResponse, facts: RequestFacts) {
    const nowMs = now();
    let expiresAtMs: number | null;
    try {
      expiresAtMs = renewSession(deps.db, token, nowMs, deps.web.session, SESSION_RENEW_EVERY_MS);
    } catch (err) {
      console.error(`web: could not renew a session: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (expiresAtMs === null) return;
    res.appendHeader(
      'Set-Cookie',
      serializeCookie(SESSION_COOKIE, token, { maxAgeS: Math.max(1, Math.floor((expiresAtMs - nowMs) / 1000)), secure: facts.https }),
    );
  }

  /** True when the request was answered here; false when Next should handle it (principal attached). */
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const facts = factsOf(req);
    const headers = securityHeaders({ https: facts.https, dev: deps.dev, scriptNonce: newScriptNonce(), origin: facts.origin });
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    // Next.js takes the nonce for its inline scripts from the request's CSP: ours, never one a client sent.
    req.headers['content-security-policy'] = headers['Content-Security-Policy'];
    delete req.headers['content-security-policy-report-only'];
    delete req.headers[PRINCIPAL_HEADER];
    req.headers[ORIGIN_HEADER] = facts.origin;
    req.headers[CLIENT_ADDRESS_HEADER] = facts.clientAddress;
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://hashwatt.invalid');
    } catch {
      sendJson(res, 400, { ok: false, error: 'malformed request URL' });
      return true;
    }
    const path = url.pathname;
    req.url = `${path}${url.search}`; // Next routes exactly what was checked
    const method = (req.method ?? 'GET').toUpperCase();
    if (refuseDeclaredOversizedBody(req, res, method, path)) return true; // before anything reads the body
    const allowedOrigins = originsFor(facts);
    const csrf = (cookie: boolean) =>
      cookie
        ? csrfProblem({
            method,
            origin: req.headers.origin,
            referer: req.headers.referer,
            secFetchSite: req.headers['sec-fetch-site'] as string | undefined,
            allowedOrigins,
          })
        : null;

    if (method === 'POST' && path === '/api/auth/login') {
      const problem = req.headers.origin || req.headers.referer ? csrf(true) : null;
      if (problem) sendJson(res, 403, { ok: false, error: problem });
      else await handleLogin(req, res, facts, authDeps);
      return true;
    }
    if (method === 'GET' && url.searchParams.has('kiosk')) {
      exchangeKiosk(req, res, url, facts);
      return true;
    }
    const cred = credential(req);
    const requirement = requirementFor(method, path);
    if (cred.principal === null) {
      if (requirement === 'public' && cred.error === null) return false;
      if (cred.error) deny(req, res, path, 401, cred.error);
      else if (method === 'GET' && !isApi(path) && !path.startsWith('/_next/')) redirect(res, `/login?next=${encodeURIComponent(req.url)}`);
      else
        deny(
          req,
          res,
          path,
          401,
          'sign in required: send a session cookie (POST /api/auth/login) or an "Authorization: Bearer <token>" header',
        );
      return true;
    }
    const who = cred.principal;
    if (cred.sessionToken) renewSessionCookie(cred.sessionToken, res, facts);
    const problem = csrf(cred.cookie);
    if (problem) {
      deny(req, res, path, 403, problem);
      return true;
    }
    if (method === 'POST' && path === '/api/auth/logout') {
      handleLogout(req, res, facts, authDeps);
      return true;
    }
    if (who.role === 'kiosk' && requirement !== 'public' && !kioskMayReach(method, path)) {
      if (method === 'GET' && !isApi(path)) redirect(res, '/wall');
      else deny(req, res, path, 403, 'a kiosk token only shows the wall display');
      return true;
    }
    if (requirement !== 'public' && !can(who, requirement)) {
      deny(
        req,
        res,
        path,
        403,
        `${who.name} (${who.role}) may not ${requirement === 'read' ? 'read this' : requirement.replace('-', ' ')}: ask an admin`,
      );
      return true;
    }
    req.headers[PRINCIPAL_HEADER] = encodePrincipal(who);
    return false;
  }

  /** The principal of a socket.io handshake (cookies or Bearer), or why it is refused. */
  function authenticateUpgrade(req: IncomingMessage): { principal: Authenticated } | { error: string; retryable?: true } {
    let cred: Credential;
    try {
      cred = credential(req);
    } catch (err) {
      // Called from socket.io's handshake and timers: an error here must refuse, never crash the process.
      // A storage fault (busy, full...) says so, and is no reason to drop a socket that is already open.
      const storage = storageReplyFor(err, deps.db);
      if (storage) return { error: storage.error, retryable: true };
      return { error: `authentication failed: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (!cred.principal) return { error: cred.error ?? 'sign in required' };
    const problem = cred.cookie
      ? csrfProblem({
          method: 'POST',
          origin: req.headers.origin,
          referer: undefined,
          secFetchSite: undefined,
          allowedOrigins: originsFor(factsOf(req)),
        })
      : null;
    if (problem && req.headers.origin) return { error: problem };
    return { principal: cred.principal };
  }

  return { handle, authenticateUpgrade, credential };
}

export type Gate = ReturnType<typeof createGate>;
