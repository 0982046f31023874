/**
 * HTTP Digest authentication (RFC 7616, and RFC 2617/2069 as lighttpd speaks it) over the device HTTP
 * transport: the Antminer web UI answers every CGI with 401 + `WWW-Authenticate: Digest realm="antMiner
 * Configuration", nonce=…, qop="auth"` until the request carries a matching Authorization header.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { DeviceError, type DeviceCredentials, type PollTarget } from '../types';
import { describeUrl, deviceHttp, type DeviceHttpReply, type DeviceHttpRequest } from './client';

/** What an Antminer web UI accepts out of the box (protocols.md §1.3, pyasic web/antminer.py). */
export const ANTMINER_DEFAULT_CREDENTIALS: DeviceCredentials = { username: 'root', password: 'root' };

/** One Digest challenge from a WWW-Authenticate header. */
export interface DigestChallenge {
  realm: string;
  nonce: string;
  /** Offered qop values, lower-cased ([] for an RFC 2069 server). */
  qop: string[];
  opaque: string | null;
  /** "MD5" unless the server says otherwise; also "MD5-sess", "SHA-256", "SHA-256-sess". */
  algorithm: string;
  stale: boolean;
}

const HASHES: Record<string, 'md5' | 'sha256'> = { MD5: 'md5', 'SHA-256': 'sha256' };

/**
 * The Digest challenge in a WWW-Authenticate value (which may list several schemes, e.g. `Basic realm="x",
 * Digest realm="y", nonce="z"`), or null when there is none or it has no nonce.
 */
export function parseDigestChallenge(header: string | string[] | null | undefined): DigestChallenge | null {
  const text = Array.isArray(header) ? header.join(', ') : header;
  if (!text) return null;
  const start = /(?:^|[\s,])Digest\s+/i.exec(text);
  if (!start) return null;
  const params: Record<string, string> = {};
  const param = /\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]*))\s*(?:,|$)/y;
  param.lastIndex = start.index + start[0].length;
  for (let m = param.exec(text); m; m = param.exec(text)) {
    params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
    if (param.lastIndex >= text.length) break;
  }
  if (!params.nonce) return null;
  return {
    realm: params.realm ?? '',
    nonce: params.nonce,
    qop: (params.qop ?? '')
      .split(',')
      .map((q) => q.trim().toLowerCase())
      .filter(Boolean),
    opaque: params.opaque ?? null,
    algorithm: params.algorithm ?? 'MD5',
    stale: (params.stale ?? '').toLowerCase() === 'true',
  };
}

/** What one Authorization header is computed from. */
export interface DigestInput {
  username: string;
  password: string;
  method: string;
  /** Request-URI exactly as sent (path and query). */
  uri: string;
  challenge: DigestChallenge;
  /** Request counter for this nonce, 1 for the first use. */
  nc: number;
  cnonce: string;
}

/** The `response` value: RFC 7616 §3.4.1 (qop=auth) or RFC 2069 (no qop). Throws 'auth' for what it cannot do. */
export function digestResponse(x: DigestInput): string {
  const sess = /-sess$/i.test(x.challenge.algorithm);
  const hashName = HASHES[x.challenge.algorithm.toUpperCase().replace(/-SESS$/, '')];
  if (!hashName) throw new DeviceError('auth', `digest algorithm "${x.challenge.algorithm}" is not supported`);
  const h = (s: string) => createHash(hashName).update(s, 'utf8').digest('hex');
  let ha1 = h(`${x.username}:${x.challenge.realm}:${x.password}`);
  if (sess) ha1 = h(`${ha1}:${x.challenge.nonce}:${x.cnonce}`);
  const ha2 = h(`${x.method}:${x.uri}`);
  if (x.challenge.qop.length === 0) return h(`${ha1}:${x.challenge.nonce}:${ha2}`);
  if (!x.challenge.qop.includes('auth')) {
    throw new DeviceError('auth', `digest qop "${x.challenge.qop.join(',')}" is not supported (only "auth")`);
  }
  return h(`${ha1}:${x.challenge.nonce}:${ncHex(x.nc)}:${x.cnonce}:auth:${ha2}`);
}

/** The Authorization header value for one request. */
export function digestAuthorization(x: DigestInput): string {
  const q = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;
  const parts = [
    `username=${q(x.username)}`,
    `realm=${q(x.challenge.realm)}`,
    `nonce=${q(x.challenge.nonce)}`,
    `uri=${q(x.uri)}`,
    `algorithm=${x.challenge.algorithm}`,
    `response=${q(digestResponse(x))}`,
  ];
  if (x.challenge.qop.length > 0) parts.push('qop=auth', `nc=${ncHex(x.nc)}`, `cnonce=${q(x.cnonce)}`);
  if (x.challenge.opaque !== null) parts.push(`opaque=${q(x.challenge.opaque)}`);
  return `Digest ${parts.join(', ')}`;
}

function ncHex(nc: number): string {
  return nc.toString(16).padStart(8, '0');
}

function wwwAuthenticate(headers: IncomingHttpHeaders): string | null {
  const v = headers['www-authenticate'];
  return Array.isArray(v) ? v.join(', ') : (v ?? null);
}

/** Digest challenges one session answers: the first, and one fresh nonce when the first expires mid-poll. */
export const MAX_DIGEST_CHALLENGES = 2;

/**
 * Requests to one device with Digest auth: the first request goes out bare; a 401 with a Digest challenge
 * is retried once with an Authorization header, and later requests reuse that nonce (nc counting up) so a
 * poll of several CGIs costs one extra round trip, not one per CGI. A 401 to an authorized request is
 * DeviceError 'auth'; a 401 without a Digest challenge is returned for the caller to judge. A session
 * answers at most MAX_DIGEST_CHALLENGES challenges, so a device that challenges every request cannot
 * double a poll's requests (and its time).
 */
export class DigestSession {
  private challenge: DigestChallenge | null = null;
  private nc = 0;
  private challengesAnswered = 0;
  private readonly credentials: DeviceCredentials;

  constructor(
    private readonly target: PollTarget,
    defaults: DeviceCredentials = ANTMINER_DEFAULT_CREDENTIALS,
    private readonly cnonce: () => string = () => randomBytes(8).toString('hex'),
  ) {
    this.credentials = target.credentials ?? defaults;
  }

  /** Sends `req` (retrying once on a Digest 401); resolves with the final reply of any status but 401-after-auth. */
  async request(req: DeviceHttpRequest): Promise<DeviceHttpReply> {
    const first = await deviceHttp(this.target, this.withAuth(req));
    if (first.status !== 401) return first;
    const challenge = parseDigestChallenge(wwwAuthenticate(first.headers));
    if (!challenge) return first;
    if (this.challengesAnswered >= MAX_DIGEST_CHALLENGES) {
      throw new DeviceError(
        'auth',
        `${describeUrl(this.target, req.path)} asked for digest credentials again after ${MAX_DIGEST_CHALLENGES} challenges in one poll`,
      );
    }
    this.challengesAnswered += 1;
    this.challenge = challenge;
    this.nc = 0;
    const second = await deviceHttp(this.target, this.withAuth(req));
    if (second.status === 401) {
      const url = describeUrl(this.target, req.path);
      throw new DeviceError(
        'auth',
        `${url} rejected the digest credentials of user "${this.credentials.username}" (HTTP 401, realm "${challenge.realm}")`,
      );
    }
    return second;
  }

  private withAuth(req: DeviceHttpRequest): DeviceHttpRequest {
    if (!this.challenge) return req;
    this.nc += 1;
    const authorization = digestAuthorization({
      ...this.credentials,
      method: req.method ?? 'GET',
      uri: req.path,
      challenge: this.challenge,
      nc: this.nc,
      cnonce: this.cnonce(),
    });
    return { ...req, headers: { ...req.headers, authorization } };
  }
}
