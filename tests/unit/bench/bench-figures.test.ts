/**
 * The bench's arithmetic (bench/storage.ts, bench/goals.ts, bench/stats.ts): the steady state per rig
 * from table growth, the goal table, percentiles. Expected values worked out by hand below.
 */
import { describe, expect, it } from 'vitest';
import { goalsOf } from '../../../bench/goals';
import { percentile } from '../../../bench/stats';
import { steadyState, type TableSizes } from '../../../bench/storage';

const PAGE = 4096;
const big = (rows: number, bytes: number) => ({ rows, bytes, usedBytes: bytes });

describe('steadyState', () => {
  // 10 rigs, 2 sweeps. samples: 20 rows of 1,000 B added (per rig per sweep 1,000 B, x 8,640 a day, kept 1 day).
  const before: TableSizes = { samples: big(1000, 1_000_000), rigs: big(10, 5 * PAGE), mystery: big(0, 0) };
  const after: TableSizes = { samples: big(1020, 1_020_000), rigs: big(10, 5 * PAGE), mystery: big(10, 200) };
  const final: TableSizes = { ...after, rollups: big(30, 30 * 100) };
  const s = steadyState(PAGE, before, after, final, 2, 10, 0);

  it('extrapolates a per-sweep table by rows added x mean row size x sweeps a day x days kept', () => {
    expect(s.perTable.samples.bytesPerRigPerDay).toBe(8_640_000);
    expect(s.perTable.samples.steadyBytesPerRig).toBe(8_640_000);
    expect(s.perTable.samples.rowsPerRigPerDay).toBe(8640);
  });

  it('counts bucket tiers by the model at the packed bucket cost: 1,440 a day for 7 days, 288 for 90, 24 for 730', () => {
    // The rows a short run sees (100 B each here) are not what a bucket costs once packed: 62 B (measured).
    expect(s.perTable['rollups:m1'].steadyBytesPerRig).toBe(62 * 1440 * 7);
    expect(s.perTable['rollups:m5'].steadyBytesPerRig).toBe(62 * 288 * 90);
    expect(s.perTable['rollups:h1'].steadyBytesPerRig).toBe(62 * 24 * 730);
  });

  it('does not count the packs again', () => {
    const withPacks = steadyState(PAGE, before, after, { ...final, rollup_packs: big(5, 5 * PAGE) }, 2, 10, 0);
    expect(withPacks.steadyStateBytesPerRig).toBe(s.steadyStateBytesPerRig);
  });

  it('measures a table the model does not know at raw retention, flagged unmodelled', () => {
    // 10 rows of 20 B in 2 sweeps over 10 rigs: 10 B per rig per sweep, 86,400 a day, 1 day.
    expect(s.perTable.mystery).toMatchObject({ modelled: false, bytesPerRigPerDay: 86_400, steadyBytesPerRig: 86_400 });
  });

  it('adds tables that do not grow once, per rig', () => {
    expect(s.staticBytesPerRig).toBe((5 * PAGE) / 10);
    expect(s.steadyStateBytesPerRig).toBe(8_640_000 + 624_960 + 1_607_040 + 1_086_240 + 86_400 + (5 * PAGE) / 10);
  });
});

describe('goalsOf', () => {
  it('takes each figure from the largest fleet that has it and says whether it meets the limit', () => {
    const goals = goalsOf({
      '1000': { collector: { cpuMsPerSweep: 100, failedPolls: 0 } },
      '10000': { collector: { cpuMsPerSweep: 4000 } },
    });
    expect(goals.find((g) => g.goal.startsWith('collector CPU per sweep'))).toMatchObject({ figure: 4000, miners: 10000, met: false });
    expect(goals.find((g) => g.goal === 'failed polls')).toMatchObject({ figure: 0, miners: 1000, met: true });
    expect(goals.find((g) => g.goal.startsWith('Lighthouse'))).toMatchObject({ figure: null, met: null });
  });
});

describe('percentile', () => {
  it('is the nearest rank', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i); // 20..1
    expect(percentile(values, 95)).toBe(19);
    expect(percentile(values, 50)).toBe(10);
    expect(percentile([], 95)).toBeNull();
  });
});
