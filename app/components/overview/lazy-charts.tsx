'use client';
/**
 * The overview's charts, loaded after the page: chart.js is the largest part of the overview's JavaScript
 * and both charts sit below the heat map, so they come in their own chunk (not first-load JavaScript) and
 * take their place, at their size, once it arrives.
 */
import dynamic from 'next/dynamic';

/** Holds a chart's place while its code loads: the canvas box, at its height, without the canvas. */
function ChartPlaceholder() {
  return <div className="chart-canvas" aria-busy="true" />;
}

/** FleetChart, loaded on the client after the page. */
export const LazyFleetChart = dynamic(() => import('./FleetChart').then((m) => m.FleetChart), {
  ssr: false,
  loading: ChartPlaceholder,
});

/** RealizedHistoryPanel, loaded on the client after the page. */
export const LazyRealizedHistoryPanel = dynamic(() => import('../reports/RealizedHistoryPanel').then((m) => m.RealizedHistoryPanel), {
  ssr: false,
  loading: ChartPlaceholder,
});
