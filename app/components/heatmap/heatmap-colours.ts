/**
 * What a heat-map cell looks like in each colouring: its fill, the mark drawn over it (so colour is never
 * the only cue: offline is crossed, stale striped, an error dotted, a loss barred, a critical temperature
 * crossed), and the legend's words. One table per mode, used by the canvas and by the legend alike. Pure.
 */
import { PROFIT_BANDS, RIG_STATES, TEMP_BANDS, type RigCell } from '../../../lib/domain/rig-cell';

/** What the cells are coloured by. */
export const HEATMAP_MODES = ['state', 'profit', 'temp'] as const;
export type HeatmapMode = (typeof HEATMAP_MODES)[number];

/** The switch's words for each mode. */
export const MODE_LABEL: Record<HeatmapMode, string> = { state: 'State', profit: 'Profit / kWh now', temp: 'Temperature' };

/** A shape drawn over the fill, in the background colour. */
export type CellMark = 'none' | 'cross' | 'stripe' | 'dot' | 'bar';

/** How one value of a mode is drawn and named. */
export interface CellStyle {
  fill: string;
  mark: CellMark;
  label: string;
}

// Fills sit at 3:1 or more against the panel (#111823) so a cell reads as a shape; marks use the page colour.
const STATE_STYLE: Record<RigCell['state'], CellStyle> = {
  mining: { fill: '#3fb950', mark: 'none', label: 'Mining' },
  sleeping: { fill: '#58a6ff', mark: 'none', label: 'Sleeping' },
  throttled: { fill: '#e3b341', mark: 'none', label: 'Throttled' },
  error: { fill: '#f0883e', mark: 'dot', label: 'Error' },
  stale: { fill: '#8b98a8', mark: 'stripe', label: 'Stale' },
  offline: { fill: '#ff7b72', mark: 'cross', label: 'Offline' },
};

const PROFIT_STYLE: Record<RigCell['profitBand'], CellStyle> = {
  strong: { fill: '#7ee787', mark: 'none', label: 'Strong (margin 50 %+)' },
  healthy: { fill: '#2ea043', mark: 'none', label: 'Healthy (10-50 %)' },
  thin: { fill: '#e3b341', mark: 'none', label: 'Thin (under 10 %)' },
  losing: { fill: '#ff7b72', mark: 'bar', label: 'Losing money' },
  unknown: { fill: '#4a5668', mark: 'none', label: 'Unknown or not hashing' },
};

const TEMP_STYLE: Record<RigCell['tempBand'], CellStyle> = {
  normal: { fill: '#58a6ff', mark: 'none', label: 'At or below warning' },
  hot: { fill: '#e3b341', mark: 'none', label: 'Hot (up to 5 °C over)' },
  'very-hot': { fill: '#f0883e', mark: 'dot', label: 'Very hot (5-10 °C over)' },
  critical: { fill: '#ff5c5c', mark: 'cross', label: 'Critical (10 °C+ over)' },
  unknown: { fill: '#4a5668', mark: 'none', label: 'No reading' },
};

/** The value of `cell` that `mode` colours by. */
export function cellValue(cell: Pick<RigCell, 'state' | 'profitBand' | 'tempBand'>, mode: HeatmapMode): string {
  if (mode === 'profit') return cell.profitBand;
  if (mode === 'temp') return cell.tempBand;
  return cell.state;
}

/** How `cell` is drawn in `mode`. */
export function cellStyle(cell: Pick<RigCell, 'state' | 'profitBand' | 'tempBand'>, mode: HeatmapMode): CellStyle {
  if (mode === 'profit') return PROFIT_STYLE[cell.profitBand];
  if (mode === 'temp') return TEMP_STYLE[cell.tempBand];
  return STATE_STYLE[cell.state];
}

/** One legend line: the value, how it is drawn, and how many cells have it. */
export interface LegendEntry extends CellStyle {
  value: string;
  count: number;
}

/** The legend of `mode` over `cells`, in the mode's order (best first for money and heat); every value listed. */
export function legendOf(cells: readonly Pick<RigCell, 'state' | 'profitBand' | 'tempBand'>[], mode: HeatmapMode): LegendEntry[] {
  const table: Record<string, CellStyle> = mode === 'profit' ? PROFIT_STYLE : mode === 'temp' ? TEMP_STYLE : STATE_STYLE;
  const order: readonly string[] =
    mode === 'profit' ? [...PROFIT_BANDS].reverse() : mode === 'temp' ? [...TEMP_BANDS.slice(1), TEMP_BANDS[0]] : RIG_STATES;
  const counts = new Map<string, number>();
  for (const c of cells) {
    const v = cellValue(c, mode);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return order.map((value) => ({ value, ...table[value], count: counts.get(value) ?? 0 }));
}

/** A mode from a URL parameter or stored text; anything else is the state colouring. */
export function parseHeatmapMode(raw: string | null | undefined): HeatmapMode {
  return (HEATMAP_MODES as readonly string[]).includes(raw ?? '') ? (raw as HeatmapMode) : 'state';
}
