/**
 * The network and market inputs of the economics, as sources deliver them. Each is stored with the
 * time it was fetched; a failed fetch keeps the last good value, which then ages into "stale".
 */

/** Bitcoin network state from a mempool-compatible API or Bitcoin Core. */
export interface NetworkState {
  tipHeight: number;
  /** Block subsidy at the tip height, integer satoshis. */
  subsidySats: number;
  difficulty: number;
  /** Mean total fees per block over the last 144 blocks, satoshis. */
  feesPerBlockSats: number;
  /** Network hash rate estimate, TH/s (from difficulty when the source gives none). */
  networkHashrateThs: number | null;
  nextAdjustment: {
    /** Estimated difficulty change at the next retarget, percent. */
    estimatedChangePct: number;
    estimatedDateMs: number;
    blocksLeft: number;
    height: number;
  } | null;
  halving: { height: number; blocksLeft: number; estimatedDateMs: number };
}

/** A network state as a source delivered it, with the facts its sanity is judged by. */
export interface NetworkReading {
  state: NetworkState;
  /** When the tip block was found (the block's own timestamp), ms; null when the source gives none. */
  tipTimeMs: number | null;
  /** The chain the source is on ('main', 'test', 'signet', 'regtest'); null when it does not say. */
  chain: string | null;
}

/** BTC price by currency code, e.g. { USD: 90000, EUR: 83000 }. */
export type BtcPrices = Record<string, number>;

/** Prices as a source delivered them, with the time the source gives them (ms; null when it gives none). */
export interface PriceReading {
  prices: BtcPrices;
  timeMs: number | null;
}

/** Currencies the price source and the screens support. */
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'CHF', 'AUD', 'JPY'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** A stored source value with its provenance and age. */
export interface Sourced<T> {
  value: T | null;
  source: string;
  fetchedAtMs: number | null;
  attemptedAtMs: number | null;
  lastError: string | null;
}

/** Pool-reported figures for one pool account. */
export interface PoolAccountState {
  /** Pool-reported hash rate averaged over about an hour, TH/s. */
  hashrateThs1h: number;
  hashrateThs24h: number | null;
  workers: { name: string; hashrateThs: number; online: boolean | null }[];
  /** Unpaid balance, satoshis. */
  unpaidSats: number | null;
  /** Earnings credited over the last day, satoshis. */
  earnedSats24h: number | null;
}
