/**
 * The normalized reading: what every driver produces from a device's replies and what everything
 * after the collector (storage, economics, alerts, screens) consumes. Units are in the names.
 */

/** What the miner says it is doing. Connectivity (online/stale/offline) is tracked separately. */
export type MinerStatus = 'mining' | 'sleeping' | 'throttled' | 'error';

/** Where a power figure comes from, in order of trust: meter, firmware, operator override, estimate. */
export type PowerSource = 'meter' | 'firmware' | 'override' | 'estimated';

/** Whether the collector currently hears from a rig. */
export type Connectivity = 'online' | 'stale' | 'offline';

/** One hash board (chain) as the firmware reports it. */
export interface BoardReading {
  /** Zero-based board position as shown to operators (firmware slot numbers are normalized). */
  index: number;
  hashrateThs: number | null;
  /** Chips the firmware detected on the board. */
  chips: number | null;
  /** Hottest chip (or board sensor when no chip sensor exists), degC. */
  tempC: number | null;
}

/** One configured pool. */
export interface PoolReading {
  url: string;
  user: string;
  /** Firmware's own wording, e.g. "Alive", "Dead". */
  status: string;
  accepted: number;
  rejected: number;
}

/** A device's state at one poll, normalized across firmware families. */
export interface Reading {
  /** Driver that produced it, e.g. "antminer", "whatsminer". */
  driver: string;
  make: string;
  model: string;
  firmware: string;
  status: MinerStatus;
  hashrateThs: number;
  expectedHashrateThs: number | null;
  powerW: number | null;
  powerSource: PowerSource | null;
  /** Joules per terahash: powerW / hashrateThs; null when either is unknown or hashrate is 0. */
  efficiencyJth: number | null;
  boards: BoardReading[];
  tempMaxC: number | null;
  fansRpm: number[];
  pools: PoolReading[];
  uptimeS: number | null;
  hardwareErrors: number | null;
  /**
   * What the rig hashes. Absent or "sha256" for Bitcoin ASICs; GPU miners set their coin algorithm
   * ("ethash", "kawpow", ...) with hashrateThs in TH/s of that algorithm; null when unknown (gpu-agent).
   * Only SHA-256 hash rate earns the Bitcoin hashprice and counts in fleet TH/s.
   */
  algorithm?: string | null;
  /**
   * What the plausibility check (plausibility.ts) set to unknown or left out, one line each, e.g.
   * "tempMaxC = 500 (must be <= 150): stored as unknown". Absent when nothing was.
   */
  warnings?: string[];
}

/** J/TH from power and hashrate; null rather than Infinity or NaN. */
export function efficiencyJth(powerW: number | null, hashrateThs: number): number | null {
  if (powerW === null || !Number.isFinite(powerW) || !(hashrateThs > 0)) return null;
  return powerW / hashrateThs;
}

/** True when the reading's hash rate is Bitcoin SHA-256 (ASICs): it counts in fleet TH/s and earns the hashprice. */
export function hashesSha256(reading: Pick<Reading, 'algorithm'>): boolean {
  return reading.algorithm === undefined || reading.algorithm === 'sha256';
}
