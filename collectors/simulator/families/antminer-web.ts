/**
 * Simulated Antminer S21 whose cgminer API is switched off: only the stock web UI on HTTP, behind Digest
 * auth (root/root) like lighttpd's mod_auth: 401 + `WWW-Authenticate: Digest realm="antMiner
 * Configuration"` until a request carries a valid Authorization (bodies in ../antminer-web-replies.ts).
 */
import { createHash } from 'node:crypto';
import { webMinerConf, webPools, webStats, webSummary, webSystemInfo } from '../antminer-web-replies';
import type { RigPlan } from '../fleet-plan';
import type { SimFamilyDef, SimHttpReply, SimHttpRequest } from './types';

export const ANTMINER_WEB_REALM = 'antMiner Configuration';
const USER = 'root';
const PASSWORD = 'root';

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

/** The rig's nonce: deterministic (a function of its identity), so a replayed test sees the same one. */
export function antminerWebNonce(rig: RigPlan): string {
  return md5(`antminer-web:${rig.idHash}`);
}

/** unverified: lighttpd's exact challenge and 401/404 page text; realm as protocols.md and public docs give it. */
function challenge(rig: RigPlan): SimHttpReply {
  return {
    status: 401,
    headers: {
      'content-type': 'text/html',
      'www-authenticate': `Digest realm="${ANTMINER_WEB_REALM}", charset="UTF-8", algorithm=MD5, nonce="${antminerWebNonce(rig)}", qop="auth"`,
    },
    body: '<html><head><title>401 Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>\n',
  };
}

/** The parameters of an `Authorization: Digest …` header. */
function digestParams(header: string): Record<string, string> | null {
  const m = /^\s*Digest\s+(.*)$/is.exec(header);
  if (!m) return null;
  const params: Record<string, string> = {};
  for (const p of m[1].matchAll(/([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g)) {
    params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3];
  }
  return params;
}

/** True when the request carries root/root digest credentials for this rig's nonce and this path. */
function authorized(request: SimHttpRequest, rig: RigPlan): boolean {
  const header = request.headers.authorization;
  const p = typeof header === 'string' ? digestParams(header) : null;
  if (!p || p.username !== USER || p.realm !== ANTMINER_WEB_REALM || p.nonce !== antminerWebNonce(rig)) return false;
  if (!p.uri || p.uri.split('?')[0] !== request.path) return false;
  const ha1 = md5(`${USER}:${ANTMINER_WEB_REALM}:${PASSWORD}`);
  const ha2 = md5(`${request.method}:${p.uri}`);
  const expected = p.qop === 'auth' ? md5(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:auth:${ha2}`) : md5(`${ha1}:${p.nonce}:${ha2}`);
  return p.response === expected;
}

export const antminerWebFamily: SimFamilyDef = {
  family: 'antminer-web',
  driver: 'antminer-web',
  protocol: 'http',
  replyHttp(request, rig, state) {
    if (!authorized(request, rig)) return challenge(rig);
    if (request.method === 'GET') {
      switch (request.path) {
        case '/cgi-bin/stats.cgi':
          return { status: 200, body: webStats(rig, state) };
        case '/cgi-bin/summary.cgi':
          return { status: 200, body: webSummary(rig, state) };
        case '/cgi-bin/pools.cgi':
          return { status: 200, body: webPools(rig, state) };
        case '/cgi-bin/get_system_info.cgi':
          return { status: 200, headers: { 'content-type': 'application/json' }, body: webSystemInfo(rig) };
        case '/cgi-bin/get_miner_conf.cgi':
          return { status: 200, headers: { 'content-type': 'application/json' }, body: webMinerConf(rig) };
      }
    }
    return { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>404 Not Found</h1></body></html>\n' };
  },
};
