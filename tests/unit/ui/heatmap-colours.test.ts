/**
 * Heat-map colours and the top problem rigs: each mode colours by its own band, the worst states carry a mark
 * (colour is never the only cue), the legend lists every value with counts adding up to the rigs, and the
 * problem list puts the worst first and leaves healthy and sleeping rigs out.
 */
import { describe, expect, it } from 'vitest';
import { PROFIT_BANDS, RIG_STATES, TEMP_BANDS, type RigCell } from '../../../lib/domain/rig-cell';
import { cellStyle, HEATMAP_MODES, legendOf, parseHeatmapMode } from '../../../app/components/heatmap/heatmap-colours';
import { problemOf, topProblemRigs } from '../../../app/components/heatmap/problem-rigs';
import { describeCell } from '../../../app/components/heatmap/describe-cell';

function cell(id: number, over: Partial<RigCell> = {}): RigCell {
  return { id, siteId: 1, name: `rig-${id}`, location: null, state: 'mining', profitBand: 'healthy', tempBand: 'normal', ...over };
}

describe('colours', () => {
  it('colours by state, profit band or temperature band as the switch says', () => {
    const c = cell(1, { state: 'offline', profitBand: 'losing', tempBand: 'critical' });
    expect(cellStyle(c, 'state')).toEqual({ fill: '#ff7b72', mark: 'cross', label: 'Offline' });
    expect(cellStyle(c, 'profit')).toEqual({ fill: '#ff7b72', mark: 'bar', label: 'Losing money' });
    expect(cellStyle(c, 'temp')).toEqual({ fill: '#ff5c5c', mark: 'cross', label: 'Critical (10 °C+ over)' });
    expect(cellStyle(cell(2), 'state').fill).toBe('#3fb950');
  });

  it('gives every value of a mode its own fill or mark, and marks the worst states', () => {
    const values = { state: RIG_STATES, profit: PROFIT_BANDS, temp: TEMP_BANDS } as const;
    for (const mode of HEATMAP_MODES) {
      const looks = legendOf([], mode).map((e) => `${e.fill}/${e.mark}`);
      expect(new Set(looks).size).toBe(values[mode].length);
    }
    for (const state of ['offline', 'stale', 'error'] as const) expect(cellStyle(cell(1, { state }), 'state').mark).not.toBe('none');
  });

  it('lists every value in the legend, with counts adding up to the rigs', () => {
    const cells = [cell(1), cell(2, { state: 'offline' }), cell(3, { state: 'offline' }), cell(4, { state: 'stale' })];
    const legend = legendOf(cells, 'state');
    expect(legend.map((e) => [e.value, e.count])).toEqual([
      ['mining', 1],
      ['throttled', 0],
      ['sleeping', 0],
      ['error', 0],
      ['stale', 1],
      ['offline', 2],
    ]);
    expect(legendOf(cells, 'profit').map((e) => e.value)).toEqual(['strong', 'healthy', 'thin', 'losing', 'unknown']);
    expect(legendOf(cells, 'temp').reduce((s, e) => s + e.count, 0)).toBe(cells.length);
  });

  it('reads ?map=, falling back to state', () => {
    expect(parseHeatmapMode('temp')).toBe('temp');
    expect(parseHeatmapMode('profit')).toBe('profit');
    expect(parseHeatmapMode('nonsense')).toBe('state');
    expect(parseHeatmapMode(undefined)).toBe('state');
  });

  it('says a cell in words: temperature, money and place', () => {
    expect(describeCell(cell(1, { tempBand: 'hot', profitBand: 'thin', location: { building: 'B1', rack: null, position: '4' } }))).toBe(
      'Temperature: Hot (up to 5 °C over) · Profit: Thin (under 10 %) · B1 / 4',
    );
  });
});

describe('top problem rigs', () => {
  it('names the worst problem of a rig, and none for a cool profitable or sleeping one', () => {
    expect(problemOf(cell(1, { state: 'offline', tempBand: 'critical' }))).toBe('offline');
    expect(problemOf(cell(1, { state: 'throttled', tempBand: 'very-hot' }))).toBe('very-hot');
    expect(problemOf(cell(1, { profitBand: 'losing', tempBand: 'hot' }))).toBe('losing');
    expect(problemOf(cell(1, { tempBand: 'hot' }))).toBe('hot');
    expect(problemOf(cell(1))).toBeNull();
    expect(problemOf(cell(1, { state: 'sleeping', profitBand: 'unknown' }))).toBeNull();
    expect(problemOf(cell(1, { profitBand: 'thin' }))).toBeNull();
  });

  it('puts the worst first, then by name, keeps the limit and counts them all', () => {
    const cells = [
      cell(1, { tempBand: 'hot' }),
      cell(12, { state: 'offline' }),
      cell(3),
      cell(2, { state: 'offline' }),
      cell(5, { state: 'stale' }),
      cell(6, { tempBand: 'critical' }),
      cell(7, { state: 'error' }),
      cell(8, { profitBand: 'losing' }),
      cell(9, { state: 'throttled' }),
    ];
    const { rigs, total } = topProblemRigs(cells, 5);
    expect(rigs.map((r) => [r.cell.id, r.problem])).toEqual([
      [2, 'offline'],
      [12, 'offline'],
      [7, 'error'],
      [6, 'critical'],
      [5, 'stale'],
    ]);
    expect(total).toBe(8);
    expect(topProblemRigs([cell(1), cell(2)], 5)).toEqual({ rigs: [], total: 0 });
  });
});
