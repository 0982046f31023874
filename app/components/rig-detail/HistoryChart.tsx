'use client';
/**
 * One metric of a rig's history against time: the average as a line over a shaded min–max band (Chart.js
 * fills the max series down to the min series). Breaks in the series stay breaks: no line is drawn across
 * missing time and nothing drops to zero. The x axis is linear epoch ms with ticks from time-ticks.ts, so
 * no date adapter is needed. Like the overview's chart, the Chart instance lives as long as the component
 * and new data is drawn with update('none').
 */
import { memo, useEffect, useRef, type CSSProperties } from 'react';
import { Chart, Filler, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { Scale, TooltipItem } from 'chart.js';
import { formatCompact } from '../alerts/alert-order';
import { cssVar, LIVE_LINE_OPTIONS, tickFont } from '../overview/FleetChart';
import type { BandSeries, ChartPoint } from './history-series';
import { timeTickLabel, timeTicks, type TimeTicks } from './time-ticks';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Filler);

/** Roughly the width a tick label ("Apr 30", "14:30") needs, so a phone gets fewer ticks than a TV. */
const TICK_PX = 70;
/** Datasets are max (filled down to min), min, then avg on top. */
const AVG_SERIES = 2;

/** Props of HistoryChart. */
export interface HistoryChartProps {
  /** The chart's heading, also its accessible name ("Hash rate"). */
  title: string;
  testId: string;
  series: BandSeries;
  /** The range drawn, so missing time at either end shows as empty space. */
  fromMs: number;
  toMs: number;
  /** Theme colour (custom property) of the line, and its fallback. */
  colorVar: string;
  fallbackColor: string;
  /** Axis and tooltip text of a value: "110 TH/s", "$0.04". */
  formatValue: (value: number) => string;
  /** Hash rate and power read against zero; temperature and profit against their own span. */
  beginAtZero?: boolean;
  /** Shown when the range has no value. */
  emptyText: string;
  /** The range's data is being fetched. */
  loading?: boolean;
  /** Extra line in the legend ("1-min buckets", "ethash"). */
  note?: string;
}

/** "#58a6ff" at `alpha`; other colour syntaxes are returned as they are. */
function translucent(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return color;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16));
  return `rgb(${r} ${g} ${b} / ${alpha})`;
}

/** Local time's offset from UTC, for ticks on round local times. */
function localOffsetMs(tsMs: number): number {
  return -new Date(tsMs).getTimezoneOffset() * 60_000;
}

type Live = Pick<HistoryChartProps, 'series' | 'fromMs' | 'toMs' | 'formatValue'>;

function createChart(canvas: HTMLCanvasElement, live: { current: Live }, color: string, beginAtZero: boolean): Chart<'line', ChartPoint[]> {
  const text = cssVar('--text-muted', '#9aa7b6');
  const grid = cssVar('--border', '#243041');
  let ticks: TimeTicks = { step: 60_000, monthly: false, values: [] };
  const { series, fromMs, toMs } = live.current;
  const edge = { borderWidth: 0, pointRadius: 0, pointHoverRadius: 0, pointHitRadius: 0 };
  return new Chart<'line', ChartPoint[]>(canvas, {
    type: 'line',
    data: {
      datasets: [
        { label: 'max', data: series.max, ...edge, fill: '+1', backgroundColor: translucent(color, 0.22) },
        { label: 'min', data: series.min, ...edge, fill: false },
        {
          label: 'avg',
          data: series.avg,
          borderColor: color,
          backgroundColor: color,
          borderWidth: 2,
          pointRadius: series.avgRadius,
          fill: false,
        },
      ],
    },
    options: {
      ...LIVE_LINE_OPTIONS,
      // A null point is missing time: never bridge it.
      spanGaps: false,
      elements: { point: { radius: 0, hitRadius: 6, hoverRadius: 3 }, line: { tension: 0 } },
      scales: {
        x: {
          type: 'linear',
          min: fromMs,
          max: toMs,
          afterBuildTicks: (scale: Scale) => {
            const maxTicks = Math.max(2, Math.floor(scale.width / TICK_PX));
            ticks = timeTicks(scale.min, scale.max, maxTicks, localOffsetMs(scale.max));
            scale.ticks = ticks.values.map((value) => ({ value }));
          },
          ticks: { color: text, font: tickFont, maxRotation: 0, callback: (v) => timeTickLabel(Number(v), ticks) },
          grid: { color: grid },
        },
        y: {
          type: 'linear',
          beginAtZero,
          grace: '5%',
          ticks: { color: text, font: tickFont, maxTicksLimit: 5, callback: (v) => live.current.formatValue(Number(v)) },
          // Zero gets a brighter line: a profit chart's most important level.
          grid: { color: (ctx) => (ctx.tick?.value === 0 ? text : grid) },
        },
      },
      plugins: {
        tooltip: {
          titleFont: tickFont,
          bodyFont: tickFont,
          filter: (item: TooltipItem<'line'>) => item.datasetIndex === AVG_SERIES && item.parsed.y !== null,
          callbacks: {
            title: (items: TooltipItem<'line'>[]) => {
              const x = items[0]?.parsed.x;
              return typeof x === 'number' ? formatCompact(x, Date.now()) : '';
            },
            label: (item: TooltipItem<'line'>) => {
              const { series: s, formatValue } = live.current;
              const lo = s.min[item.dataIndex]?.y;
              const hi = s.max[item.dataIndex]?.y;
              const avg = `avg ${formatValue(item.parsed.y ?? 0)}`;
              return typeof lo === 'number' && typeof hi === 'number' && hi !== lo
                ? [avg, `min ${formatValue(lo)} · max ${formatValue(hi)}`]
                : avg;
            },
          },
        },
      },
    },
  });
}

/** A band chart of one metric over the selected range, with its legend and empty state. */
export const HistoryChart = memo(function HistoryChart(props: HistoryChartProps) {
  const {
    title,
    testId,
    series,
    fromMs,
    toMs,
    colorVar,
    fallbackColor,
    formatValue,
    beginAtZero = false,
    emptyText,
    loading = false,
    note,
  } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<'line', ChartPoint[]> | null>(null);
  const live = useRef<Live>(props);
  live.current = props;

  useEffect(() => {
    if (!canvasRef.current) return;
    const chart = createChart(canvasRef.current, live, cssVar(colorVar, fallbackColor), beginAtZero);
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, [colorVar, fallbackColor, beginAtZero]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const [max, min, avg] = chart.data.datasets;
    max.data = series.max;
    min.data = series.min;
    avg.data = series.avg;
    avg.pointRadius = series.avgRadius;
    const x = chart.options.scales?.x;
    if (x) Object.assign(x, { min: fromMs, max: toMs });
    chart.update('none');
  }, [series, fromMs, toMs, formatValue]);

  const empty = series.count === 0;
  return (
    <figure
      className={`chart rd-chart${loading ? ' is-loading' : ''}`}
      style={{ '--chart-color': `var(${colorVar}, ${fallbackColor})` } as CSSProperties}
      data-testid={testId}
      data-points={series.count}
      data-from-ms={fromMs}
      data-to-ms={toMs}
      aria-busy={loading}
    >
      <figcaption className="chart-legend">
        <span className="rd-chart-title">{title}</span>
        <span className="legend-item rd-legend-avg">avg</span>
        <span className="legend-item rd-legend-band">min–max</span>
        {note && <span className="chart-range">{note}</span>}
      </figcaption>
      <div className="chart-canvas rd-chart-canvas">
        <canvas ref={canvasRef} role="img" aria-label={`${title}: average with minimum and maximum over the selected range`}>
          {title} over the selected range.
        </canvas>
        {empty && <p className="chart-empty">{loading ? 'Loading…' : emptyText}</p>}
      </div>
    </figure>
  );
});
