/** A sweep as the collector hands it to storage: one result per rig polled. Pure types. */
import type { Reading } from './reading';

/** The outcome of polling one rig. */
export type PollResult =
  | { rigId: number; siteId: number; tsMs: number; ok: true; reading: Reading }
  | { rigId: number; siteId: number; tsMs: number; ok: false; error: string };

/** A finished sweep, ready to store. */
export interface SweepRecord {
  startedAtMs: number;
  durationMs: number;
  results: PollResult[];
}
