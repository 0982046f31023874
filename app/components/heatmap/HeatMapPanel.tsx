'use client';
/**
 * The overview's heat map panel: a switch of what the cells show (state, profit per kWh now, temperature;
 * kept in the address as ?map= so a reload or a shared link keeps it), the legend with counts, and one map per
 * site under its name and state counts. Before the cells arrive it says so in a light placeholder.
 */
import { useState } from 'react';
import type { RigCell } from '../../../lib/domain/rig-cell';
import type { SiteSummary } from '../../../lib/views/contracts';
import { HEATMAP_MODES, legendOf, MODE_LABEL, type HeatmapMode } from './heatmap-colours';
import { cellsBySite } from './heatmap-layout';
import { HeatMap } from './HeatMap';
import { HeatMapLegend } from './HeatMapLegend';
import './heatmap.css';

/** Props of HeatMapPanel. */
export interface HeatMapPanelProps {
  cells: RigCell[] | null;
  sites: SiteSummary[];
  initialMode: HeatmapMode;
}

/** Keeps the mode in the address without a navigation. */
function rememberMode(mode: HeatmapMode): void {
  const url = new URL(window.location.href);
  if (mode === 'state') url.searchParams.delete('map');
  else url.searchParams.set('map', mode);
  window.history.replaceState(window.history.state, '', url);
}

/** Heat maps of every site in view, with their switch and legend. */
export function HeatMapPanel({ cells, sites, initialMode }: HeatMapPanelProps) {
  const [mode, setMode] = useState(initialMode);
  const bySite = cells
    ? cellsBySite(
        cells,
        sites.map((s) => s.id),
      )
    : null;
  return (
    <section className="panel heatmap-panel" aria-labelledby="heatmap-title" data-testid="heatmap-panel">
      <div className="heatmap-head">
        <h2 className="panel-title" id="heatmap-title">
          Heat map <span className="panel-count">{cells ? cells.length.toLocaleString('en-US') : ''}</span>
        </h2>
        <div className="heatmap-switch" role="radiogroup" aria-label="Colour rigs by">
          {HEATMAP_MODES.map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              className={`heatmap-switch-btn${mode === m ? ' is-on' : ''}`}
              data-testid={`heatmap-mode-${m}`}
              onClick={() => {
                setMode(m);
                rememberMode(m);
              }}
            >
              {MODE_LABEL[m]}
            </button>
          ))}
        </div>
      </div>
      {cells && bySite ? (
        <>
          <HeatMapLegend entries={legendOf(cells, mode)} />
          {sites.map((site) => {
            const own = bySite.get(site.id) ?? [];
            return own.length === 0 ? null : (
              <section key={site.id} className="heatmap-site" data-testid="heatmap-site" data-site-id={site.id}>
                <h3 className="heatmap-site-name">
                  {site.name} <span className="heatmap-site-count">{own.length.toLocaleString('en-US')} rigs</span>
                </h3>
                {/* A site of thousands gets more height, so its cells stay big enough to point at. */}
                <HeatMap
                  cells={own}
                  mode={mode}
                  label={`Heat map of ${site.name}`}
                  maxHeightPx={Math.min(720, Math.max(360, own.length / 6))}
                />
              </section>
            );
          })}
        </>
      ) : (
        <p className="heatmap-loading" data-testid="heatmap-loading">
          Loading the rigs…
        </p>
      )}
    </section>
  );
}
