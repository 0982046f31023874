/**
 * AntPool: POST /api/accountOverview.htm, form-encoded, signed with HMAC-SHA256(secret, userId + key +
 * nonce) in upper-case hex. `{code, message, data}`; hsLast* are H/s strings, amounts BTC strings.
 * The endpoint path and form fields follow public client code [unverified against a live account].
 */
import { createHmac } from 'node:crypto';
import type { PoolAccountState } from '../../../lib/domain/network';
import { joinUrl, locate, postJson, redactUrl, SourceError } from '../http';
import { hpsToThs, optionalNumeric, optionalSats, record } from '../parse';
import { credential, type PoolAdapter } from './types';

/** accountOverview: 1 h and 1 d rates, unpaid balance and yesterday's earnings (the closest to 24 h). */
export function parseAntpoolOverview(json: unknown): PoolAccountState {
  const o = record(json, 'antpool reply');
  const code = optionalNumeric(o.code, 'antpool code');
  if (code !== 0) throw new SourceError('unexpected', `antpool: code ${code ?? 'missing'}: ${String(o.message ?? '')}`);
  const d = record(o.data, 'antpool data');
  return {
    hashrateThs1h: hpsToThs(d.hsLast1h, 'antpool hsLast1h'),
    hashrateThs24h: d.hsLast1d === undefined ? null : hpsToThs(d.hsLast1d, 'antpool hsLast1d'),
    workers: [],
    unpaidSats: optionalSats(d.unpaidAmount, 'antpool unpaidAmount'),
    earnedSats24h: optionalSats(d.yesterdayAmount, 'antpool yesterdayAmount'),
  };
}

/** The request signature AntPool expects. */
export function antpoolSignature(userId: string, apiKey: string, secret: string, nonce: number): string {
  return createHmac('sha256', secret).update(`${userId}${apiKey}${nonce}`).digest('hex').toUpperCase();
}

/** The AntPool adapter (credentials: userId, apiKey, apiSecret). */
export const antpoolAdapter: PoolAdapter = {
  kind: 'antpool',
  defaultBaseUrl: 'https://antpool.com',
  credentialKeys: ['userId', 'apiKey', 'apiSecret'],
  async fetchAccount(pool, opts) {
    const userId = credential(pool, 'antpool', 'userId');
    const key = credential(pool, 'antpool', 'apiKey');
    const nonce = opts.nowMs; // must grow from call to call; the clock does
    const signature = antpoolSignature(userId, key, credential(pool, 'antpool', 'apiSecret'), nonce);
    const form = new URLSearchParams({ key, nonce: String(nonce), signature, userId, coin_type: 'BTC' }).toString();
    const url = joinUrl(pool.baseUrl, 'api/accountOverview.htm');
    const reply = await postJson(url, form, { ...opts, contentType: 'application/x-www-form-urlencoded' });
    return locate(`POST ${redactUrl(url)}`, () => parseAntpoolOverview(reply));
  },
};
