/**
 * Typed contracts between the web server and browsers: the snapshot a page starts from and the deltas
 * socket.io streams after it. Shared by server and client code; no runtime imports.
 */
import type { BtcPrices, NetworkState } from '../domain/network';
import type { FleetTotals, RigView } from '../domain/fleet';
import type { RigCell, StateCounts } from '../domain/rig-cell';
import type { EconomicsFigures } from '../economics/types';
import type { AlertView } from './alert-contracts';

/** Defined with the fleet arithmetic in lib/domain (the bottom layer), part of this contract. */
export type { FleetTotals, RigView };

/** Economics of one rig, site or the fleet as computed after a sweep. */
export interface EconomicsView extends EconomicsFigures {
  /** When the sweep it belongs to started. */
  tsMs: number;
  /** Inputs that were stale when computed, e.g. ["network", "price", "tariff"]; empty when fresh. */
  stale: string[];
  /**
   * Some of its rigs are GPU rigs whose revenue is not set: per-day money is "excluding GPU revenue" (their
   * cost counts), per-kWh figures and breakeven are over the rigs with known revenue; a GPU rig's own
   * revenue, profit per kWh and breakeven are unknown.
   */
  gpuRevenueUnset?: boolean;
}

/** Economics of the latest sweep, by scope. */
export interface EconomicsSnapshot {
  fleet: EconomicsView | null;
  /** By site id. */
  sites: Record<number, EconomicsView>;
  /** By rig id. */
  rigs: Record<number, EconomicsView>;
}

/** The network and market panel: the four variables, hashprice, adjustment and halving. */
export interface MarketView {
  /** Fleet currency. */
  currency: string;
  network: NetworkState | null;
  networkSource: string;
  networkFetchedAtMs: number | null;
  networkError: string | null;
  prices: BtcPrices | null;
  /** BTC price in the fleet currency. */
  btcPrice: number | null;
  priceSource: string;
  priceFetchedAtMs: number | null;
  priceError: string | null;
  /** Revenue per TH/s per day before pool fees, fleet currency. */
  hashpricePerThDay: number | null;
  /** True when either input is older than its staleness limit. */
  stale: boolean;
}

/** One point of the fleet history chart (one per sweep). */
export interface FleetPoint {
  tsMs: number;
  hashrateThs: number;
  powerW: number;
}

/** A site at a glance: its totals and its rigs by state. */
export interface SiteSummary {
  id: number;
  name: string;
  /** IANA zone: the wall's clock for the site is in it. */
  timeZone: string;
  totals: FleetTotals;
  counts: StateCounts;
}

/** What a page renders first; the cursor is the last change id it includes. */
export interface FleetSnapshot {
  cursor: number;
  fleet: FleetTotals;
  /** Rigs by state over the whole (scoped) fleet. */
  counts: StateCounts;
  /** Every site in scope, by name. */
  sites: SiteSummary[];
  /**
   * One heat-map cell per rig in scope, by site then name. Null in server-rendered HTML (10,000 cells would
   * not fit a page): useLiveFleet fills them from its subscribe, consistent with the cursor.
   */
  cells: RigCell[] | null;
  /** Full views of the rigs this page asked for (watches), not the fleet: empty unless asked. */
  rigs: RigView[];
  /** Last hour, oldest first. */
  history: FleetPoint[];
  /** Fleet and site economics; `rigs` holds only the rigs in `rigs` above. */
  economics: EconomicsSnapshot;
  market: MarketView;
  /** Active alerts (not resolved), newest first. */
  alerts: AlertView[];
}

/**
 * A heat-map cell on the wire: [id, siteId, name, state, profit band, temperature band, building, rack,
 * position], the three bands as indexes into RIG_STATES, PROFIT_BANDS and TEMP_BANDS (lib/domain/rig-cell),
 * the location parts null when unset. About 30 bytes a rig instead of 120.
 */
export type CellWire = [number, number, string, number, number, number, string | null, string | null, string | null];

/**
 * Where the fleet stands after a batch of changes, as this socket may see it: totals, counts, sites, the
 * cells that changed (or every cell when `full`), and the current views of the rigs the socket watches. A
 * rig removed or moved comes as 'rigs-changed' (the client reloads), not here.
 */
export interface SummaryDelta {
  id: number;
  tsMs: number;
  kind: 'summary';
  fleet: FleetTotals;
  counts: StateCounts;
  sites: SiteSummary[];
  /** True: `cells` is every cell in scope (replace); false: only the cells that changed (upsert). */
  full: boolean;
  cells: CellWire[];
  /** Watched rigs' views now. */
  rigs: RigView[];
  /** The last sweep's chart point in this scope, or null when the batch had no sweep. */
  point: FleetPoint | null;
}

/**
 * A row (or rows) of the append-only changes table, as streamed. Deltas sharing an id come in one batch;
 * ids never go down.
 */
export type Delta =
  | { id: number; tsMs: number; kind: 'sweep'; point: FleetPoint }
  | SummaryDelta
  | { id: number; tsMs: number; kind: 'rigs-changed' }
  | { id: number; tsMs: number; kind: 'economics'; economics: EconomicsSnapshot }
  | { id: number; tsMs: number; kind: 'market'; market: MarketView }
  | { id: number; tsMs: number; kind: 'alerts'; alerts: AlertView[] };

/** Every socket request answers with this envelope through its acknowledgement. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: string };

/**
 * Reply to a subscribe: the deltas after the client's cursor, ending with a full summary (every cell) at
 * the log's end, read in one transaction; or a request to reload the snapshot.
 */
export interface Backfill {
  deltas: Delta[];
  /** True when the gap is too large (or the cursor is unknown) and the client should fetch a new snapshot. */
  resync: boolean;
}

/** The most rigs one socket may watch (a screen shows fewer). */
export const MAX_WATCHED_RIGS = 500;

/** Reply to a watch: the watched rigs' views and economics now (ids outside the viewer's sites are dropped). */
export interface WatchReply {
  rigs: RigView[];
  economics: Record<number, EconomicsView>;
}

export interface ServerToClientEvents {
  /** Deltas in id order; clients drop ids they already have. */
  deltas: (batch: Delta[]) => void;
  /**
   * Sent just before the server closes a socket whose principal changed (role, sites) or ended (signed
   * out, disabled, removed, token revoked): the page must load again to show only what is still allowed.
   */
  'access-changed': (reason: string) => void;
}

export interface ClientToServerEvents {
  /**
   * Join the fleet room and receive everything after `cursor`, then live deltas; `watch` as the watch
   * event (the rigs on screen).
   */
  subscribe: (req: { room: 'fleet'; cursor: number; watch?: number[] }, ack: (res: Ack<Backfill>) => void) => void;
  /** The rigs on screen (at most MAX_WATCHED_RIGS; replaces the previous set): their full views stream with each summary. */
  watch: (ids: number[], ack: (res: Ack<WatchReply>) => void) => void;
  /** Fetch a fresh snapshot with its cells (after resync). */
  snapshot: (req: { watch?: number[] }, ack: (res: Ack<FleetSnapshot>) => void) => void;
}

/** One rig's inputs for the what-if panel (recomputed in the browser with lib/economics). */
export interface WhatIfRig {
  id: number;
  name: string;
  siteId: number;
  siteName: string;
  currency: string;
  hashrateThs: number;
  powerW: number | null;
  powerEstimated: boolean;
  poolFeePct: number;
  pue: number;
  /** The site's price now and its 24 h energy-weighted mean; null when the site has no tariff. */
  pricePerKwh: number | null;
  dayAvgPricePerKwh: number | null;
}

/** A site's economic settings as the economics page shows them. */
export interface SiteEconomicsView {
  id: number;
  name: string;
  currency: string;
  timeZone: string;
  pue: number;
  poolFeePct: number;
  /** The validated tariff JSON, or null when none is set. */
  tariff: unknown;
  pricePerKwh: number | null;
}

/** Pool-reported hash rate over the last hour against the sum of the rigs pointed at the pool. */
export interface PoolReconciliation {
  poolId: number;
  name: string;
  kind: string;
  poolHashrateThs1h: number | null;
  rigsHashrateThs1h: number;
  rigs: number;
  /** Pool minus rigs, TH/s and percent of the rigs' sum; null without a pool figure. */
  gapThs: number | null;
  gapPct: number | null;
  fetchedAtMs: number | null;
  lastError: string | null;
}

/** Everything /economics renders first. */
export interface EconomicsPageData {
  snapshot: FleetSnapshot;
  rigs: WhatIfRig[];
  sites: SiteEconomicsView[];
  pools: PoolReconciliation[];
}
