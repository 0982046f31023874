'use client';
/**
 * The merit-order curve: cumulative MW (x) against each rig's breakeven price per kWh (y), cheapest to
 * switch off first; a dashed line at the power price; the MW under it, which lose money at that price,
 * shaded red and written out. The Chart instance lives with the component and is updated in place.
 */
import { memo, useEffect, useRef } from 'react';
import { Chart, Filler, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { TooltipItem } from 'chart.js';
import { formatPricePerKwh, pricePerKwhParts } from '../../../lib/format/money';
import { formatPowerW } from '../../../lib/format/units';
import type { MeritCurve } from './merit-curve';

// A stepped line with a filled region and a tooltip: nothing else is registered.
Chart.register(LineController, LineElement, PointElement, LinearScale, Filler, Tooltip);

type XY = { x: number; y: number };
type Series = { curve: XY[]; curtailed: XY[]; price: XY[] };

const W_PER_MW = 1e6;

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

function tickFont(): { size: number } {
  const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return { size: Math.round(rootPx * 0.8) };
}

/**
 * Step geometry: each rig's point starts its step; a last point closes the final step. Drawn with
 * Chart.js's stepped 'before', which runs level from a point to the next x and rises there (its 'after'
 * rises first, which would shift every rig one step to the left). The shaded series is the same steps
 * at 0 for rigs that pay their way, so only the losing rigs' area is filled, wherever they sit.
 */
function toSeries(c: MeritCurve): Series {
  const close = <T,>(points: T[], last: T | undefined) => (last === undefined ? points : [...points, last]);
  const last = c.steps[c.steps.length - 1];
  const curve = close(
    c.steps.map((s) => ({ x: s.fromMw, y: s.breakevenPricePerKwh })),
    last && { x: last.toMw, y: last.breakevenPricePerKwh },
  );
  const curtailed = close(
    c.steps.map((s) => ({ x: s.fromMw, y: s.curtail ? s.breakevenPricePerKwh : 0 })),
    last && { x: last.toMw, y: last.curtail ? last.breakevenPricePerKwh : 0 },
  );
  let price: XY[] = [];
  if (last && c.pricePerKwh !== null) {
    price = [
      { x: 0, y: c.pricePerKwh },
      { x: last.toMw, y: c.pricePerKwh },
    ];
  } else if (last && c.mixedPrices) {
    // Each rig's own site price, as a step line; a rig without one breaks the line (null).
    price = close(
      c.steps.map((s) => ({ x: s.fromMw, y: s.pricePerKwh ?? Number.NaN })),
      { x: last.toMw, y: last.pricePerKwh ?? Number.NaN },
    );
  }
  return { curve, curtailed, price };
}

function createChart(canvas: HTMLCanvasElement, curveRef: { current: MeritCurve }): Chart<'line', XY[]> {
  const text = cssVar('--text-muted', '#9fadbd');
  const grid = cssVar('--border', '#263244');
  const line = cssVar('--hashrate', '#58a6ff');
  const bad = cssVar('--bad', '#ff7b72');
  const warn = cssVar('--warn', '#e3b341');
  const s = toSeries(curveRef.current);
  const money = (v: number) => formatPricePerKwh(v, curveRef.current.currency);
  // Ticks drop the "/kWh" (the legend names the unit) so a phone keeps its width for the curve.
  const tick = (v: number) => pricePerKwhParts(v, curveRef.current.currency).value;
  // A phone fits about four power labels across, a desktop eight; the canvas itself is not laid out yet.
  const xTicks = (widthPx: number) => (widthPx < 500 ? 4 : 8);
  return new Chart<'line', XY[]>(canvas, {
    type: 'line',
    data: {
      datasets: [
        { label: 'Breakeven', data: s.curve, stepped: 'before', borderColor: line, backgroundColor: line },
        // The losing rigs' steps, filled down to zero: the MW that lose money now.
        { label: 'Curtail', data: s.curtailed, stepped: 'before', borderWidth: 0, fill: 'origin', backgroundColor: `${bad}55` },
        { label: 'Power price', data: s.price, stepped: 'before', borderColor: warn, borderDash: [6, 4], borderWidth: 2 },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      onResize: (chart, size) => {
        const x = chart.options.scales?.x;
        if (x?.ticks) x.ticks.maxTicksLimit = xTicks(size.width);
      },
      parsing: false,
      normalized: true,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      elements: { point: { radius: 0, hitRadius: 8, hoverRadius: 3 }, line: { borderWidth: 2, tension: 0 } },
      scales: {
        x: {
          type: 'linear',
          min: 0,
          ticks: {
            color: text,
            font: tickFont,
            maxTicksLimit: xTicks(canvas.parentElement?.clientWidth ?? 0),
            maxRotation: 0,
            callback: (v) => formatPowerW(Number(v) * W_PER_MW),
          },
          grid: { color: grid },
        },
        y: {
          type: 'linear',
          beginAtZero: true,
          ticks: { color: text, font: tickFont, maxTicksLimit: 6, callback: (v) => tick(Number(v)) },
          grid: { color: grid },
        },
      },
      plugins: {
        tooltip: {
          titleFont: tickFont,
          bodyFont: tickFont,
          filter: (item: TooltipItem<'line'>) => item.datasetIndex === 0,
          callbacks: {
            title: (items: TooltipItem<'line'>[]) => {
              const step = curveRef.current.steps[Math.min(items[0]?.dataIndex ?? 0, curveRef.current.steps.length - 1)];
              return step ? step.name : '';
            },
            label: (item: TooltipItem<'line'>) => {
              const step = curveRef.current.steps[Math.min(item.dataIndex, curveRef.current.steps.length - 1)];
              return step ? `breakeven ${money(step.breakevenPricePerKwh)} · up to ${formatPowerW(step.toMw * W_PER_MW)}` : '';
            },
          },
        },
      },
    },
  });
}

/** Props of MeritOrderChart. */
export interface MeritOrderChartProps {
  curve: MeritCurve;
  /** Accessible name and caption, e.g. "Merit order now". */
  label: string;
  /** data-testid of the figure; "merit-order" for the live curve. */
  testId?: string;
}

/** The chart with an HTML caption stating the curtailment, so the number never depends on reading a plot. */
export const MeritOrderChart = memo(function MeritOrderChart({ curve, label, testId = 'merit-order' }: MeritOrderChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<'line', XY[]> | null>(null);
  const curveRef = useRef(curve);
  curveRef.current = curve;

  useEffect(() => {
    if (!canvasRef.current) return;
    const chart = createChart(canvasRef.current, curveRef);
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const s = toSeries(curve);
    chart.data.datasets[0].data = s.curve;
    chart.data.datasets[1].data = s.curtailed;
    chart.data.datasets[2].data = s.price;
    chart.update('none');
  }, [curve]);

  const empty = curve.steps.length === 0;
  const price = curve.pricePerKwh;
  return (
    <figure
      className={`chart merit${empty ? ' is-empty' : ''}`}
      data-testid={testId}
      data-curtail-mw={String(curve.curtailMw)}
      data-curtail-rigs={curve.steps
        .filter((s) => s.curtail)
        .map((s) => s.rigId)
        .sort((a, b) => a - b)
        .join(',')}
      data-rigs={curve.steps.length}
    >
      <figcaption className="chart-legend">
        <span className="legend-item legend-item--hashrate">Breakeven by rig ({curve.currency}/kWh)</span>
        <span className="legend-item legend-item--price">
          {price !== null
            ? `Power price ${formatPricePerKwh(price, curve.currency)}`
            : curve.mixedPrices
              ? "Each rig's site price now"
              : 'Power price unknown'}
        </span>
        <strong className={`merit-curtail${curve.curtailMw > 0 ? ' is-loss' : ''}`}>
          Curtail now: {empty ? '—' : `${formatPowerW(curve.curtailMw * W_PER_MW)} of ${formatPowerW(curve.totalMw * W_PER_MW)}`}
        </strong>
        {curve.excluded > 0 && <span className="chart-range">{curve.excluded} without power figures left out</span>}
      </figcaption>
      <div className="chart-canvas">
        <canvas ref={canvasRef} role="img" aria-label={`${label}: cumulative power against breakeven price per kWh`}>
          {label}.
        </canvas>
        {empty && <p className="chart-empty">No rig with a breakeven yet: waiting for economics.</p>}
      </div>
    </figure>
  );
});
