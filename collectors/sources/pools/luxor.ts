/**
 * Luxor REST v2 [unverified: no real reply was captured; shapes from Luxor's own mock server, see
 * protocols.md section 3]. GET /v2/pool/summary/BTC and /v2/pool/workers/BTC with ?subaccount_names=
 * and the `authorization: <api key>` header. Summary rates are H/s strings; worker rates H/s numbers;
 * revenue and balance are arrays of `{currency_type, revenue}` in BTC.
 */
import type { PoolAccountState } from '../../../lib/domain/network';
import { getParsed, joinUrl } from '../http';
import { btcToSats, hpsToThs, numeric, record, text } from '../parse';
import { credential, type PoolAdapter } from './types';

/** Most worker pages read per refresh (1,000 workers each). */
const MAX_WORKER_PAGES = 10;

function btcSats(x: unknown, what: string): number | null {
  if (!Array.isArray(x)) return null;
  const btc = x.map((e, i) => record(e, `${what}[${i}]`)).filter((e) => e.currency_type === 'BTC');
  return btc.length ? btc.reduce((sum, e) => sum + btcToSats(e.revenue, `${what} revenue`), 0) : null;
}

/** Summary: 1 h and 24 h rates, balance and the last 24 h revenue. */
export function parseLuxorSummary(json: unknown): Omit<PoolAccountState, 'workers'> {
  const o = record(json, 'luxor summary');
  return {
    hashrateThs1h: hpsToThs(o.hashrate_1h, 'luxor hashrate_1h'),
    hashrateThs24h: o.hashrate_24h === undefined ? null : hpsToThs(o.hashrate_24h, 'luxor hashrate_24h'),
    unpaidSats: btcSats(o.balance, 'luxor balance'),
    earnedSats24h: btcSats(o.revenue_24h, 'luxor revenue_24h'),
  };
}

/** One page of workers, and whether another follows. */
export function parseLuxorWorkers(json: unknown): { workers: PoolAccountState['workers']; more: boolean } {
  const o = record(json, 'luxor workers');
  const rows = Array.isArray(o.workers) ? o.workers : [];
  const workers = rows.map((w, i) => {
    const r = record(w, `luxor workers[${i}]`);
    return {
      name: text(r.name, `luxor workers[${i}] name`),
      hashrateThs: numeric(r.hashrate, `luxor workers[${i}] hashrate`) / 1e12,
      online: r.status === 'ACTIVE' ? true : r.status === 'INACTIVE' ? false : null,
    };
  });
  const pagination = o.pagination && typeof o.pagination === 'object' ? (o.pagination as Record<string, unknown>) : {};
  return { workers, more: typeof pagination.next_page_url === 'string' && pagination.next_page_url !== '' };
}

/** The Luxor adapter (credentials: apiKey, subaccount). */
export const luxorAdapter: PoolAdapter = {
  kind: 'luxor',
  defaultBaseUrl: 'https://app.luxor.tech/api',
  credentialKeys: ['apiKey', 'subaccount'],
  async fetchAccount(pool, opts) {
    const headers = { ...opts.headers, authorization: credential(pool, 'luxor', 'apiKey') };
    const sub = encodeURIComponent(credential(pool, 'luxor', 'subaccount'));
    const summary = await getParsed(
      joinUrl(pool.baseUrl, `v2/pool/summary/BTC?subaccount_names=${sub}`),
      { ...opts, headers },
      parseLuxorSummary,
    );
    const workers: PoolAccountState['workers'] = [];
    for (let page = 1; page <= MAX_WORKER_PAGES; page++) {
      const path = `v2/pool/workers/BTC?subaccount_names=${sub}&page_number=${page}&page_size=1000`;
      const reply = await getParsed(joinUrl(pool.baseUrl, path), { ...opts, headers }, parseLuxorWorkers);
      workers.push(...reply.workers);
      if (!reply.more) break;
    }
    return { ...summary, workers };
  },
};
