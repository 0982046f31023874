'use client';
/**
 * Live line chart of fleet hash rate and power over the last hour. The Chart instance lives as long as
 * the component: new history is written into the existing datasets and drawn with update('none'), so a
 * wall display never flickers or re-animates on each sweep.
 */
import { memo, useEffect, useRef } from 'react';
import { Chart, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { Scale, TooltipItem } from 'chart.js';
import type { FleetPoint } from '../../../lib/views/contracts';
import { formatClockTime, formatHashrateThs, formatPowerW } from '../../../lib/format/units';

// Only what a two-axis line chart with a tooltip needs; the legend is HTML so it can be styled and read.
Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);

type XY = { x: number; y: number };

const MINUTE_MS = 60_000;
const WINDOW_MS = 60 * MINUTE_MS;
const TICK_STEPS_MIN = [1, 2, 5, 10, 15, 30, 60];
/** Roughly the width an "HH:MM" label needs, so a phone gets fewer ticks than a TV. */
const TICK_PX = 80;

/** Time ticks on whole clock minutes (12:10, 12:20) instead of wherever the data happens to start. */
function clockTicks(scale: Scale): void {
  const spanMin = (scale.max - scale.min) / MINUTE_MS;
  const maxTicks = Math.max(2, Math.floor(scale.width / TICK_PX));
  const stepMin = TICK_STEPS_MIN.find((s) => spanMin / s <= maxTicks) ?? 60;
  const stepMs = stepMin * MINUTE_MS;
  const ticks = [];
  for (let t = Math.ceil(scale.min / stepMs) * stepMs; t <= scale.max; t += stepMs) ticks.push({ value: t });
  scale.ticks = ticks;
}

/**
 * What every live line chart starts from: no animation (a redraw per sweep must not re-animate), sized by
 * its box, and points already {x, y} in time order, so Chart.js skips parsing and sorting on each update.
 */
export const LIVE_LINE_OPTIONS = {
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  parsing: false,
  normalized: true,
  interaction: { mode: 'index', intersect: false },
} as const;

/** A theme custom property of the document (globals.css), or `fallback` when it is not set. */
export function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/** Only the visible hour: a display left open for weeks must not draw (or hold) older points. */
/** Tick font follows the root size, which globals.css raises on TVs; re-read on every draw and resize. */
export function tickFont(): { size: number } {
  const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return { size: Math.round(rootPx * 0.8) };
}

function toSeries(history: readonly FleetPoint[]): { hashrate: XY[]; power: XY[] } {
  const fromMs = (history[history.length - 1]?.tsMs ?? 0) - WINDOW_MS;
  const visible = history.filter((p) => p.tsMs >= fromMs);
  return {
    hashrate: visible.map((p) => ({ x: p.tsMs, y: p.hashrateThs })),
    power: visible.map((p) => ({ x: p.tsMs, y: p.powerW })),
  };
}

/**
 * Always a full hour ending at the newest point: a fresh install shows a short line on the right instead of
 * a few minutes stretched across the screen, and the scale stays still between sweeps.
 */
function xWindow(history: readonly FleetPoint[]): { min?: number; max?: number } {
  const last = history[history.length - 1];
  return last ? { min: last.tsMs - WINDOW_MS, max: last.tsMs } : {};
}

function createChart(canvas: HTMLCanvasElement, history: readonly FleetPoint[]): Chart<'line', XY[]> {
  const text = cssVar('--text-muted', '#9aa7b6');
  const grid = cssVar('--border', '#243041');
  const hashColor = cssVar('--hashrate', '#58a6ff');
  const powerColor = cssVar('--power', '#f0883e');
  const { hashrate, power } = toSeries(history);
  return new Chart<'line', XY[]>(canvas, {
    type: 'line',
    data: {
      datasets: [
        { label: 'Hash rate', data: hashrate, yAxisID: 'y', borderColor: hashColor, backgroundColor: hashColor },
        { label: 'Power', data: power, yAxisID: 'y1', borderColor: powerColor, backgroundColor: powerColor },
      ],
    },
    options: {
      ...LIVE_LINE_OPTIONS,
      elements: { point: { radius: 0, hitRadius: 6, hoverRadius: 3 }, line: { borderWidth: 2, tension: 0 } },
      color: text,
      scales: {
        x: {
          type: 'linear',
          ...xWindow(history),
          afterBuildTicks: clockTicks,
          ticks: { color: text, font: tickFont, maxRotation: 0, callback: (v) => formatClockTime(Number(v)) },
          grid: { color: grid },
        },
        y: {
          type: 'linear',
          position: 'left',
          beginAtZero: true,
          ticks: { color: hashColor, font: tickFont, maxTicksLimit: 5, callback: (v) => formatHashrateThs(Number(v)) },
          grid: { color: grid },
        },
        y1: {
          type: 'linear',
          position: 'right',
          beginAtZero: true,
          ticks: { color: powerColor, font: tickFont, maxTicksLimit: 5, callback: (v) => formatPowerW(Number(v)) },
          grid: { display: false },
        },
      },
      plugins: {
        tooltip: {
          titleFont: tickFont,
          bodyFont: tickFont,
          callbacks: {
            title: (items: TooltipItem<'line'>[]) => formatClockTime(items[0]?.parsed.x ?? null),
            label: (item: TooltipItem<'line'>) =>
              item.datasetIndex === 0 ? `Hash rate ${formatHashrateThs(item.parsed.y)}` : `Power ${formatPowerW(item.parsed.y)}`,
          },
        },
      },
    },
  });
}

/** Props of FleetChart: the last hour of sweeps (oldest first) and whether they have stopped arriving. */
export interface FleetChartProps {
  history: FleetPoint[];
  /** True when no sweep arrived for too long: the chart is dimmed so it does not pass for live. */
  stale: boolean;
}

/** Fleet hash rate (left axis) and power (right axis) against clock time. */
export const FleetChart = memo(function FleetChart({ history, stale }: FleetChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<'line', XY[]> | null>(null);
  const historyRef = useRef(history);
  historyRef.current = history;

  // Create once per mount; the history effect below keeps it current.
  useEffect(() => {
    if (!canvasRef.current) return;
    const chart = createChart(canvasRef.current, historyRef.current);
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const { hashrate, power } = toSeries(history);
    chart.data.datasets[0].data = hashrate;
    chart.data.datasets[1].data = power;
    const x = chart.options.scales?.x;
    if (x) Object.assign(x, { min: undefined, max: undefined }, xWindow(history));
    chart.update('none');
  }, [history]);

  const empty = history.length === 0;
  return (
    <figure className={`chart${stale ? ' is-stale' : ''}`} data-testid="fleet-chart" data-points={history.length}>
      <figcaption className="chart-legend">
        <span className="legend-item legend-item--hashrate">Hash rate</span>
        <span className="legend-item legend-item--power">Power</span>
        <span className="chart-range">last hour</span>
      </figcaption>
      <div className="chart-canvas">
        <canvas ref={canvasRef} role="img" aria-label="Fleet hash rate and power over the last hour">
          Fleet hash rate and power over the last hour.
        </canvas>
        {empty && <p className="chart-empty">Waiting for the first sweep…</p>}
      </div>
    </figure>
  );
});
