/**
 * What the rule engine reads after a sweep: minimal shapes the collector fills from what it already has
 * (RigView, EconomicsView, PoolReconciliation, MarketView in lib/realtime/contracts), so this module needs
 * no database code. Type-only imports: nothing here runs.
 */
import type { Reading } from '../domain/reading';
import type { EconomicsView, MarketView, PoolReconciliation, RigView } from '../realtime/contracts';

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
export type AlertEconomics = Pick<EconomicsView, 'profitPerKwh' | 'currency'>;

/** A pool reconciliation row (PoolReconciliation): pool-reported hash rate over the last hour against its rigs. */
export type AlertPoolRow = Pick<PoolReconciliation, 'poolId' | 'name' | 'gapPct' | 'poolHashrateThs1h' | 'rigsHashrateThs1h'>;

/**
 * When network and price data were last fetched (MarketView's networkFetchedAtMs, priceFetchedAtMs).
 * Null: never fetched (stale). Absent: the source is not used (a fixed HASHWATT_BTC_PRICE), rule skipped.
 */
export type AlertMarket = Partial<Pick<MarketView, 'networkFetchedAtMs' | 'priceFetchedAtMs'>>;

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
