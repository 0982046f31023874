/**
 * Paints a laid-out heat map on a 2D canvas: one filled square per rig with its mark, the building and rack
 * labels, and the keyboard cursor. One pass with no per-cell objects, so 10,000 cells cost a few ms.
 */
import { cellStyle, type CellMark, type HeatmapMode } from './heatmap-colours';
import type { HeatmapLayout } from './heatmap-layout';

/** The page background: marks are cut out of the fill in it. */
const MARK_COLOUR = '#0a0e14';
const LABEL_COLOUR = '#9fadbd';
const CURSOR_COLOUR = '#e6edf3';

/** Draws a mark over a filled square at (x, y) of side s. */
export function drawMark(ctx: CanvasRenderingContext2D, mark: CellMark, x: number, y: number, s: number): void {
  if (mark === 'none' || s < 5) return;
  ctx.fillStyle = MARK_COLOUR;
  ctx.strokeStyle = MARK_COLOUR;
  ctx.lineWidth = Math.max(1, s / 6);
  const m = Math.max(1, s / 5);
  if (mark === 'dot') {
    ctx.beginPath();
    ctx.arc(x + s / 2, y + s / 2, s / 5, 0, Math.PI * 2);
    ctx.fill();
  } else if (mark === 'bar') {
    ctx.fillRect(x + m, y + s / 2 - ctx.lineWidth / 2, s - 2 * m, ctx.lineWidth);
  } else {
    ctx.beginPath();
    if (mark === 'cross') {
      ctx.moveTo(x + m, y + m);
      ctx.lineTo(x + s - m, y + s - m);
    }
    ctx.moveTo(x + s - m, y + m);
    ctx.lineTo(x + m, y + s - m);
    ctx.stroke();
  }
}

/** Paints `layout` in `mode` on a canvas already sized to it (device pixels scaled by `dpr`); ring marks the cursor. */
export function drawHeatmap(ctx: CanvasRenderingContext2D, layout: HeatmapLayout, mode: HeatmapMode, dpr: number, cursor: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, layout.widthPx, layout.heightPx);
  const s = layout.cellPx;
  // Fill by colour first (few fillStyle changes), then the marks.
  const byFill = new Map<string, number[]>();
  for (let i = 0; i < layout.cells.length; i++) {
    const fill = cellStyle(layout.cells[i], mode).fill;
    const list = byFill.get(fill);
    if (list) list.push(i);
    else byFill.set(fill, [i]);
  }
  for (const [fill, list] of byFill) {
    ctx.fillStyle = fill;
    for (const i of list) ctx.fillRect(layout.xs[i], layout.ys[i], s, s);
  }
  for (let i = 0; i < layout.cells.length; i++) {
    const mark = cellStyle(layout.cells[i], mode).mark;
    if (mark !== 'none') drawMark(ctx, mark, layout.xs[i], layout.ys[i], s);
  }
  ctx.fillStyle = LABEL_COLOUR;
  ctx.textBaseline = 'top';
  const fontPx = Math.round((layout.labelPx * 5) / 6) - 1;
  for (const l of layout.labels) {
    ctx.font = `${l.kind === 'building' ? '600 ' : ''}${fontPx}px system-ui, sans-serif`;
    ctx.fillText(l.text, l.x, l.y + 1, l.widthPx);
  }
  if (cursor >= 0 && cursor < layout.cells.length) {
    ctx.strokeStyle = CURSOR_COLOUR;
    ctx.lineWidth = 2;
    ctx.strokeRect(layout.xs[cursor] - 2, layout.ys[cursor] - 2, s + 4, s + 4);
  }
}
