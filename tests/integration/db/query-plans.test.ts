/**
 * Every query that filters by time is served by an index (EXPLAIN QUERY PLAN on the migrated schema): the
 * rollup's and retention's ranges over all rigs, a rig's history, pool reconciliation, the fleet's series.
 * A full scan of a telemetry table would cost seconds at 10,000 rigs (issue 16: rollups took 13-15 s).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneSql, type AgedTable } from '../../../lib/db/mutations/prune-by-age';
import { HEAD_OF_RIG_SQL, PRUNE_PACKS_SQL } from '../../../lib/db/mutations/rollup-packs';
import { PRUNE_ROLLUPS_SQL } from '../../../lib/db/mutations/rollups';
import { tempDb } from '../../support/temp';

let t: ReturnType<typeof tempDb>;
beforeAll(() => {
  t = tempDb();
});
afterAll(() => t.cleanup());

/** The plan's detail lines. */
function plan(sql: string, ...params: unknown[]): string[] {
  return (t.db.sqlite.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
}

/**
 * Every access to the table in the plan is a SEARCH through an index or the key: never a SCAN, not even
 * of a covering index (a scan of an index that does not start with the time column reads all of it).
 */
function expectIndexed(lines: string[], table: string): void {
  const touching = lines.filter((l) => new RegExp(`^(SEARCH|SCAN) ${table}\\b`).test(l));
  expect(touching.length, lines.join('\n')).toBeGreaterThan(0);
  for (const l of touching) expect(l, lines.join('\n')).toMatch(/^SEARCH \S+ USING (COVERING INDEX|INDEX|PRIMARY KEY|INTEGER PRIMARY KEY)/);
}

describe('time-filtered queries use an index', () => {
  it.each([
    ['samples', 'select rig_id, ts_ms, hashrate_ths, power_w, temp_max_c from samples where ts_ms >= ? and ts_ms < ?'],
    ['samples', 'select ts_ms, hashrate_ths from samples where ts_ms >= ? and ts_ms < ? and rig_id = ?'],
    ['samples', 'select rig_id, avg(hashrate_ths) from samples where ts_ms >= ? and rig_id in (1, 2, 3) group by rig_id'],
    ['samples', 'select min(ts_ms) from samples'],
    ['rig_profit', 'select rig_id, ts_ms, profit_per_kwh from rig_profit where ts_ms >= ? and ts_ms < ?'],
    ['rig_profit', 'select ts_ms, profit_per_kwh from rig_profit where ts_ms >= ? and ts_ms < ? and rig_id = ?'],
    [
      'rollups',
      "select * from rollups where tier = 'm1' and bucket_start_ms >= ? and bucket_start_ms < ? order by rig_id, bucket_start_ms",
    ],
    ['rollups', "select * from rollups where tier = 'h1' and bucket_start_ms >= ? and bucket_start_ms < ? and rig_id = ?"],
    ['rollups', "select min(bucket_start_ms) from rollups where tier = 'm1'"],
    // The pack job's read of a rig's closed period (lib/db/mutations/rollup-packs).
    ['rollups', HEAD_OF_RIG_SQL],
    // Packs overlapping a range, over all rigs (the 5-minute and hourly rollups) and for one rig (its charts).
    ['rollup_packs', "select * from rollup_packs where tier = 'm1' and pack_start_ms >= ? and pack_start_ms < ?"],
    ['rollup_packs', "select * from rollup_packs where tier = 'h1' and pack_start_ms >= ? and pack_start_ms < ? and rig_id = ?"],
    ['rollup_packs', "select min(pack_start_ms) from rollup_packs where tier = 'm1'"],
    ['economics', "select * from economics where scope = 'fleet' and scope_id = 0 and ts_ms >= ? order by ts_ms"],
    ['sweeps', 'select started_at_ms, hashrate_ths from sweeps where started_at_ms >= ? order by started_at_ms'],
    ['rig_events', 'select * from rig_events where rig_id = ? and ts_ms >= ? order by ts_ms desc'],
    ['changes', 'select * from changes where ts_ms < ?'],
  ])('%s: %s', (table, sql) => {
    const params = (sql.match(/\?/g) ?? []).map(() => 1);
    expectIndexed(plan(sql, ...params), table);
  });

  it.each(['samples', 'rig_profit', 'economics', 'rig_events', 'sweeps', 'changes'] as AgedTable[])('retention of %s', (table) => {
    expectIndexed(plan(pruneSql(table), 1, 5000), table);
  });

  it('retention of a rollup tier', () => {
    expectIndexed(plan(PRUNE_ROLLUPS_SQL, 'm1', 1, 5000), 'rollups');
  });

  it("retention of a tier's packs", () => {
    expectIndexed(plan(PRUNE_PACKS_SQL, 'm5', 1, 5000), 'rollup_packs');
  });
});
