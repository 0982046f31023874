'use client';
/**
 * The rig's history: a range picker (1 h to 1 y, kept in the URL as ?range=) over four band charts, hash
 * rate, power, hottest temperature and profit per kWh, read from the tiered history API and fetched again
 * every minute. The server renders the first range, so the page opens with charts, not a spinner.
 */
import { useCallback, useMemo, useState } from 'react';
import type { HistoryRange } from '../../../lib/history/ranges';
import { RANGE_SPEC } from '../../../lib/history/ranges';
import type { Metric } from '../../../lib/history/rollup';
import { pricePerKwhParts } from '../../../lib/format/money';
import { formatDurationMs } from '../alerts/alert-order';
import { HistoryChart } from './HistoryChart';
import { historyUrl, RANGE_OPTIONS, searchWithRange } from './history-range';
import {
  bandSeries,
  formatAxisValue,
  hashrateAxisUnit,
  parseHistoryReply,
  powerAxisUnit,
  type AxisUnit,
  type BandSeries,
  type RigHistoryReply,
} from './history-series';
import { usePolledJson } from './use-polled-json';

/** How often the shown range is fetched again. */
const REFRESH_MS = 60_000;
const EMPTY_TEXT = 'History starts when the collector has polled this rig';
const TEMP_AXIS: AxisUnit = { unit: '°C', divisor: 1 };

/** Props of RigHistoryPanel. */
export interface RigHistoryPanelProps {
  rigId: number;
  initialRange: HistoryRange;
  /** The server's answer for initialRange. */
  initialHistory: RigHistoryReply;
  /** The collector's poll interval: neighbouring points further apart than a poll or two are a gap. */
  pollIntervalMs: number;
  /** What the rig hashes when it is not SHA-256 ("ethash"); null for Bitcoin ASICs. */
  otherAlgorithm: string | null;
  /** The site currency profit per kWh is stored in. */
  currency: string;
}

/** The range in state and in the URL; replaceState, so picking ranges does not fill the back button. */
function useRange(initial: HistoryRange): [HistoryRange, (r: HistoryRange) => void] {
  const [range, setRangeState] = useState(initial);
  const setRange = useCallback((next: HistoryRange) => {
    setRangeState(next);
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${searchWithRange(search, next)}`);
  }, []);
  return [range, setRange];
}

interface ChartSpec {
  metric: Metric;
  title: string;
  testId: string;
  colorVar: string;
  fallbackColor: string;
  beginAtZero: boolean;
}

/** Profit reads against zero too: where it crosses zero is what matters, its wiggles are fractions of a cent. */
const CHARTS: readonly ChartSpec[] = [
  {
    metric: 'hashrateThs',
    title: 'Hash rate',
    testId: 'chart-hashrate',
    colorVar: '--hashrate',
    fallbackColor: '#58a6ff',
    beginAtZero: true,
  },
  { metric: 'powerW', title: 'Power', testId: 'chart-power', colorVar: '--power', fallbackColor: '#f0883e', beginAtZero: true },
  { metric: 'tempMaxC', title: 'Max temp', testId: 'chart-temp', colorVar: '--temp', fallbackColor: '#d2a8ff', beginAtZero: false },
  {
    metric: 'profitPerKwh',
    title: 'Profit per kWh',
    testId: 'chart-profit',
    colorVar: '--profit',
    fallbackColor: '#3fb950',
    beginAtZero: true,
  },
];

/** Each chart's series and axis text, recomputed only when a new answer arrives. */
function useChartData(history: RigHistoryReply | null, pollIntervalMs: number, currency: string) {
  return useMemo(() => {
    const points = history?.points ?? [];
    const widthMs = history?.widthMs ?? 60_000;
    const series = Object.fromEntries(CHARTS.map((c) => [c.metric, bandSeries(points, c.metric, widthMs, pollIntervalMs)])) as Record<
      Metric,
      BandSeries
    >;
    const hash = hashrateAxisUnit(series.hashrateThs.peak);
    const power = powerAxisUnit(series.powerW.peak);
    const format: Record<Metric, (v: number) => string> = {
      hashrateThs: (v) => formatAxisValue(v, hash),
      powerW: (v) => formatAxisValue(v, power),
      tempMaxC: (v) => formatAxisValue(v, TEMP_AXIS),
      profitPerKwh: (v) => pricePerKwhParts(v, currency).value,
    };
    return { series, format };
  }, [history, pollIntervalMs, currency]);
}

/** Range buttons and the four charts. */
export function RigHistoryPanel({ rigId, initialRange, initialHistory, pollIntervalMs, otherAlgorithm, currency }: RigHistoryPanelProps) {
  const [range, setRange] = useRange(initialRange);
  const initial = useMemo(() => ({ url: historyUrl(rigId, initialRange), data: initialHistory }), [rigId, initialRange, initialHistory]);
  const { data, status, error } = usePolledJson(historyUrl(rigId, range), parseHistoryReply, REFRESH_MS, initial);
  const { series, format } = useChartData(data, pollIntervalMs, currency);
  const loading = status === 'loading';
  // Before the first answer for a newly picked range (never at hydration: the server sent the first one),
  // its span ending now, so the axis does not keep showing the old range.
  // eslint-disable-next-line react-hooks/purity -- a placeholder axis end while a new range loads; the reply replaces it
  const toMs = data?.toMs ?? Date.now();
  const fromMs = data?.fromMs ?? toMs - RANGE_SPEC[range].spanMs;

  const notes: Partial<Record<Metric, string>> = {
    hashrateThs: otherAlgorithm ?? undefined,
    profitPerKwh: currency,
  };

  return (
    <section className="panel rd-history" aria-labelledby="history-title" data-testid="rig-history" data-range={range} data-status={status}>
      <div className="panel-head rd-history-head">
        <h2 className="panel-title" id="history-title">
          History
        </h2>
        <div className="rd-ranges" role="group" aria-label="Range">
          {RANGE_OPTIONS.map((o) => (
            <button
              key={o.value}
              type="button"
              className="ctl-button ctl-button--small rd-range"
              aria-pressed={o.value === range}
              onClick={() => setRange(o.value)}
              data-testid={`range-${o.value}`}
            >
              {o.label}
            </button>
          ))}
        </div>
      </div>
      <p className="rd-history-meta">
        {data && data.range === range ? `Each point: ${formatDurationMs(data.widthMs)} (line: average, band: min to max)` : 'Loading…'}
        {status === 'error' && <span className="warn-text"> · could not refresh ({error})</span>}
      </p>
      <div className="rd-charts">
        {CHARTS.map((c) => (
          <HistoryChart
            key={c.metric}
            title={c.title}
            testId={c.testId}
            series={series[c.metric]}
            fromMs={fromMs}
            toMs={toMs}
            colorVar={c.colorVar}
            fallbackColor={c.fallbackColor}
            formatValue={format[c.metric]}
            beginAtZero={c.beginAtZero}
            emptyText={EMPTY_TEXT}
            loading={loading && data === null}
            note={notes[c.metric]}
          />
        ))}
      </div>
    </section>
  );
}
