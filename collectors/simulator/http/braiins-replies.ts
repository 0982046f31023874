/**
 * Replies of the demo's Braiins-Pool-compatible API (current schema of the captures in
 * shared/fixtures/pool): each worker reports the rig's hash rate less a small gap (stale and rejected
 * shares, 1-3 %), as a real pool does. Rates in Gh/s, rewards as BTC strings.
 */
import { hash32, smoothNoise, unit } from '../prng';

/** Hash rate of each worker ("account.rig") as the rigs report it, TH/s. */
export type WorkerRates = ReadonlyMap<string, number>;

const S_GAP = 201,
  S_5M = 202;
/** Net earnings per TH/s per day (sats) at the demo's difficulty, subsidy and fees, after a 2 % fee. */
const SATS_PER_TH_DAY = 52;
const DAY_MS = 86_400_000;

function nameHash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = hash32(h, name.charCodeAt(i));
  return h;
}

/** The pool's view of one worker's rate over a window: 1-3 % below the rig's, noisier over 5 minutes. */
function poolGhs(seed: number, name: string, rigThs: number, tMs: number, window: '5m' | '60m' | '24h'): number {
  if (rigThs <= 0) return 0;
  const id = nameHash(name);
  const gap = 0.01 + 0.02 * unit(seed, S_GAP, id);
  const noise =
    window === '5m'
      ? 0.02 * smoothNoise(seed, hash32(S_5M, id), tMs, 5 * 60_000)
      : window === '60m'
        ? 0.004 * smoothNoise(seed, hash32(S_5M, id), tMs, 3600_000)
        : 0;
  return Math.round(rigThs * (1 - gap + noise) * 1000);
}

function btc(sats: number): string {
  return (Math.max(0, Math.round(sats)) / 1e8).toFixed(8);
}

/** `/accounts/workers/json/btc/`: `{btc:{workers:{name:{state, last_share, hash_rate_*...}}}}`. */
export function braiinsWorkersReply(seed: number, tMs: number, rates: WorkerRates): object {
  const nowS = Math.floor(tMs / 1000);
  const workers: Record<string, object> = {};
  for (const [name, ths] of [...rates.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const h60 = poolGhs(seed, name, ths, tMs, '60m');
    const shares = Math.round(h60 / 4.3);
    workers[name] = {
      state: ths > 0 ? 'ok' : 'off',
      last_share: ths > 0 ? nowS - (hash32(seed, nameHash(name), nowS) % 20) : nowS - 3600,
      hash_rate_unit: 'Gh/s',
      hash_rate_scoring: h60,
      hash_rate_5m: poolGhs(seed, name, ths, tMs, '5m'),
      hash_rate_60m: h60,
      hash_rate_24h: poolGhs(seed, name, ths, tMs, '24h'),
      shares_5m: Math.round(shares / 12),
      shares_60m: shares,
      shares_24h: shares * 24,
    };
  }
  return { btc: { workers } };
}

/** `/accounts/profile/json/btc/`: account totals and rewards accrued from the same rates. */
export function braiinsProfileReply(seed: number, tMs: number, rates: WorkerRates, username: string): object {
  const names = [...rates.keys()];
  const sum = (w: '5m' | '60m' | '24h') => names.reduce((s, n) => s + poolGhs(seed, n, rates.get(n) ?? 0, tMs, w), 0);
  const h24Ths = sum('24h') / 1000;
  const perDaySats = h24Ths * SATS_PER_TH_DAY;
  const dayFraction = (tMs % DAY_MS) / DAY_MS;
  // Paid out every Monday 00:00 UTC: the balance is what accrued since.
  const sinceMondayDays = ((Math.floor(tMs / DAY_MS) + 3) % 7) + dayFraction; // epoch day 0 was a Thursday
  const ok = names.filter((n) => (rates.get(n) ?? 0) > 0).length;
  const h60 = sum('60m');
  return {
    username,
    btc: {
      all_time_reward: btc(perDaySats * (400 + sinceMondayDays)),
      hash_rate_unit: 'Gh/s',
      hash_rate_5m: sum('5m'),
      hash_rate_60m: h60,
      hash_rate_24h: sum('24h'),
      hash_rate_yesterday: sum('24h'),
      low_workers: 0,
      off_workers: names.length - ok,
      ok_workers: ok,
      dis_workers: 0,
      current_balance: btc(perDaySats * sinceMondayDays),
      today_reward: btc(perDaySats * dayFraction),
      estimated_reward: btc(perDaySats / 144),
      shares_5m: Math.round(h60 / 4.3 / 12),
      shares_60m: Math.round(h60 / 4.3),
      shares_24h: Math.round((h60 / 4.3) * 24),
      shares_yesterday: Math.round((h60 / 4.3) * 24),
    },
  };
}
