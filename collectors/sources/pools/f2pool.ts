/**
 * F2Pool legacy v1 API: GET /bitcoin/{user}. Workers are positional arrays
 * [name, hashrate, 1 h hashrate, 1 h stale, 24 h hashes, 24 h stale, last share, extra]; amounts are JSON
 * numbers in BTC with more digits than a double holds. The v2 API (POST + F2P-API-SECRET) has no capture
 * and is not implemented.
 */
import type { PoolAccountState } from '../../../lib/domain/network';
import { getParsed, joinUrl } from '../http';
import { numeric, optionalNumeric, optionalSats, record, text, unexpected } from '../parse';
import { credential, type PoolAdapter } from './types';

/** `/bitcoin/{user}`: account rates from hashes counted over the last hour and day. */
export function parseF2poolV1User(json: unknown): PoolAccountState {
  const o = record(json, 'f2pool user');
  const hashesHour = optionalNumeric(o.hashes_last_hour, 'f2pool hashes_last_hour');
  const hashesDay = optionalNumeric(o.hashes_last_day, 'f2pool hashes_last_day');
  const rows = Array.isArray(o.workers) ? o.workers : o.workers === undefined ? [] : unexpected('f2pool workers is not an array');
  const workers = rows.map((row, i) => {
    if (!Array.isArray(row) || row.length < 3) unexpected(`f2pool workers[${i}] is not [name, hashrate, 1h hashrate, ...]`);
    return {
      name: text(row[0], `f2pool workers[${i}] name`),
      hashrateThs: numeric(row[2], `f2pool workers[${i}] 1h hashrate`) / 1e12,
      // No state field: a worker hashing right now is online.
      online: numeric(row[1], `f2pool workers[${i}] hashrate`) > 0,
    };
  });
  return {
    hashrateThs1h: hashesHour === null ? numeric(o.hashrate, 'f2pool hashrate') / 1e12 : hashesHour / 3600 / 1e12,
    hashrateThs24h: hashesDay === null ? null : hashesDay / 86400 / 1e12,
    workers,
    unpaidSats: optionalSats(o.balance, 'f2pool balance'),
    earnedSats24h: optionalSats(o.value_last_day, 'f2pool value_last_day'),
  };
}

/** The F2Pool adapter (credentials: user). */
export const f2poolAdapter: PoolAdapter = {
  kind: 'f2pool',
  defaultBaseUrl: 'https://api.f2pool.com',
  credentialKeys: ['user'],
  async fetchAccount(pool, opts) {
    const user = encodeURIComponent(credential(pool, 'f2pool', 'user'));
    return getParsed(joinUrl(pool.baseUrl, `bitcoin/${user}`), opts, parseF2poolV1User);
  },
};
