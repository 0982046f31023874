/**
 * The sweep write, kept alive through storage faults. When the database cannot take a sweep (disk full,
 * read-only, I/O errors, busy past its wait, or a database file deleted or replaced under the process),
 * the collector does not exit: it holds its sweeps in memory, oldest dropped first past a bound (the
 * count logged), tries again at every sweep, and writes what it held, in order, once storage takes
 * writes again. The file's identity is checked at every sweep, by the write itself (writeTransaction):
 * a replaced file stops writes until a restart. Alert channels are told from memory (storage-notices.ts),
 * since the database cannot take an alert.
 */
import { DEFAULT_HELD_READINGS_MAX } from '../lib/config';
import type { Db } from '../lib/db/client';
import { writeSweep, type StoredSweep } from '../lib/db/mutations/write-sweep';
import type { SweepRecord } from '../lib/domain/sweep-record';
import { describeStorageFault, storageFaultOf } from '../lib/db/storage-fault';
import type { ConnectivityPolicy } from '../lib/domain/connectivity';

/** How often the held count is logged while storage fails (and whenever it doubles: 2, 4, 8...). */
const LOG_EVERY_MS = 30_000;

/** Who hears that storage failed and recovered (alert channels, from memory). */
export interface StorageListener {
  /** Storage works: a chance to reload what must be known when it fails. */
  healthy(nowMs: number): void;
  /** Called at every sweep while storage fails. */
  failing(nowMs: number, text: string, sinceMs: number): void;
  recovered(nowMs: number, text: string, sinceMs: number): void;
}

export interface SweepWriterOptions {
  db: Db;
  policy: ConnectivityPolicy;
  /** Default DEFAULT_HELD_READINGS_MAX. */
  maxHeldReadings?: number;
  now?: () => number;
  log?: (line: string) => void;
  listener?: StorageListener;
}

/** What a written sweep returns (the rig views are the sweep's one read of them, for the post-commit steps). */
export type WrittenSweep = StoredSweep;

export interface SweepWriter {
  /**
   * Writes the held sweeps, then this one, in order. Null when storage fails (this one is held). A
   * non-storage error of this sweep is thrown, as writeSweep's always was.
   */
  write(record: SweepRecord): WrittenSweep | null;
  /** "<path>: <cause>" while storage fails; null when it works. */
  failing(): string | null;
  heldSweeps(): number;
}

export function createSweepWriter(opts: SweepWriterOptions): SweepWriter {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? console.error;
  const maxHeld = opts.maxHeldReadings ?? DEFAULT_HELD_READINGS_MAX;
  const held: SweepRecord[] = [];
  let heldReadings = 0;
  let failure: { text: string; sinceMs: number; dropped: number; loggedAtMs: number; loggedHeld: number } | null = null;

  const heldText = () =>
    `holding ${held.length} sweep${held.length === 1 ? '' : 's'} (${heldReadings} readings, at most ${maxHeld}) in memory; ${failure?.dropped ?? 0} dropped`;

  function hold(record: SweepRecord): void {
    held.push(record);
    heldReadings += record.results.length;
    // Oldest first, never the newest: the latest state of the fleet is what an operator needs back.
    while (heldReadings > maxHeld && held.length > 1) {
      heldReadings -= held.shift()!.results.length;
      if (failure) failure.dropped++;
    }
  }

  function fail(text: string): void {
    const nowMs = now();
    if (!failure || failure.text !== text) {
      failure = { text, sinceMs: failure?.sinceMs ?? nowMs, dropped: failure?.dropped ?? 0, loggedAtMs: nowMs, loggedHeld: held.length };
      log(`collector: storage failing: ${text}; ${heldText()}, retrying at every sweep`);
    } else if (nowMs - failure.loggedAtMs >= LOG_EVERY_MS || held.length >= 2 * failure.loggedHeld) {
      failure.loggedAtMs = nowMs;
      failure.loggedHeld = held.length;
      log(`collector: storage still failing: ${text}; ${heldText()}`);
    }
    opts.listener?.failing(nowMs, text, failure.sinceMs);
  }

  return {
    write(record) {
      hold(record);
      let written: WrittenSweep | null = null;
      let wroteHeld = 0;
      while (held.length > 0) {
        const next = held[0];
        try {
          written = writeSweep(opts.db, next, opts.policy);
        } catch (err) {
          const fault = storageFaultOf(err);
          if (fault) {
            fail(describeStorageFault(opts.db.path, fault));
            return null;
          }
          held.shift();
          heldReadings -= next.results.length;
          if (next === record) throw err;
          // A held sweep the database refuses for its content would block every later one: let it go.
          log(
            `collector: dropped a held sweep of ${new Date(next.startedAtMs).toISOString()}: ${err instanceof Error ? err.message : String(err)}`,
          );
          continue;
        }
        held.shift();
        heldReadings -= next.results.length;
        if (next !== record) wroteHeld++;
      }
      const nowMs = now();
      if (failure) {
        const { text, sinceMs, dropped } = failure;
        failure = null;
        log(
          `collector: storage recovered: ${opts.db.path}: wrote ${wroteHeld} held sweep${wroteHeld === 1 ? '' : 's'} in order (${dropped} dropped) after ${Math.round((nowMs - sinceMs) / 1000)} s failing`,
        );
        opts.listener?.recovered(nowMs, text, sinceMs);
      }
      opts.listener?.healthy(nowMs);
      return written;
    },
    failing: () => failure?.text ?? null,
    heldSweeps: () => held.length,
  };
}

const defaults = new WeakMap<object, SweepWriter>();

/** The writer given in `opts`, else one kept for this options object (so its held sweeps last between sweeps). */
export function sweepWriterFor(opts: { db: Db; policy: ConnectivityPolicy; sweepWriter?: SweepWriter }): SweepWriter {
  if (opts.sweepWriter) return opts.sweepWriter;
  let writer = defaults.get(opts);
  if (!writer) defaults.set(opts, (writer = createSweepWriter({ db: opts.db, policy: opts.policy })));
  return writer;
}
