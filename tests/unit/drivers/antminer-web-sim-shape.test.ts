/**
 * The simulated Antminer web UI bodies have the shape of the captures (keys, order, types, units), and the
 * family answers only digest-authorized requests (root/root, its own nonce, the request's path).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../support/driver-fixtures';
import { parseJsonReply } from '../../../collectors/drivers/http/client';
import { digestAuthorization, parseDigestChallenge } from '../../../collectors/drivers/http/digest';
import { planFleet } from '../../../collectors/simulator/fleet-plan';
import { replyHttp } from '../../../collectors/simulator/respond';
import type { SimHttpReply } from '../../../collectors/simulator/families/types';

const T0 = Date.UTC(2025, 0, 1);
const rig = planFleet({ miners: 1, mix: ['antminer-web-s21'], subnet: '127.0.112' })[0];

function get(path: string, authorization?: string): SimHttpReply {
  return replyHttp(
    { method: 'GET', path, query: new URLSearchParams(), headers: authorization ? { authorization } : {}, body: '' },
    rig,
    7,
    T0,
  );
}

function authorized(path: string, password = 'root', nonceOverride?: string): SimHttpReply {
  const challenge = parseDigestChallenge(get(path).headers!['www-authenticate'])!;
  const c = nonceOverride ? { ...challenge, nonce: nonceOverride } : challenge;
  return get(path, digestAuthorization({ username: 'root', password, method: 'GET', uri: path, challenge: c, nc: 1, cnonce: 'abcd' }));
}

const body = (r: SimHttpReply) =>
  typeof r.body === 'string' ? parseJsonReply({ status: r.status, headers: {}, text: r.body }, 'GET', 'sim') : r.body;

function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? [shape(v[0])] : [];
  if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => [k, shape(x)]);
  return typeof v;
}

describe('simulated Antminer web UI bodies are shaped like the captures', () => {
  it('stats.cgi like antminer-s19proplus-http-stats.cgi.json (STATUS.STATUS "S" where the capture was edited to "string")', () => {
    const cap = JSON.parse(fixtureText('antminer-s19proplus-http-stats.cgi.json'));
    const sim = body(authorized('/cgi-bin/stats.cgi')) as typeof cap;
    expect(shape(sim)).toEqual(shape(cap));
    expect(sim.STATUS.STATUS).toBe('S');
    expect(sim.STATS[0].rate_unit).toBe('GH/s');
    expect(sim.STATS[0].rate_ideal).toBe(200000); // GH/s for the S21's 200 TH/s
  });

  it('summary.cgi like antminer-s21-http-summary.cgi.json', () => {
    const cap = JSON.parse(fixtureText('antminer-s21-http-summary.cgi.json'));
    const sim = body(authorized('/cgi-bin/summary.cgi')) as typeof cap;
    expect(shape(sim)).toEqual(shape(cap));
    expect(sim.INFO).toEqual(cap.INFO);
  });

  it("get_system_info.cgi and get_miner_conf.cgi keep the captures' keys and text layout", () => {
    const info = authorized('/cgi-bin/get_system_info.cgi').body as string;
    const capInfo = fixtureText('antminer-s19pro-http-get_system_info.cgi.json');
    expect(Object.keys(JSON.parse(info))).toEqual(Object.keys(JSON.parse(capInfo)));
    expect(info.split('\n')[1]).toBe('"minertype":"Antminer S21",');
    const conf = authorized('/cgi-bin/get_miner_conf.cgi').body as string;
    const capConf = fixtureText('antminer-s19-http-get_miner_conf.cgi.json');
    expect(shape(body({ status: 200, body: conf }))).toEqual(shape(body({ status: 200, body: capConf })));
    expect(conf.slice(0, 20)).toBe(capConf.slice(0, 20));
    expect(conf.endsWith('"bitmain-freq-level" : "100"\n}\n')).toBe(true);
  });

  it('pools.cgi lists the site pools with lower-case keys', () => {
    const sim = body(authorized('/cgi-bin/pools.cgi')) as { POOLS: Array<Record<string, unknown>> };
    expect(sim.POOLS.map((p) => p.url)).toEqual(rig.site.poolUrls);
    expect(Object.keys(sim.POOLS[0]).slice(0, 8)).toEqual([
      'index',
      'url',
      'user',
      'status',
      'priority',
      'getworks',
      'accepted',
      'rejected',
    ]);
  });
});

describe('simulated digest auth', () => {
  const md5 = (s: string) => createHash('md5').update(s).digest('hex');

  it('401 with the antMiner challenge and a deterministic nonce without credentials', () => {
    const r = get('/cgi-bin/stats.cgi');
    expect(r.status).toBe(401);
    expect(parseDigestChallenge(r.headers!['www-authenticate'])).toMatchObject({
      realm: 'antMiner Configuration',
      qop: ['auth'],
      algorithm: 'MD5',
    });
    expect(get('/cgi-bin/stats.cgi').headers!['www-authenticate']).toBe(r.headers!['www-authenticate']);
  });

  it('200 only for the right password, nonce and path', () => {
    expect(authorized('/cgi-bin/summary.cgi').status).toBe(200);
    expect(authorized('/cgi-bin/summary.cgi', 'admin').status).toBe(401);
    expect(authorized('/cgi-bin/summary.cgi', 'root', md5('other')).status).toBe(401);
    const forStats = parseDigestChallenge(get('/x').headers!['www-authenticate'])!;
    const header = digestAuthorization({
      username: 'root',
      password: 'root',
      method: 'GET',
      uri: '/cgi-bin/stats.cgi',
      challenge: forStats,
      nc: 1,
      cnonce: 'a',
    });
    expect(get('/cgi-bin/pools.cgi', header).status).toBe(401);
    expect(authorized('/cgi-bin/unknown.cgi').status).toBe(404);
  });
});
