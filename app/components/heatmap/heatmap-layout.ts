/**
 * Where each cell of a site's heat map goes: rigs grouped by building, then rack (as the operator named
 * them in the rig settings), each rack a small block of cells ordered by position, blocks flowing across
 * the width like words; a site with no locations is one block filling the width. The cell size is the
 * largest that fits the height given. Pure: the canvas draws it and hit-tests against it.
 */
import type { RigCell } from '../../../lib/domain/rig-cell';
import { rigTextCollator } from '../../../lib/format/sort-rigs';

/** A rack's rigs (rack null: rigs of the building with no rack named). */
export interface RackGroup {
  rack: string | null;
  cells: RigCell[];
}

/** A building's racks (building null: rigs with no building named). */
export interface BuildingGroup {
  building: string | null;
  racks: RackGroup[];
}

/** Named before unnamed, named ones in natural order ("R2" before "R10"). */
function compareNames(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return rigTextCollator.compare(a, b);
}

function byPositionThenName(a: RigCell, b: RigCell): number {
  return compareNames(a.location?.position ?? null, b.location?.position ?? null) || rigTextCollator.compare(a.name, b.name) || a.id - b.id;
}

/** One site's cells by building, then rack, then position and name. */
export function groupByLocation(cells: readonly RigCell[]): BuildingGroup[] {
  const buildings = new Map<string | null, Map<string | null, RigCell[]>>();
  for (const c of cells) {
    const b = c.location?.building ?? null;
    const r = c.location?.rack ?? null;
    let racks = buildings.get(b);
    if (!racks) buildings.set(b, (racks = new Map()));
    const list = racks.get(r);
    if (list) list.push(c);
    else racks.set(r, [c]);
  }
  return [...buildings.entries()]
    .sort(([a], [b]) => compareNames(a, b))
    .map(([building, racks]) => ({
      building,
      racks: [...racks.entries()]
        .sort(([a], [b]) => compareNames(a, b))
        .map(([rack, list]) => ({ rack, cells: list.sort(byPositionThenName) })),
    }));
}

/** Cells grouped by site id, in the order the sites are given; sites without cells get an empty list. */
export function cellsBySite(cells: readonly RigCell[], siteIds: readonly number[]): Map<number, RigCell[]> {
  const out = new Map<number, RigCell[]>(siteIds.map((id) => [id, []]));
  for (const c of cells) out.get(c.siteId)?.push(c);
  return out;
}

/** A text label drawn above a block or a building. */
export interface LayoutLabel {
  x: number;
  y: number;
  /** Room for it: the block's width (a longer label is squeezed to fit). */
  widthPx: number;
  text: string;
  kind: 'building' | 'rack';
}

/** A laid-out site: cell i is `cells[i]` at (xs[i], ys[i]), `cellPx` square. */
export interface HeatmapLayout {
  widthPx: number;
  heightPx: number;
  cellPx: number;
  gapPx: number;
  /** Height of a label line. */
  labelPx: number;
  cells: RigCell[];
  xs: Float32Array;
  ys: Float32Array;
  labels: LayoutLabel[];
}

/** Limits of a layout. */
export interface LayoutOptions {
  widthPx: number;
  /** The layout shrinks its cells to fit this height, down to minCellPx (below which it grows taller). */
  maxHeightPx: number;
  maxCellPx?: number;
  minCellPx?: number;
  /** Height of a label line. */
  labelPx?: number;
}

/** Cells per row of a rack block: racks read as columns, a few cells wide. */
export const RACK_COLUMNS = 6;

function gapFor(cellPx: number): number {
  return cellPx >= 10 ? 2 : 1;
}

/** How many labels a layout draws: buildings and racks, buildings only, or none (groups keep their spacing). */
type LabelLevel = 2 | 1 | 0;

function place(
  groups: BuildingGroup[],
  widthPx: number,
  cellPx: number,
  labelPx: number,
  level: LabelLevel,
  out: HeatmapLayout | null,
): number {
  const gap = gapFor(cellPx);
  const step = cellPx + gap;
  const located = !(groups.length === 1 && groups[0].building === null && groups[0].racks.length === 1 && groups[0].racks[0].rack === null);
  const blockGap = Math.max(step * 2, 8);
  let y = 0;
  let n = 0;
  for (const g of groups) {
    if (located && level >= 1 && (g.building !== null || groups.length > 1)) {
      out?.labels.push({ x: 0, y, widthPx, text: g.building ?? 'No building', kind: 'building' });
      y += labelPx;
    }
    let x = 0;
    let rowHeight = 0;
    for (const rack of g.racks) {
      // Named racks are narrow columns; the rest of a site or building fills the width.
      const perRow = located && rack.rack !== null ? Math.min(rack.cells.length, RACK_COLUMNS) : rack.cells.length;
      const cols = Math.max(1, Math.min(perRow, Math.floor((widthPx + gap) / step)));
      const blockW = cols * step - gap;
      const rows = Math.ceil(rack.cells.length / cols);
      const labelH = located && level === 2 ? labelPx : 0;
      const blockH = labelH + rows * step - gap;
      if (x > 0 && x + blockW > widthPx) {
        y += rowHeight + blockGap / 2;
        x = 0;
        rowHeight = 0;
      }
      if (out && labelH > 0) out.labels.push({ x, y, widthPx: blockW + blockGap / 2, text: rack.rack ?? 'No rack', kind: 'rack' });
      rack.cells.forEach((c, i) => {
        if (out) {
          out.cells[n] = c;
          out.xs[n] = x + (i % cols) * step;
          out.ys[n] = y + labelH + Math.floor(i / cols) * step;
        }
        n++;
      });
      x += blockW + blockGap;
      rowHeight = Math.max(rowHeight, blockH);
    }
    y += rowHeight + blockGap / 2;
  }
  return Math.ceil(y - blockGap / 2);
}

/** Cells smaller than this give up labels before they shrink further: labels must not eat the map. */
export const READABLE_CELL_PX = 8;

/**
 * Lays out one site's cells: the largest cell size from maxCellPx down whose layout fits maxHeightPx, with
 * building and rack labels while cells stay READABLE_CELL_PX or larger, else building labels only, else none.
 */
export function layoutSite(cells: readonly RigCell[], opts: LayoutOptions): HeatmapLayout {
  const { widthPx, maxHeightPx, maxCellPx = 16, minCellPx = 3, labelPx = 16 } = opts;
  const groups = groupByLocation(cells);
  const fits = (size: number, lvl: LabelLevel) => place(groups, widthPx, size, labelPx, lvl, null) <= maxHeightPx;
  let level: LabelLevel = 0;
  let cellPx = maxCellPx;
  for (const lvl of [2, 1] as const) {
    let size = maxCellPx;
    while (size > READABLE_CELL_PX && !fits(size, lvl)) size--;
    if (fits(size, lvl)) {
      level = lvl;
      cellPx = size;
      break;
    }
  }
  if (level === 0) while (cellPx > minCellPx && !fits(cellPx, 0)) cellPx--;
  const out: HeatmapLayout = {
    widthPx,
    heightPx: 0,
    cellPx,
    gapPx: gapFor(cellPx),
    labelPx,
    cells: new Array<RigCell>(cells.length),
    xs: new Float32Array(cells.length),
    ys: new Float32Array(cells.length),
    labels: [],
  };
  out.heightPx = cells.length === 0 ? 0 : place(groups, widthPx, cellPx, labelPx, level, out);
  return out;
}

/** The index of the cell under (x, y), or -1. */
export function cellAt(layout: HeatmapLayout, x: number, y: number): number {
  const s = layout.cellPx;
  for (let i = 0; i < layout.cells.length; i++) {
    const dx = x - layout.xs[i];
    const dy = y - layout.ys[i];
    if (dx >= 0 && dy >= 0 && dx < s + layout.gapPx && dy < s + layout.gapPx) return i;
  }
  return -1;
}

/** Arrow-key directions of the keyboard cursor. */
export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The cell the keyboard moves to from `index`: left/right step through the reading order; up/down go to the
 * nearest row above or below, to the cell closest in x. Stays put at an edge.
 */
export function neighbour(layout: HeatmapLayout, index: number, dir: Direction): number {
  const n = layout.cells.length;
  if (n === 0) return -1;
  if (index < 0 || index >= n) return 0;
  if (dir === 'left') return Math.max(0, index - 1);
  if (dir === 'right') return Math.min(n - 1, index + 1);
  const x0 = layout.xs[index];
  const y0 = layout.ys[index];
  const sign = dir === 'down' ? 1 : -1;
  let best = index;
  let bestDy = Infinity;
  let bestDx = Infinity;
  for (let i = 0; i < n; i++) {
    const dy = (layout.ys[i] - y0) * sign;
    if (dy <= 0) continue;
    const dx = Math.abs(layout.xs[i] - x0);
    if (dy < bestDy || (dy === bestDy && dx < bestDx)) {
      best = i;
      bestDy = dy;
      bestDx = dx;
    }
  }
  return best;
}
