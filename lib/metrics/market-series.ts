/**
 * Network, market and collector series of /metrics: the network figures every principal may read (the
 * same as GET /api/network), BTC prices in the currencies the fleet uses, and facts about the last sweep.
 * Pure: the clock is an argument.
 */
import type { MarketView } from '../views/contracts';
import { gaugeFamily, type MetricFamily } from './families';

/** The last committed sweep as the collector stored it. */
export interface LastSweep {
  startedAtMs: number;
  durationMs: number;
  okCount: number;
  failedCount: number;
}

const TH = 1e12;

/** Network and price families; prices only in `currencies` (the fleet's and its sites'), a bounded set. */
export function marketFamilies(market: MarketView, currencies: readonly string[]): MetricFamily[] {
  const difficulty = gaugeFamily('hashwatt_network_difficulty', 'Bitcoin network difficulty.');
  const subsidy = gaugeFamily('hashwatt_network_block_subsidy_satoshis', 'Block subsidy at the tip, satoshis.');
  const fees = gaugeFamily('hashwatt_network_block_fees_satoshis', 'Mean fees per block over the last 144 blocks, satoshis.');
  const networkHash = gaugeFamily('hashwatt_network_hashrate_hashes_per_second', 'Estimated network hash rate, hashes per second.');
  const networkAt = gaugeFamily('hashwatt_network_fetched_timestamp_seconds', 'When the network figures were fetched, Unix seconds.');
  const price = gaugeFamily('hashwatt_btc_price', 'Price of one bitcoin in the currency label.', ['currency']);
  const priceAt = gaugeFamily('hashwatt_btc_price_fetched_timestamp_seconds', 'When the BTC price was fetched, Unix seconds.');
  const hashprice = gaugeFamily(
    'hashwatt_hashprice_per_terahash_second_per_day',
    'Hashprice: revenue of 1 TH/s for one day before pool fees, in the currency label.',
    ['currency'],
  );
  const n = market.network;
  if (n) {
    difficulty.set({}, n.difficulty);
    subsidy.set({}, n.subsidySats);
    fees.set({}, n.feesPerBlockSats);
    networkHash.set({}, n.networkHashrateThs === null ? null : n.networkHashrateThs * TH);
  }
  networkAt.set({}, market.networkFetchedAtMs === null ? null : market.networkFetchedAtMs / 1000);
  for (const currency of new Set(currencies)) price.set({ currency }, market.prices?.[currency]);
  priceAt.set({}, market.priceFetchedAtMs === null ? null : market.priceFetchedAtMs / 1000);
  hashprice.set({ currency: market.currency }, market.hashpricePerThDay);
  return [difficulty, subsidy, fees, networkHash, networkAt, price, priceAt, hashprice].map((b) => b.family);
}

/**
 * The collector's last sweep: how long it took, how long ago it ended, and (for principals of the whole
 * fleet only: the count covers every site's rigs) how many polls failed and succeeded.
 */
export function collectorFamilies(sweep: LastSweep | null, nowMs: number, wholeFleet: boolean): MetricFamily[] {
  const duration = gaugeFamily('hashwatt_collector_last_sweep_duration_seconds', 'How long the last sweep of every rig took, seconds.');
  const age = gaugeFamily(
    'hashwatt_collector_last_sweep_age_seconds',
    'Seconds since the last sweep ended: grows when the collector stops.',
  );
  const ended = gaugeFamily('hashwatt_collector_last_sweep_timestamp_seconds', 'When the last sweep ended, Unix seconds.');
  const failed = gaugeFamily('hashwatt_collector_last_sweep_failed_polls', 'Polls of the last sweep that got no reading (every site).');
  const ok = gaugeFamily('hashwatt_collector_last_sweep_ok_polls', 'Polls of the last sweep that got a reading (every site).');
  if (sweep) {
    const endMs = sweep.startedAtMs + sweep.durationMs;
    duration.set({}, sweep.durationMs / 1000);
    age.set({}, Math.max(0, nowMs - endMs) / 1000);
    ended.set({}, endMs / 1000);
    if (wholeFleet) {
      failed.set({}, sweep.failedCount);
      ok.set({}, sweep.okCount);
    }
  }
  return [duration, age, ended, failed, ok].map((b) => b.family);
}
