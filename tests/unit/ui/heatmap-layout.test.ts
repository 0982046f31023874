/**
 * The heat map's layout: rigs grouped by site, then building and rack (named ones in natural order, unnamed
 * last), ordered by position within a rack; every cell placed once, inside the width, without overlaps; cells
 * shrink to fit the height; hit-testing and arrow keys find the right cell.
 */
import { describe, expect, it } from 'vitest';
import type { RigCell, RigLocation } from '../../../lib/domain/rig-cell';
import { cellAt, cellsBySite, groupByLocation, layoutSite, neighbour } from '../../../app/components/heatmap/heatmap-layout';
import { nextTypeahead, typeaheadMatch } from '../../../app/components/heatmap/typeahead';

function cell(id: number, location: Partial<RigLocation> | null = null, siteId = 1): RigCell {
  return {
    id,
    siteId,
    name: `rig-${id}`,
    location: location ? { building: null, rack: null, position: null, ...location } : null,
    state: 'mining',
    profitBand: 'healthy',
    tempBand: 'normal',
  };
}

describe('grouping', () => {
  it('splits cells by site in the order the sites are given, leaving out cells of other sites', () => {
    const by = cellsBySite([cell(1, null, 2), cell(2, null, 1), cell(3, null, 2), cell(4, null, 7)], [1, 2, 3]);
    expect([...by.entries()].map(([id, cs]) => [id, cs.map((c) => c.id)])).toEqual([
      [1, [2]],
      [2, [1, 3]],
      [3, []],
    ]);
  });

  it('groups by building then rack, named in natural order before unnamed, rigs by position then name', () => {
    const groups = groupByLocation([
      cell(1, { building: 'B10', rack: 'R1', position: '2' }),
      cell(2, { building: 'B2', rack: 'R10', position: '1' }),
      cell(3, { building: 'B2', rack: 'R2', position: '10' }),
      cell(4, { building: 'B2', rack: 'R2', position: '9' }),
      cell(5, null),
      cell(6, { building: 'B2', rack: null }),
      cell(7, { building: 'B2', rack: 'R2', position: null }),
    ]);
    expect(groups.map((g) => [g.building, g.racks.map((r) => [r.rack, r.cells.map((c) => c.id)])])).toEqual([
      [
        'B2',
        [
          ['R2', [4, 3, 7]],
          ['R10', [2]],
          [null, [6]],
        ],
      ],
      ['B10', [['R1', [1]]]],
      [null, [[null, [5]]]],
    ]);
  });
});

describe('layout', () => {
  const located = Array.from({ length: 90 }, (_, i) =>
    cell(i + 1, { building: `B${1 + (i % 2)}`, rack: `R${1 + (i % 5)}`, position: String(i) }),
  );

  for (const [name, cells] of [
    ['with locations', located],
    ['without locations', Array.from({ length: 500 }, (_, i) => cell(i + 1))],
  ] as const) {
    it(`places every cell once, inside the width, none overlapping (${name})`, () => {
      const l = layoutSite(cells, { widthPx: 300, maxHeightPx: 10_000 });
      expect(l.cells).toHaveLength(cells.length);
      expect(new Set(l.cells.map((c) => c.id)).size).toBe(cells.length);
      const seen = new Set<string>();
      for (let i = 0; i < l.cells.length; i++) {
        expect(l.xs[i]).toBeGreaterThanOrEqual(0);
        expect(l.xs[i] + l.cellPx).toBeLessThanOrEqual(300);
        expect(l.ys[i] + l.cellPx).toBeLessThanOrEqual(l.heightPx);
        const key = `${l.xs[i]},${l.ys[i]}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    });
  }

  it('labels buildings and racks only when the operator named them', () => {
    expect(layoutSite([cell(1), cell(2)], { widthPx: 300, maxHeightPx: 500 }).labels).toEqual([]);
    const texts = layoutSite(located, { widthPx: 600, maxHeightPx: 2000 }).labels.map((l) => l.text);
    expect(texts.filter((t) => t.startsWith('B'))).toEqual(['B1', 'B2']);
    expect(texts.filter((t) => t.startsWith('R'))).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R1', 'R2', 'R3', 'R4', 'R5']);
  });

  it('takes the largest cells that fit the height, and goes no smaller than the minimum', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => cell(i + 1));
    const roomy = layoutSite(many.slice(0, 50), { widthPx: 1000, maxHeightPx: 400 });
    expect(roomy.cellPx).toBe(16);
    const fitted = layoutSite(many, { widthPx: 1400, maxHeightPx: 600 });
    expect(fitted.heightPx).toBeLessThanOrEqual(600);
    expect(fitted.cellPx).toBeLessThan(16);
    const tight = layoutSite(many, { widthPx: 300, maxHeightPx: 50, minCellPx: 3 });
    expect(tight.cellPx).toBe(3);
    expect(tight.heightPx).toBeGreaterThan(50);
  });

  it('gives up rack labels, then building labels, before cells shrink below readable', () => {
    const big = Array.from({ length: 4800 }, (_, i) =>
      cell(i + 1, { building: `H${1 + Math.floor(i / 480)}`, rack: `R${1 + Math.floor(i / 24)}` }),
    );
    const kinds = (maxHeightPx: number) => {
      const l = layoutSite(big, { widthPx: 1200, maxHeightPx, labelPx: 36 });
      return { kinds: [...new Set(l.labels.map((x) => x.kind))], cellPx: l.cellPx, fits: l.heightPx <= maxHeightPx };
    };
    expect(kinds(20_000)).toEqual({ kinds: ['building', 'rack'], cellPx: 16, fits: true });
    const some = kinds(1800);
    expect(some.kinds).toEqual(['building']);
    expect(some.cellPx).toBeGreaterThanOrEqual(8);
    const none = kinds(1000);
    expect(none.kinds).toEqual([]);
    expect(none.fits).toBe(true);
  });

  it('finds the cell under a point, and none in a gap or outside', () => {
    const l = layoutSite([cell(1), cell(2), cell(3)], { widthPx: 300, maxHeightPx: 100 });
    expect(cellAt(l, l.xs[1] + 1, l.ys[1] + 1)).toBe(1);
    expect(cellAt(l, 299, 99)).toBe(-1);
    expect(cellAt(l, -1, 0)).toBe(-1);
  });

  it('moves the keyboard cursor in reading order, and to the nearest cell above and below', () => {
    const l = layoutSite(
      Array.from({ length: 25 }, (_, i) => cell(i + 1)),
      { widthPx: 10 * 18 - 2, maxHeightPx: 1000 },
    ); // ten per row
    expect(neighbour(l, 0, 'left')).toBe(0);
    expect(neighbour(l, 0, 'right')).toBe(1);
    expect(neighbour(l, 3, 'down')).toBe(13);
    expect(neighbour(l, 13, 'up')).toBe(3);
    expect(neighbour(l, 18, 'down')).toBe(24); // the last row is short: its nearest cell
    expect(neighbour(l, 24, 'down')).toBe(24);
    expect(neighbour(l, 24, 'right')).toBe(24);
    expect(neighbour(l, -1, 'down')).toBe(0);
  });
});

describe('type to find a rig', () => {
  const cells = ['rig-1', 'rig-10', 'rig-2', 'pump-1'].map((name, i) => ({ name, id: i }));
  it('goes to the rig named exactly so, else the next whose name starts with the text, wrapping', () => {
    expect(typeaheadMatch(cells, 'RIG-1', 3)).toBe(0);
    expect(typeaheadMatch(cells, 'rig-', 0)).toBe(1);
    expect(typeaheadMatch(cells, 'p', 0)).toBe(3);
    expect(typeaheadMatch(cells, 'r', 3)).toBe(0);
    expect(typeaheadMatch(cells, 'zz', 2)).toBe(2);
  });
  it('continues the text within a second and starts again after', () => {
    expect(nextTypeahead({ text: 'ri', atMs: 1000 }, 'g', 1500)).toEqual({ text: 'rig', atMs: 1500 });
    expect(nextTypeahead({ text: 'ri', atMs: 1000 }, 'p', 2500)).toEqual({ text: 'p', atMs: 2500 });
  });
});
