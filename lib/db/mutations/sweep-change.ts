/**
 * The change rows a sweep writes: ONE row, the sweep's own, written last (it marks the sweep complete),
 * carrying the sweep's summary (fleet and site totals, rigs by state) and its chart point. No row per rig:
 * the web server recomputes the heat-map cells once per sweep from the database and sends only those that
 * changed, and a reconnecting browser gets every cell with its subscribe, so a per-rig row (10,000 inserts
 * per sweep at 10,000 rigs) would tell the reader nothing it does not read anyway.
 */
import { summarizeFleet, type SweepSummary } from '../../domain/fleet-summary';
import type { RigView } from '../../domain/fleet';
import type { FleetPoint } from '../../views/contracts';
import type { Db } from '../client';
import { logChange } from './change-log';

/** The payload of a 'sweep' change row. */
export interface SweepChangePayload extends SweepSummary {
  point: FleetPoint;
}

/** Writes the sweep's change row from the rig views after the sweep (every rig); returns the summary. */
export function writeSweepChanges(db: Db, startedAtMs: number, endMs: number, views: readonly RigView[]): SweepChangePayload {
  const summary = summarizeFleet(views, endMs);
  const point: FleetPoint = { tsMs: startedAtMs, hashrateThs: summary.fleet.hashrateThs, powerW: summary.fleet.powerW };
  const payload: SweepChangePayload = { ...summary, point };
  logChange(db, { tsMs: endMs, kind: 'sweep', payload });
  return payload;
}
