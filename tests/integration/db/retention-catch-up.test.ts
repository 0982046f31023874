/**
 * Retention keeps up: after a day offline the backlog of every aged table is worked off over the next runs,
 * each run bounded (short batches, a cap per run), and the database reaches its steady size.
 */
import type { Statement } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, runRetention } from '../../../collectors/jobs/retention';
import { upsertDemoFleet } from '../../../lib/db/mutations/upsert-demo-fleet';
import { pruneByAge } from '../../../lib/db/mutations/prune-by-age';
import { tempDb } from '../../support/temp';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RIGS = 20;
/** One sweep every 5 minutes keeps the test quick; retention runs after every one. */
const STEP_MS = 300_000;

let t: ReturnType<typeof tempDb>;
beforeAll(() => {
  t = tempDb();
  upsertDemoFleet(
    t.db,
    {
      sites: [{ name: 'S', timeZone: 'UTC', currency: 'USD' }],
      rigs: Array.from({ length: RIGS }, (_, i) => ({
        name: `r${i}`,
        site: 'S',
        address: `127.0.9.${i + 1}`,
        port: 4028,
        driver: 'antminer',
        model: 'Antminer S21',
        nameplateHashrateThs: 200,
        nameplatePowerW: 3500,
      })),
    },
    0,
  );
});
afterAll(() => t.cleanup());

/** A sweep's telemetry for every rig at `tsMs`: samples, profits, a sweep row and change rows. */
function writeSweepRows(tsMs: number): void {
  const s = t.db.sqlite;
  const st = (statements ??= {
    sample: s.prepare("insert into samples (rig_id, ts_ms, status, hashrate_ths) values (?, ?, 'mining', 200)"),
    profit: s.prepare('insert into rig_profit (rig_id, ts_ms, profit_per_kwh) values (?, ?, 0.01)'),
    change: s.prepare("insert into changes (ts_ms, kind, rig_id) values (?, 'rig', ?)"),
    sweep: s.prepare(
      'insert into sweeps (started_at_ms, duration_ms, ok_count, failed_count, hashrate_ths, power_w, rigs_online) values (?, 1000, ?, 0, 0, 0, 0)',
    ),
  });
  s.transaction(() => {
    for (let rig = 1; rig <= RIGS; rig++) {
      st.sample.run(rig, tsMs);
      st.profit.run(rig, tsMs);
      st.change.run(tsMs, rig);
    }
    st.sweep.run(tsMs, RIGS);
  })();
}
let statements: Record<'sample' | 'profit' | 'change' | 'sweep', Statement> | undefined;

const count = (table: string, where = '') => t.db.sqlite.prepare(`select count(*) from ${table} ${where}`).pluck().get() as number;

describe('retention after a day offline', () => {
  it('works the backlog off in bounded runs while new sweeps keep coming, then holds a steady size', { timeout: 120_000 }, () => {
    // Two days of minutes, then the collector is down for a day: nothing pruned, nothing written.
    const start = 10 * DAY;
    for (let ts = start; ts < start + 2 * DAY; ts += STEP_MS) writeSweepRows(ts);
    let now = start + 3 * DAY;
    const policy = { ...DEFAULT_RETENTION, rawRetentionMs: DAY, changesRetentionMs: HOUR };
    const cutoff = () => now - DAY;
    expect(count('samples', `where ts_ms < ${cutoff()}`)).toBe(2 * 288 * RIGS);

    // Back up: a run after every sweep, each removing at most 400 rows per table (tiny batches).
    const perRun = (table: 'samples' | 'rig_profit' | 'sweeps' | 'changes') =>
      pruneByAge(t.db, table, now, table === 'changes' ? HOUR : DAY, 100, 4);
    const sizes: number[] = [];
    for (let run = 0; run < 400; run++) {
      writeSweepRows(now);
      now += STEP_MS;
      const removed = { samples: perRun('samples'), profit: perRun('rig_profit'), sweeps: perRun('sweeps'), changes: perRun('changes') };
      expect(removed.samples).toBeLessThanOrEqual(400);
      sizes.push(count('samples'));
      if (count('samples', `where ts_ms < ${cutoff()}`) === 0 && count('rig_profit', `where ts_ms < ${cutoff()}`) === 0) break;
    }
    // Caught up: nothing older than the window is left in any table.
    expect(count('samples', `where ts_ms < ${cutoff()}`)).toBe(0);
    expect(count('rig_profit', `where ts_ms < ${cutoff()}`)).toBe(0);
    expect(count('sweeps', `where started_at_ms < ${cutoff()}`)).toBe(0);
    expect(sizes[sizes.length - 1]).toBeLessThan(sizes[0]);

    // Steady: with the default caps each run removes what a sweep wrote; once a whole window was written since
    // the restart the table stays the size of its window.
    const steady: number[] = [];
    for (let run = 0; run < 300; run++) {
      writeSweepRows(now);
      now += STEP_MS;
      runRetention(t.db, now, policy);
      steady.push(count('samples'));
    }
    expect(new Set(steady.slice(-5))).toEqual(new Set([288 * RIGS]));
    expect(count('changes', `where ts_ms < ${now - HOUR}`)).toBe(0);
    expect(count('sweeps', `where started_at_ms < ${now - DAY}`)).toBe(0);
    expect(count('rig_profit')).toBe(288 * RIGS);
  });
});
