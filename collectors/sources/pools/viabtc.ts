/**
 * ViaBTC: GET /res/openapi/v1/hashrate[/group/{id}] with the X-API-KEY header; `{code, data, message}`
 * envelope, hash rates as strings in H/s. Only the group endpoint is captured; the account endpoint is
 * assumed to carry the same hashrate_* fields [unverified]. No worker list or earnings here.
 */
import type { PoolAccountState } from '../../../lib/domain/network';
import { getParsed, joinUrl, SourceError } from '../http';
import { hpsToThs, optionalNumeric, record } from '../parse';
import { credential, type PoolAdapter } from './types';

/** The data of a `{code, data, message}` reply, or a SourceError with the pool's message when code != 0. */
export function viabtcData(json: unknown): Record<string, unknown> {
  const o = record(json, 'viabtc reply');
  const code = optionalNumeric(o.code, 'viabtc code');
  if (code !== 0) throw new SourceError('unexpected', `viabtc: code ${code ?? 'missing'}: ${String(o.message ?? '')}`);
  return record(o.data, 'viabtc data');
}

/** Hash rate reply (group or account): 1 h and 24 h rates. */
export function parseViabtcHashrate(json: unknown): PoolAccountState {
  const d = viabtcData(json);
  return {
    hashrateThs1h: hpsToThs(d.hashrate_1hour, 'viabtc hashrate_1hour'),
    hashrateThs24h: d.hashrate_24hour === undefined ? null : hpsToThs(d.hashrate_24hour, 'viabtc hashrate_24hour'),
    workers: [],
    unpaidSats: null,
    earnedSats24h: null,
  };
}

/** The ViaBTC adapter (credentials: apiKey, optional groupId). */
export const viabtcAdapter: PoolAdapter = {
  kind: 'viabtc',
  defaultBaseUrl: 'https://www.viabtc.net',
  credentialKeys: ['apiKey'],
  async fetchAccount(pool, opts) {
    const apiKey = credential(pool, 'viabtc', 'apiKey');
    const group = pool.credentials.groupId?.trim();
    const path = group ? `res/openapi/v1/hashrate/group/${encodeURIComponent(group)}` : 'res/openapi/v1/hashrate?coin=BTC';
    return getParsed(joinUrl(pool.baseUrl, path), { ...opts, headers: { ...opts.headers, 'X-API-KEY': apiKey } }, parseViabtcHashrate);
  },
};
