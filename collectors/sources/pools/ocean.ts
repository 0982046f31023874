/**
 * OCEAN: GET /v1/statsnap/{btc address}, public by address. Every value is a string (H/s, BTC, unix s);
 * errors come as `{"error": "..."}`. statsnap has no per-worker list (that is /v1/user_hashrate_full,
 * not captured), so workers stay empty. OCEAN pays by TIDES when it finds blocks: no daily earnings figure.
 */
import type { PoolAccountState } from '../../../lib/domain/network';
import { getParsed, joinUrl, SourceError } from '../http';
import { hpsToThs, optionalSats, record, unexpected } from '../parse';
import { credential, type PoolAdapter } from './types';

// Longest window first that is still "about an hour"; the captured statsnap only has 60 s and 300 s.
const ONE_HOUR_FIELDS = ['hashrate_3600s', 'hashrate_10800s', 'hashrate_600s', 'hashrate_300s', 'hashrate_60s'];

/** statsnap `{result:{...}}` or the error envelope (a SourceError carrying OCEAN's message). */
export function parseOceanStatsnap(json: unknown): PoolAccountState {
  const o = record(json, 'ocean statsnap');
  if (typeof o.error === 'string') throw new SourceError('unexpected', `ocean: ${o.error}`);
  const r = record(o.result, 'ocean statsnap result');
  const field = ONE_HOUR_FIELDS.find((f) => r[f] !== undefined && r[f] !== null) ?? unexpected('ocean statsnap has no hashrate_* field');
  return {
    hashrateThs1h: hpsToThs(r[field], `ocean ${field}`),
    hashrateThs24h: r.hashrate_86400s === undefined ? null : hpsToThs(r.hashrate_86400s, 'ocean hashrate_86400s'),
    workers: [],
    unpaidSats: optionalSats(r.unpaid, 'ocean unpaid'),
    earnedSats24h: null,
  };
}

/** The OCEAN adapter (credentials: address). */
export const oceanAdapter: PoolAdapter = {
  kind: 'ocean',
  defaultBaseUrl: 'https://api.ocean.xyz',
  credentialKeys: ['address'],
  async fetchAccount(pool, opts) {
    const address = encodeURIComponent(credential(pool, 'ocean', 'address'));
    return getParsed(joinUrl(pool.baseUrl, `v1/statsnap/${address}`), opts, parseOceanStatsnap);
  },
};
