/**
 * The statements of the sweep write, prepared once per database and reused by every sweep: compiling a
 * statement (drizzle's query building and SQLite's prepare) cost more than running it.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../client';

/** The part of a rig_status row the sweep write reads. */
export interface StatusRow {
  connectivity: string;
  status: string | null;
  lastSeenMs: number | null;
  lastError: string | null;
  consecutiveFailures: number;
}

export interface SweepStatements {
  rigExists: Statement;
  getStatus: Statement;
  lastSample: Statement;
  getReadingJson: Statement;
  insertSample: Statement;
  upsertOnline: Statement;
  upsertFailed: Statement;
  insertEvent: Statement;
  insertSweep: Statement;
}

const cache = new WeakMap<Db, SweepStatements>();

/** The sweep write's statements for `db` (prepared on first use). */
export function sweepStatements(db: Db): SweepStatements {
  let st = cache.get(db);
  if (st) return st;
  const p = (sql: string) => db.sqlite.prepare(sql);
  st = {
    rigExists: p('select 1 from rigs where id = ?').pluck(),
    getStatus: p(
      `select connectivity, status, last_seen_ms as lastSeenMs, last_error as lastError, consecutive_failures as consecutiveFailures
       from rig_status where rig_id = ?`,
    ),
    lastSample: p('select ts_ms as tsMs, uptime_s as uptimeS from samples where rig_id = ? order by ts_ms desc limit 1'),
    getReadingJson: p('select reading_json as readingJson from rig_status where rig_id = ?'),
    insertSample: p(
      `insert into samples (rig_id, ts_ms, status, hashrate_ths, expected_hashrate_ths, power_w, power_source, temp_max_c, uptime_s, hardware_errors)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
    ),
    upsertOnline: p(
      `insert into rig_status (rig_id, connectivity, status, last_seen_ms, last_poll_ms, last_error, consecutive_failures, reading_json)
       values (?, 'online', ?, ?, ?, null, 0, ?)
       on conflict (rig_id) do update set connectivity = 'online', status = excluded.status, last_seen_ms = excluded.last_seen_ms,
         last_poll_ms = excluded.last_poll_ms, last_error = null, consecutive_failures = 0, reading_json = excluded.reading_json`,
    ),
    upsertFailed: p(
      `insert into rig_status (rig_id, connectivity, status, last_seen_ms, last_poll_ms, last_error, consecutive_failures, reading_json)
       values (?, ?, null, null, ?, ?, ?, null)
       on conflict (rig_id) do update set connectivity = excluded.connectivity, last_poll_ms = excluded.last_poll_ms,
         last_error = excluded.last_error, consecutive_failures = excluded.consecutive_failures`,
    ),
    insertEvent: p('insert into rig_events (rig_id, ts_ms, kind, title, detail) values (?, ?, ?, ?, ?)'),
    insertSweep: p(
      `insert into sweeps (started_at_ms, duration_ms, ok_count, failed_count, hashrate_ths, power_w, rigs_online)
       values (?, ?, ?, ?, ?, ?, ?) returning id`,
    ),
  };
  cache.set(db, st);
  return st;
}
