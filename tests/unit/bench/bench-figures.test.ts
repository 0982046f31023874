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
  // 10 rigs, 2 sweeps. samples: 20 rows of 1,000 B added (per rig per sweep 1,000 B, x 8,640 a day, kept 1 day at the default raw retention).
  const before: TableSizes = { samples: big(1000, 1_000_000), rigs: big(10, 5 * PAGE), mystery: big(0, 0) };
  const after: TableSizes = { samples: big(1020, 1_020_000), rigs: big(10, 5 * PAGE), mystery: big(10, 200) };
  const final: TableSizes = { ...after, rollups: big(30, 30 * 100) };
  const s = steadyState(PAGE, before, after, final, 2, 10, 0);

  it('extrapolates a per-sweep table by rows added x mean row size x sweeps a day x days kept', () => {
    expect(s.perTable.samples.bytesPerRigPerDay).toBe(8_640_000);
    expect(s.perTable.samples.steadyBytesPerRig).toBe(8_640_000);
    expect(s.perTable.samples.rowsPerRigPerDay).toBe(8640);
  });

  it('counts bucket tiers by the model: 1,440 one-minute rows a day for 7 days, 288 five-minute for 90, 24 hourly for 730', () => {
    // 3,000 B over 30 rows: a small table, so its used bytes: 100 B a row.
    expect(s.perTable['rollups:m1'].steadyBytesPerRig).toBe(100 * 1440 * 7);
    expect(s.perTable['rollups:m5'].steadyBytesPerRig).toBe(100 * 288 * 90);
    expect(s.perTable['rollups:h1'].steadyBytesPerRig).toBe(100 * 24 * 730);
  });

  it('measures a table the model does not know at raw retention, flagged unmodelled', () => {
    // 10 rows of 20 B in 2 sweeps over 10 rigs: 10 B per rig per sweep, 86,400 a day, 1 day.
    expect(s.perTable.mystery).toMatchObject({ modelled: false, bytesPerRigPerDay: 86_400, steadyBytesPerRig: 86_400 });
  });

  it('adds tables that do not grow once, per rig', () => {
    expect(s.staticBytesPerRig).toBe((5 * PAGE) / 10);
    expect(s.steadyStateBytesPerRig).toBe(8_640_000 + 1_008_000 + 2_592_000 + 1_752_000 + 86_400 + (5 * PAGE) / 10);
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
