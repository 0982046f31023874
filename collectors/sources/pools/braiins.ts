/**
 * Braiins Pool (ex-Slush Pool): /accounts/profile/json/btc/ and /accounts/workers/json/btc/ with the
 * SlushPool-Auth-Token header. Hash rates are numbers in `hash_rate_unit` ("Gh/s"), rewards BTC strings
 * (sometimes with more than 8 decimals: "0.000166667"). Both the current schema and the 2021 one parse.
 */
import type { PoolAccountState } from '../../../lib/domain/network';
import { getParsed, joinUrl } from '../http';
import { btcToSats, optionalSats, record, unitToThs } from '../parse';
import { credential, type PoolAdapter } from './types';

type Profile = Omit<PoolAccountState, 'workers'>;
type Worker = PoolAccountState['workers'][number];

/** Profile: ~1 h and 24 h hash rate, unpaid balance and today's reward. */
export function parseBraiinsProfile(json: unknown): Profile {
  const btc = record(record(json, 'braiins profile').btc, 'braiins profile btc');
  const unit = btc.hash_rate_unit;
  // Current schema: current_balance / today_reward. 2021 schema: confirmed + unconfirmed reward, no daily figure.
  const unpaidSats =
    'current_balance' in btc
      ? btcToSats(btc.current_balance, 'braiins current_balance')
      : 'confirmed_reward' in btc
        ? btcToSats(btc.confirmed_reward, 'braiins confirmed_reward') +
          (optionalSats(btc.unconfirmed_reward, 'braiins unconfirmed_reward') ?? 0)
        : null;
  return {
    hashrateThs1h: unitToThs(btc.hash_rate_60m, unit, 'braiins hash_rate_60m'),
    hashrateThs24h: btc.hash_rate_24h === undefined ? null : unitToThs(btc.hash_rate_24h, unit, 'braiins hash_rate_24h'),
    unpaidSats,
    earnedSats24h: optionalSats(btc.today_reward, 'braiins today_reward'),
  };
}

/** Pool-reported worker state: ok/low hash, off/dis(abled) do not. Upper case ("OK") in the 2021 API. */
function onlineOf(state: unknown): boolean | null {
  const s = typeof state === 'string' ? state.toLowerCase() : '';
  return s === 'ok' || s === 'low' ? true : s === 'off' || s === 'dis' ? false : null;
}

/** Workers: `{btc:{workers:{name:{...}}}}` now, a bare `{name:{...}}` map in 2021. ~1 h rate each. */
export function parseBraiinsWorkers(json: unknown): Worker[] {
  const root = record(json, 'braiins workers');
  const map = root.btc !== undefined ? record(record(root.btc, 'braiins workers btc').workers, 'braiins workers btc.workers') : root;
  return Object.entries(map).map(([name, w]) => {
    const o = record(w, `braiins worker ${name}`);
    return {
      name,
      hashrateThs: unitToThs(o.hash_rate_60m, o.hash_rate_unit, `braiins worker ${name} hash_rate_60m`),
      online: onlineOf(o.state),
    };
  });
}

/** The Braiins Pool adapter (credentials: token). */
export const braiinsAdapter: PoolAdapter = {
  kind: 'braiins',
  defaultBaseUrl: 'https://pool.braiins.com',
  credentialKeys: ['token'],
  async fetchAccount(pool, opts) {
    const headers = { ...opts.headers, 'SlushPool-Auth-Token': credential(pool, 'braiins', 'token') };
    // One after the other: the API allows about one request per 5 s and bans abusers.
    const profile = await getParsed(joinUrl(pool.baseUrl, 'accounts/profile/json/btc/'), { ...opts, headers }, parseBraiinsProfile);
    const workers = await getParsed(joinUrl(pool.baseUrl, 'accounts/workers/json/btc/'), { ...opts, headers }, parseBraiinsWorkers);
    return { ...profile, workers };
  },
};
