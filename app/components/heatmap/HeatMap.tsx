'use client';
/**
 * One site's heat map: every rig a small square on a canvas (cheap at 10,000: no DOM node or React state per
 * rig), grouped by building and rack. Hover or tap shows the rig's name and state; a click, a tap or Enter
 * opens it. The map is one tab stop: arrow keys move a cursor, Home/End jump, typing a name finds a rig, and
 * a polite live region reads the rig under the cursor.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useRouter } from 'next/navigation';
import type { RigCell } from '../../../lib/domain/rig-cell';
import { cellStyle, type HeatmapMode } from './heatmap-colours';
import { cellAt, layoutSite, neighbour, type Direction } from './heatmap-layout';
import { drawHeatmap } from './draw-cells';
import { describeCell } from './describe-cell';
import { useElementSize } from './use-element-size';
import { nextTypeahead, typeaheadMatch } from './typeahead';

/** Props of HeatMap. */
export interface HeatMapProps {
  /** The site's cells. */
  cells: RigCell[];
  mode: HeatmapMode;
  /** Names the map for assistive technology, e.g. "Rockdale TX". */
  label: string;
  /** The map shrinks its cells to fit this height; with fillHeight, the height of its box instead. */
  maxHeightPx?: number;
  fillHeight?: boolean;
  maxCellPx?: number;
  /** False on the wall: nothing to point at or type on a TV. */
  interactive?: boolean;
  /** Height of a building or rack label line; the text is 5/6 of it (the wall passes its 32 px minimum). */
  labelPx?: number;
}

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** The canvas heat map of one site. */
export function HeatMap({
  cells,
  mode,
  label,
  maxHeightPx = 480,
  fillHeight = false,
  maxCellPx = 16,
  interactive = true,
  labelPx = 16,
}: HeatMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useElementSize(box);
  const router = useRouter();
  const [hover, setHover] = useState(-1);
  const [cursor, setCursor] = useState(-1);
  const typed = useRef({ text: '', atMs: 0 });

  const layout = useMemo(
    () =>
      size.widthPx > 0
        ? layoutSite(cells, {
            widthPx: size.widthPx,
            // A phone shows the map compact: the problem list above it is what a phone is for.
            maxHeightPx: fillHeight ? Math.max(40, size.heightPx) : size.widthPx < 600 ? Math.min(maxHeightPx, 240) : maxHeightPx,
            maxCellPx,
            labelPx,
          })
        : null,
    [cells, size.widthPx, size.heightPx, fillHeight, maxHeightPx, maxCellPx, labelPx],
  );

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || !layout) return;
    const started = performance.now();
    const dpr = window.devicePixelRatio || 1;
    el.width = Math.round(layout.widthPx * dpr);
    el.height = Math.round(Math.max(1, layout.heightPx) * dpr);
    el.style.width = `${layout.widthPx}px`;
    el.style.height = `${layout.heightPx}px`;
    drawHeatmap(ctx, layout, mode, dpr, cursor);
    // Measured, not asserted: the screenshot script reads it (npm run bench reports page figures).
    el.dataset.drawMs = (performance.now() - started).toFixed(2);
  }, [layout, mode, cursor]);

  const open = (i: number) => {
    const c = layout?.cells[i];
    if (c) router.push(`/rigs/${c.id}`);
  };
  const indexAt = (e: MouseEvent<HTMLCanvasElement>) => {
    if (!layout) return -1;
    const r = e.currentTarget.getBoundingClientRect();
    return cellAt(layout, e.clientX - r.left, e.clientY - r.top);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!layout || layout.cells.length === 0) return;
    const dir = ARROWS[e.key];
    let next: number;
    if (dir) next = neighbour(layout, cursor, dir);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = layout.cells.length - 1;
    else if (e.key === 'Enter' && cursor >= 0) return open(cursor);
    else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      typed.current = nextTypeahead(typed.current, e.key, e.timeStamp);
      next = typeaheadMatch(layout.cells, typed.current.text, cursor);
    } else return;
    e.preventDefault();
    if (next >= 0) setCursor(next);
  };

  const shown = hover >= 0 ? hover : cursor;
  const cell = layout && shown >= 0 ? layout.cells[shown] : undefined;
  const current = layout && cursor >= 0 ? layout.cells[cursor] : undefined;
  return (
    <div
      ref={box}
      className={`heatmap${fillHeight ? ' heatmap--fill' : ''}`}
      data-testid="heatmap"
      data-mode={mode}
      data-rigs={cells.length}
      data-cell-px={layout?.cellPx}
      data-cursor-rig-id={current?.id}
      data-cursor-state={current?.state}
      data-cursor-x={current && layout ? layout.xs[cursor] : undefined}
      data-cursor-y={current && layout ? layout.ys[cursor] : undefined}
      role={interactive ? 'application' : 'img'}
      aria-roledescription="heat map"
      aria-label={`${label}: ${cells.length} rigs${interactive ? '. Arrow keys move, type a name to find a rig, Enter opens it' : ''}`}
      tabIndex={interactive && cells.length > 0 ? 0 : undefined}
      onKeyDown={interactive ? onKey : undefined}
      onFocus={() => cursor < 0 && layout && layout.cells.length > 0 && setCursor(0)}
    >
      <canvas
        ref={canvas}
        className="heatmap-canvas"
        aria-hidden="true"
        onPointerMove={interactive ? (e) => setHover(indexAt(e)) : undefined}
        onPointerLeave={() => setHover(-1)}
        onClick={interactive ? (e) => open(indexAt(e)) : undefined}
      />
      {interactive && cell && layout && (
        <div
          className="heatmap-tip"
          data-testid="heatmap-tip"
          style={{ left: Math.min(layout.xs[shown], Math.max(0, layout.widthPx - 220)), top: layout.ys[shown] + layout.cellPx + 4 }}
        >
          <strong>{cell.name}</strong>{' '}
          <span className={`heatmap-tip-state heatmap-tip-state--${cell.state}`}>{cellStyle(cell, 'state').label}</span>
          <span className="heatmap-tip-more">{describeCell(cell)}</span>
        </div>
      )}
      {interactive && (
        <p className="visually-hidden" aria-live="polite">
          {current ? `${current.name}: ${cellStyle(current, 'state').label}. ${describeCell(current)}` : ''}
        </p>
      )}
    </div>
  );
}
