/**
 * Typed contracts between the web server and browsers: the snapshot a page starts from and the deltas
 * socket.io streams after it. Shared by server and client code; no runtime imports.
 */
import type { Connectivity, Reading } from '../domain/reading';

/** One rig as screens and GET /api/rigs show it. */
export interface RigView {
  id: number;
  name: string;
  siteId: number;
  siteName: string;
  address: string;
  port: number;
  driver: string;
  model: string | null;
  connectivity: Connectivity;
  lastSeenMs: number | null;
  lastError: string | null;
  /** Latest successful reading; shown greyed (not as live) when connectivity is not "online". */
  reading: Reading | null;
}

/** Fleet totals over online rigs (a stale or offline rig contributes nothing). */
export interface FleetTotals {
  hashrateThs: number;
  powerW: number;
  /** J/TH of the sums; null when no hash rate. */
  efficiencyJth: number | null;
  rigsOnline: number;
  rigsStale: number;
  rigsOffline: number;
  rigsTotal: number;
  /** Share of powerW that is estimated from nameplates (0..1). */
  powerEstimatedShare: number;
  /** End time of the last committed sweep, or null before the first one. */
  updatedAtMs: number | null;
}

/** One point of the fleet history chart (one per sweep). */
export interface FleetPoint {
  tsMs: number;
  hashrateThs: number;
  powerW: number;
}

/** What a page renders first; the cursor is the last change id it includes. */
export interface FleetSnapshot {
  cursor: number;
  fleet: FleetTotals;
  rigs: RigView[];
  /** Last hour, oldest first. */
  history: FleetPoint[];
}

/** A row of the append-only changes table, as streamed. */
export type Delta =
  | { id: number; tsMs: number; kind: 'sweep'; fleet: FleetTotals; point: FleetPoint }
  | { id: number; tsMs: number; kind: 'rig'; rig: RigView }
  | { id: number; tsMs: number; kind: 'rigs-changed' };

/** Every socket request answers with this envelope through its acknowledgement. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: string };

/** Reply to a subscribe: the deltas after the client's cursor, or a request to reload the snapshot. */
export interface Backfill {
  deltas: Delta[];
  /** True when the gap is too large (or the cursor is unknown) and the client should fetch a new snapshot. */
  resync: boolean;
}

export interface ServerToClientEvents {
  /** Deltas in id order; clients drop ids they already have. */
  deltas: (batch: Delta[]) => void;
}

export interface ClientToServerEvents {
  /** Join the fleet room and receive everything after `cursor`. */
  subscribe: (req: { room: 'fleet'; cursor: number }, ack: (res: Ack<Backfill>) => void) => void;
  /** Fetch a fresh snapshot (after resync). */
  snapshot: (ack: (res: Ack<FleetSnapshot>) => void) => void;
}
