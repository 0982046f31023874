/**
 * Writes one sweep in several short IMMEDIATE transactions (the architecture's rule: none holds the write
 * lock for long at 10,000 rigs): each chunk of rigs keeps every rig's sample, status and events
 * together; the sweep's own row and change row come last, in their own transaction, and mark the sweep
 * complete. Every per-rig write goes through statements prepared once per database (sweep-statements.ts).
 * The rig views are read once, after the rigs' writes: the fleet totals come from them, and the caller
 * hands them on to the post-commit steps.
 */
import { connectivityAfter, type ConnectivityPolicy } from '../../domain/connectivity';
import { detectRigEvents, type RigStateSnapshot } from '../../domain/rig-events';
import { fleetTotals } from '../../domain/fleet';
import type { Reading } from '../../domain/reading';
import type { PollResult, SweepRecord } from '../../domain/sweep-record';
import type { FleetTotals, RigView } from '../../views/contracts';
import type { Db } from '../client';
import { listRigViews } from '../queries/rigs';
import { writeTransaction } from '../transactions';
import { sweepStatements, type StatusRow, type SweepStatements } from './sweep-statements';
import { writeSweepChanges } from './sweep-change';

/** What a stored sweep returns: its id, the fleet totals it recorded and the rig views they came from. */
export interface StoredSweep {
  sweepId: number;
  fleet: FleetTotals;
  views: RigView[];
}

/** Rigs per transaction: a few milliseconds of lock each. */
export const SWEEP_CHUNK_RIGS = 500;

/**
 * Stores the sweep. A rig removed from the settings while it was being polled is left out (its result has
 * nowhere to go).
 */
export function writeSweep(db: Db, sweep: SweepRecord, policy: ConnectivityPolicy, chunkRigs = SWEEP_CHUNK_RIGS): StoredSweep {
  const st = sweepStatements(db);
  const endMs = sweep.startedAtMs + sweep.durationMs;
  let ok = 0;
  let written = 0;
  for (let i = 0; i < sweep.results.length; i += chunkRigs) {
    const chunk = sweep.results.slice(i, i + chunkRigs);
    writeTransaction(db, () => {
      for (const result of chunk) {
        if (!st.rigExists.get(result.rigId)) continue;
        written++;
        if (result.ok) ok++;
        writeRig(st, result, policy);
      }
    });
  }
  const views = listRigViews(db);
  const fleet = fleetTotals(views, endMs);
  const sweepId = writeTransaction(db, () => {
    const row = st.insertSweep.get(
      sweep.startedAtMs,
      sweep.durationMs,
      ok,
      written - ok,
      fleet.hashrateThs,
      fleet.powerW,
      fleet.rigsOnline,
    ) as { id: number };
    writeSweepChanges(db, sweep.startedAtMs, endMs, views);
    return row.id;
  });
  return { sweepId, fleet, views };
}

/** One rig's sample, status and events. */
function writeRig(st: SweepStatements, result: PollResult, policy: ConnectivityPolicy): void {
  const prev = st.getStatus.get(result.rigId) as StatusRow | undefined;
  // Read before this poll's writes replace the sample and reading it comes from.
  const before: RigStateSnapshot | null = prev
    ? { connectivity: prev.connectivity, status: prev.status, uptimeS: uptimeOf(st, result.rigId, prev), lastError: prev.lastError }
    : null;
  if (result.ok) {
    const r = result.reading;
    st.insertSample.run(
      result.rigId,
      result.tsMs,
      r.status,
      r.hashrateThs,
      r.expectedHashrateThs,
      r.powerW,
      r.powerSource,
      r.tempMaxC,
      r.uptimeS === null ? null : Math.round(r.uptimeS),
      r.hardwareErrors === null ? null : Math.round(r.hardwareErrors),
    );
    st.upsertOnline.run(result.rigId, r.status, result.tsMs, result.tsMs, JSON.stringify(r));
    recordEvents(st, result.rigId, result.tsMs, before, { connectivity: 'online', status: r.status, uptimeS: r.uptimeS, lastError: null });
  } else {
    const failures = (prev?.consecutiveFailures ?? 0) + 1;
    const connectivity = connectivityAfter(failures, prev?.lastSeenMs != null, policy);
    st.upsertFailed.run(result.rigId, connectivity, result.tsMs, result.error, failures);
    recordEvents(st, result.rigId, result.tsMs, before, {
      connectivity,
      status: prev?.status ?? null,
      uptimeS: before?.uptimeS ?? null,
      lastError: result.error,
    });
  }
}

/**
 * Uptime of the rig's last successful reading, seconds: from its newest sample (a key lookup), or from the
 * stored reading when retention already removed that sample.
 */
function uptimeOf(st: SweepStatements, rigId: number, prev: StatusRow): number | null {
  if (prev.lastSeenMs === null) return null;
  const sample = st.lastSample.get(rigId) as { tsMs: number; uptimeS: number | null } | undefined;
  if (sample && sample.tsMs === prev.lastSeenMs) return sample.uptimeS;
  const json = (st.getReadingJson.get(rigId) as { readingJson: string | null } | undefined)?.readingJson;
  return json ? ((JSON.parse(json) as Reading).uptimeS ?? null) : null;
}

function recordEvents(st: SweepStatements, rigId: number, tsMs: number, before: RigStateSnapshot | null, next: RigStateSnapshot): void {
  for (const e of detectRigEvents(before, next)) st.insertEvent.run(rigId, tsMs, e.kind, e.title, e.detail);
}
