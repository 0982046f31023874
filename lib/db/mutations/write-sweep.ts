/**
 * Writes one sweep in ONE synchronous transaction: samples, rig_status, the sweep row with fleet totals,
 * the sweep's change row (the browsers' live cursor; see sweep-change.ts), and the rigs' timeline events
 * (state changes, restarts).
 */
import { eq } from 'drizzle-orm';
import { connectivityAfter, type ConnectivityPolicy } from '../../domain/connectivity';
import { detectRigEvents, type RigStateSnapshot } from '../../domain/rig-events';
import { fleetTotals } from '../../domain/fleet';
import type { Reading } from '../../domain/reading';
import type { FleetTotals } from '../../views/contracts';
import type { Db } from '../client';
import { listRigViews } from '../queries/rigs';
import { rigEvents, rigStatus, rigs, samples, sweeps, type RigStatusRow } from '../schema';
import { writeTransaction } from '../transactions';
import { writeSweepChanges } from './sweep-change';

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

/**
 * Stores the sweep; returns the new sweep id and the fleet totals it recorded. A rig removed from the
 * settings while it was being polled is left out (its result has nowhere to go).
 */
export function writeSweep(db: Db, sweep: SweepRecord, policy: ConnectivityPolicy): { sweepId: number; fleet: FleetTotals } {
  return writeTransaction(db, () => {
    const endMs = sweep.startedAtMs + sweep.durationMs;
    const present = new Set(
      db.orm
        .select({ id: rigs.id })
        .from(rigs)
        .all()
        .map((r) => r.id),
    );
    const results = sweep.results.filter((r) => present.has(r.rigId));
    let ok = 0;
    for (const result of results) {
      const prev = db.orm.select().from(rigStatus).where(eq(rigStatus.rigId, result.rigId)).get();
      if (result.ok) {
        ok++;
        insertSample(db, result.rigId, result.tsMs, result.reading);
        const row = {
          connectivity: 'online',
          status: result.reading.status,
          lastSeenMs: result.tsMs,
          lastPollMs: result.tsMs,
          lastError: null,
          consecutiveFailures: 0,
          readingJson: JSON.stringify(result.reading),
        };
        db.orm
          .insert(rigStatus)
          .values({ rigId: result.rigId, ...row })
          .onConflictDoUpdate({ target: rigStatus.rigId, set: row })
          .run();
        recordEvents(db, result.rigId, result.tsMs, prev, {
          connectivity: 'online',
          status: result.reading.status,
          uptimeS: result.reading.uptimeS,
          lastError: null,
        });
      } else {
        const failures = (prev?.consecutiveFailures ?? 0) + 1;
        const connectivity = connectivityAfter(failures, prev?.lastSeenMs != null, policy);
        const row = { connectivity, lastPollMs: result.tsMs, lastError: result.error, consecutiveFailures: failures };
        db.orm
          .insert(rigStatus)
          .values({ rigId: result.rigId, status: null, lastSeenMs: null, readingJson: null, ...row })
          .onConflictDoUpdate({ target: rigStatus.rigId, set: row })
          .run();
        recordEvents(db, result.rigId, result.tsMs, prev, {
          connectivity,
          status: prev?.status ?? null,
          uptimeS: uptimeOf(prev),
          lastError: result.error,
        });
      }
    }
    const views = listRigViews(db);
    const fleet = fleetTotals(views, endMs);
    const sweepRow = db.orm
      .insert(sweeps)
      .values({
        startedAtMs: sweep.startedAtMs,
        durationMs: sweep.durationMs,
        okCount: ok,
        failedCount: results.length - ok,
        hashrateThs: fleet.hashrateThs,
        powerW: fleet.powerW,
        rigsOnline: fleet.rigsOnline,
      })
      .returning({ id: sweeps.id })
      .get();
    writeSweepChanges(db, sweep.startedAtMs, endMs, views);
    return { sweepId: sweepRow.id, fleet };
  });
}

/** Uptime of the stored last reading, seconds. */
function uptimeOf(row: RigStatusRow | undefined): number | null {
  if (!row?.readingJson) return null;
  return (JSON.parse(row.readingJson) as Reading).uptimeS ?? null;
}

function recordEvents(db: Db, rigId: number, tsMs: number, prev: RigStatusRow | undefined, next: RigStateSnapshot): void {
  const before: RigStateSnapshot | null = prev
    ? { connectivity: prev.connectivity, status: prev.status, uptimeS: uptimeOf(prev), lastError: prev.lastError }
    : null;
  for (const e of detectRigEvents(before, next))
    db.orm
      .insert(rigEvents)
      .values({ rigId, tsMs, ...e })
      .run();
}

function insertSample(db: Db, rigId: number, tsMs: number, r: Reading): void {
  db.orm
    .insert(samples)
    .values({
      rigId,
      tsMs,
      status: r.status,
      hashrateThs: r.hashrateThs,
      expectedHashrateThs: r.expectedHashrateThs,
      powerW: r.powerW,
      powerSource: r.powerSource,
      efficiencyJth: r.efficiencyJth,
      tempMaxC: r.tempMaxC,
      uptimeS: r.uptimeS === null ? null : Math.round(r.uptimeS),
      hardwareErrors: r.hardwareErrors === null ? null : Math.round(r.hardwareErrors),
      boardsJson: JSON.stringify(r.boards),
      fansJson: JSON.stringify(r.fansRpm),
      poolsJson: JSON.stringify(r.pools),
    })
    .onConflictDoNothing()
    .run();
}
