/**
 * What the rule engine reads after a sweep: minimal shapes the collector fills from what it already has
 * (RigView, EconomicsView, PoolReconciliation, MarketView of lib/views/contracts, which satisfy them), so
 * this module needs nothing above the domain and the economics: no database code, no stream contracts.
 * Type-only imports: nothing here runs.
 */
import type { RigView } from '../domain/fleet';
import type { Reading } from '../domain/reading';
import type { EconomicsFigures } from '../economics/types';

/** A rig as RigView has it, with only the reading fields the rules look at. */
export interface AlertRig extends Pick<RigView, 'id' | 'name' | 'siteId' | 'connectivity'> {
  reading: Pick<Reading, 'status' | 'hashrateThs' | 'expectedHashrateThs' | 'boards' | 'tempMaxC' | 'fansRpm' | 'pools'> | null;
  /**
   * When the rig's accepted-share count (sum over its pools) last went up: the collector keeps it from one
   * sweep to the next. Null: never seen it go up. Absent: not tracked, the no-shares rule is skipped.
   */
  sharesAcceptedAtMs?: number | null;
}

/** The part of an EconomicsView (rig or site) the unprofitable rules use. */
export type AlertEconomics = Pick<EconomicsFigures, 'profitPerKwh' | 'currency'>;

/** A pool reconciliation row (PoolReconciliation): pool-reported hash rate over the last hour against its rigs. */
export interface AlertPoolRow {
  poolId: number;
  name: string;
  /** Pool minus rigs in percent of the rigs' sum; null without a pool figure. */
  gapPct: number | null;
  poolHashrateThs1h: number | null;
  rigsHashrateThs1h: number;
}

/**
 * When network and price data were last fetched (MarketView's networkFetchedAtMs, priceFetchedAtMs).
 * Null: never fetched (stale). Absent: the source is not used (a fixed HASHWATT_BTC_PRICE), rule skipped.
 */
export interface AlertMarket {
  networkFetchedAtMs?: number | null;
  priceFetchedAtMs?: number | null;
}

/** Everything the collector has after a committed sweep. */
export interface AlertInput {
  nowMs: number;
  rigs: AlertRig[];
  /** By rig id (EconomicsSnapshot.rigs). */
  rigEconomics: Record<number, AlertEconomics>;
  /** By site id (EconomicsSnapshot.sites). */
  siteEconomics: Record<number, AlertEconomics>;
  pools: AlertPoolRow[];
  market: AlertMarket;
}
