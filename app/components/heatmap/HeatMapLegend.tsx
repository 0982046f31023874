'use client';
/**
 * The heat map's legend: each value of the colouring with its swatch (drawn by the same code as the cells, mark
 * included) and how many rigs have it, so colour is never the only cue and the counts add up to the rigs shown.
 */
import { useEffect, useRef } from 'react';
import { drawMark } from './draw-cells';
import type { LegendEntry } from './heatmap-colours';

const SWATCH_PX = 14;

/** A legend swatch: the fill and mark of a value, drawn like the cells. */
export function Swatch({ entry }: { entry: LegendEntry }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = ref.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    el.width = SWATCH_PX * dpr;
    el.height = SWATCH_PX * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = entry.fill;
    ctx.fillRect(0, 0, SWATCH_PX, SWATCH_PX);
    drawMark(ctx, entry.mark, 0, 0, SWATCH_PX);
  }, [entry.fill, entry.mark]);
  return <canvas ref={ref} className="heatmap-swatch" aria-hidden="true" style={{ background: entry.fill }} />;
}

/** Props of HeatMapLegend. */
export interface HeatMapLegendProps {
  entries: LegendEntry[];
  /** Leaves out values no rig has (the wall, short of room); the overview lists them all. */
  hideEmpty?: boolean;
}

/** One line per value: swatch, words, count. */
export function HeatMapLegend({ entries, hideEmpty = false }: HeatMapLegendProps) {
  return (
    <ul className="heatmap-legend" data-testid="heatmap-legend">
      {entries
        .filter((e) => !hideEmpty || e.count > 0)
        .map((e) => (
          <li key={e.value} className={`heatmap-legend-item${e.count === 0 ? ' is-zero' : ''}`} data-value={e.value} data-count={e.count}>
            <Swatch entry={e} />
            <span className="heatmap-legend-label">{e.label}</span>
            <span className="heatmap-legend-count">{e.count.toLocaleString('en-US')}</span>
          </li>
        ))}
    </ul>
  );
}
