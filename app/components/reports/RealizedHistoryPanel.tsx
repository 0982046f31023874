'use client';
/**
 * Fleet and site history from the realized accounts, over 24 h, 7 d, 30 d or 1 y: mean hash rate and power
 * (including PUE) per hour or day, and profit per kWh against the price paid per kWh. Fetched from
 * /api/reports/history (the viewer's sites only) and refreshed every minute.
 */
import { useEffect, useRef, useState } from 'react';
import { Chart, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { RealizedHistory } from '../../../lib/db/queries/realized-history';
import { REALIZED_RANGES, type RealizedRange } from '../../../lib/realized/history';
import { formatHashrateThs, formatPowerW } from '../../../lib/format/units';
import { formatPricePerKwh } from '../../../lib/format/money';
import { usePolledJson } from '../rig-detail/use-polled-json';
import { cssVar, LIVE_LINE_OPTIONS, tickFont } from '../overview/FleetChart';
import './realized-history.css';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);

type XY = { x: number; y: number };
const RANGE_LABELS: Record<RealizedRange, string> = { '24h': '24 h', '7d': '7 d', '30d': '30 d', '1y': '1 y' };

const parse = (json: unknown): RealizedHistory | null =>
  json && typeof json === 'object' && Array.isArray((json as RealizedHistory).points) ? (json as RealizedHistory) : null;

function timeLabel(h: RealizedHistory): (ms: number) => string {
  const f = new Intl.DateTimeFormat(
    'en-US',
    h.bucket === 'day'
      ? { timeZone: h.timeZone, month: 'short', day: 'numeric' }
      : { timeZone: h.timeZone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  );
  return (ms) => f.format(ms);
}

function series(h: RealizedHistory, pick: (p: RealizedHistory['points'][number]) => number | null): XY[] {
  return h.points.flatMap((p) => {
    const y = pick(p);
    return y === null ? [] : [{ x: p.tsMs, y }];
  });
}

/** Draws two lines on `canvas`; `sameAxis` puts both on the left axis (two prices). */
function drawChart(
  canvas: HTMLCanvasElement,
  h: RealizedHistory,
  lines: { label: string; data: XY[]; color: string; format: (v: number) => string }[],
  sameAxis: boolean,
) {
  const text = cssVar('--text-muted', '#9aa7b6');
  const grid = cssVar('--border', '#243041');
  const label = timeLabel(h);
  return new Chart<'line', XY[]>(canvas, {
    type: 'line',
    data: {
      datasets: lines.map((l, i) => ({
        label: l.label,
        data: l.data,
        yAxisID: sameAxis || i === 0 ? 'y' : 'y1',
        borderColor: l.color,
        backgroundColor: l.color,
      })),
    },
    options: {
      ...LIVE_LINE_OPTIONS,
      elements: { point: { radius: h.points.length < 40 ? 2 : 0, hitRadius: 6, hoverRadius: 3 }, line: { borderWidth: 2, tension: 0 } },
      scales: {
        x: {
          type: 'linear',
          min: h.fromMs,
          max: h.toMs,
          ticks: { color: text, font: tickFont, maxRotation: 0, maxTicksLimit: 6, callback: (v) => label(Number(v)) },
          grid: { color: grid },
        },
        y: {
          type: 'linear',
          position: 'left',
          beginAtZero: !sameAxis,
          ticks: { color: sameAxis ? text : lines[0].color, font: tickFont, maxTicksLimit: 5, callback: (v) => lines[0].format(Number(v)) },
          grid: { color: grid },
        },
        y1: {
          type: 'linear',
          position: 'right',
          display: !sameAxis,
          beginAtZero: true,
          ticks: { color: lines[1].color, font: tickFont, maxTicksLimit: 5, callback: (v) => lines[1].format(Number(v)) },
          grid: { display: false },
        },
      },
      plugins: {
        tooltip: {
          callbacks: {
            title: (items) => label(items[0]?.parsed.x ?? 0),
            label: (item) => `${lines[item.datasetIndex].label} ${lines[item.datasetIndex].format(item.parsed.y ?? 0)}`,
          },
        },
      },
    },
  });
}

function HistoryCanvas({ h, kind }: { h: RealizedHistory; kind: 'rate' | 'money' }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const hashColor = cssVar('--hashrate', '#58a6ff');
    const powerColor = cssVar('--power', '#f0883e');
    const chart =
      kind === 'rate'
        ? drawChart(
            ref.current,
            h,
            [
              { label: 'Hash rate', data: series(h, (p) => p.hashrateThs), color: hashColor, format: formatHashrateThs },
              {
                label: 'Power incl. PUE',
                data: series(h, (p) => (p.powerKw === null ? null : p.powerKw * 1000)),
                color: powerColor,
                format: formatPowerW,
              },
            ],
            false,
          )
        : drawChart(
            ref.current,
            h,
            [
              {
                label: 'Profit per kWh',
                data: series(h, (p) => p.profitPerKwh),
                color: hashColor,
                format: (v) => formatPricePerKwh(v, h.currency),
              },
              {
                label: 'Price paid per kWh',
                data: series(h, (p) => p.pricePaidPerKwh),
                color: powerColor,
                format: (v) => formatPricePerKwh(v, h.currency),
              },
            ],
            true,
          );
    return () => chart.destroy();
  }, [h, kind]);
  const what = kind === 'rate' ? 'Hash rate and power' : 'Profit per kWh against the price paid';
  return (
    <figure className="chart" data-testid={`realized-chart-${kind}`} data-points={h.points.length}>
      <figcaption className="chart-legend">
        <span className="legend-item legend-item--hashrate">{kind === 'rate' ? 'Hash rate' : 'Profit per kWh'}</span>
        <span className="legend-item legend-item--power">{kind === 'rate' ? 'Power incl. PUE' : 'Price paid per kWh'}</span>
        <span className="chart-range">{`per ${h.bucket}, ${h.currency}`}</span>
      </figcaption>
      <div className="chart-canvas">
        <canvas ref={ref} role="img" aria-label={`${h.name}: ${what}, per ${h.bucket}`} />
        {h.points.length === 0 && <p className="chart-empty">No realized figures in this range yet.</p>}
      </div>
    </figure>
  );
}

/** Props of RealizedHistoryPanel: the sites the viewer may pick besides the fleet. */
export interface RealizedHistoryPanelProps {
  sites: readonly { id: number; name: string }[];
}

/** "History" panel: fleet or one site, four ranges, two charts. */
export function RealizedHistoryPanel({ sites }: RealizedHistoryPanelProps) {
  const [range, setRange] = useState<RealizedRange>('24h');
  const [site, setSite] = useState<string>('fleet');
  const { data, status, error } = usePolledJson(`/api/reports/history?site=${site}&range=${range}`, parse, 60_000);
  const current = data && data.range === range ? data : null;
  return (
    <section className="panel" aria-labelledby="realized-history-title" data-testid="realized-history" data-status={status}>
      <div className="rh-head">
        <h2 className="panel-title" id="realized-history-title">
          History (realized)
        </h2>
        <select className="rh-select" aria-label="Fleet or site" value={site} onChange={(e) => setSite(e.target.value)}>
          <option value="fleet">Fleet</option>
          {sites.map((s) => (
            <option key={s.id} value={String(s.id)}>
              {s.name}
            </option>
          ))}
        </select>
        <div className="rh-ranges" role="group" aria-label="Range">
          {REALIZED_RANGES.map((r) => (
            <button
              key={r}
              type="button"
              className="rh-range"
              aria-pressed={r === range}
              onClick={() => setRange(r)}
              data-testid={`realized-range-${r}`}
            >
              {RANGE_LABELS[r]}
            </button>
          ))}
        </div>
      </div>
      {status === 'error' && <p className="warn-text">Could not load the history ({error})</p>}
      {current ? (
        <>
          <HistoryCanvas h={current} kind="rate" />
          <HistoryCanvas h={current} kind="money" />
          {current.points.some((p) => p.excludesGpuRevenue) && (
            <p className="kpi-hint">Profit excludes GPU revenue (not set): GPU rigs count as cost only.</p>
          )}
        </>
      ) : (
        <p className="empty-note">Loading…</p>
      )}
    </section>
  );
}
